// When each trigger's effect committed in the workflow service, read in its own process.
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import {
  DataSource,
  type AfterQueryEvent,
  type EntitySubscriberInterface,
  type InsertEvent,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type TransactionStartEvent,
} from 'typeorm';
import { CaseHistory } from '../apps/workflow/src/history/case-history.entity.js';

const TX = 'bench:transaction';

/** What the bench notes of one workflow transaction, on its query runner. */
interface TransactionNotes {
  startedAt: number;
  statements: number;
  statementMs: number;
  /** The events its history entries name, and the first entry's transition. */
  refs: string[];
  transition?: string;
}

/** A trigger's effect: its transaction's span, its round trips, and what it did to the case. */
export interface Effect {
  readonly startedAt: number;
  readonly committedAt: number;
  readonly statements: number;
  /** Time the statements took as TypeORM timed them (whole ms, round trips included). */
  readonly statementMs: number;
  readonly transition: string;
}

/**
 * When each trigger's effect committed in the workflow: a TypeORM subscriber (as the service's
 * own after-commit work is) notes the event a history entry names, the moment its transaction
 * began and committed, and the statements it sent.
 */
export class EffectClock implements EntitySubscriberInterface<CaseHistory> {
  readonly effects = new Map<string, Effect>();

  watch(app: INestApplication): void {
    app.get(DataSource).subscribers.push(this);
  }

  listenTo() {
    return CaseHistory;
  }

  afterTransactionStart({ queryRunner }: TransactionStartEvent): void {
    const notes: TransactionNotes = {
      startedAt: performance.now(),
      statements: 0,
      statementMs: 0,
      refs: [],
    };
    queryRunner.data[TX] = notes;
  }

  afterQuery({ queryRunner, executionTime }: AfterQueryEvent): void {
    const notes = notesOf(queryRunner);
    if (notes) {
      notes.statements += 1;
      notes.statementMs += executionTime ?? 0;
    }
  }

  afterInsert({ entity, queryRunner }: InsertEvent<CaseHistory>): void {
    const notes = notesOf(queryRunner);
    if (notes && entity.cause.kind === 'event') {
      notes.refs.push(entity.cause.ref);
      notes.transition ??= entity.transition;
    }
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    const committedAt = performance.now();
    const notes = notesOf(queryRunner);
    for (const ref of notes?.refs ?? []) {
      if (!this.effects.has(ref)) {
        const { startedAt, statements, statementMs, transition = '?' } = notes!;
        this.effects.set(ref, { startedAt, committedAt, statements, statementMs, transition });
      }
    }
    delete queryRunner.data[TX];
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    delete queryRunner.data[TX];
  }
}

function notesOf(queryRunner: QueryRunner | undefined): TransactionNotes | undefined {
  return queryRunner?.data[TX] as TransactionNotes | undefined;
}
