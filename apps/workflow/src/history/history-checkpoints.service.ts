import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, schemaOf, tryTransactionLock } from '#platform';
import { WorkflowPublisher } from '../workflow.publisher.js';
import { CaseHistoryService } from './case-history.service.js';
import { CheckpointSigner } from './checkpoint-signer.js';
import { checkpointDigest } from './checkpoints.js';
import { HistoryCheckpoint, type CheckpointHead } from './history-checkpoint.entity.js';

/** Cases named in one checkpoint at most; more make several checkpoints in one run. */
const HEADS_PER_CHECKPOINT = 500;

export interface CheckpointRun {
  readonly checkpoints: number;
  readonly cases: number;
  /** Cases left out because their history no longer verifies: they are reported, not signed. */
  readonly refused: { caseId: string; reason: string }[];
}

/**
 * The anchor of the case histories. A hash chain alone shows an edited entry, but not a history
 * rewritten and rehashed to its end by someone who can write the database; a checkpoint, signed
 * with a key the database does not hold and published to Kafka, does.
 */
@Injectable()
export class HistoryCheckpointsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CheckpointSigner) private readonly signer: CheckpointSigner,
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
    @Inject(CaseHistoryService) private readonly history: CaseHistoryService,
  ) {}

  /** Checkpoints every case whose history grew since its last checkpoint; idempotent. */
  async take(): Promise<CheckpointRun> {
    let checkpoints = 0;
    let cases = 0;
    const refused: CheckpointRun['refused'] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        if (!(await tryTransactionLock(manager, 'workflow-history-checkpoint'))) {
          return undefined;
        }
        return this.checkpointBatch(manager, after);
      });
      if (batch === undefined || batch.seen === 0) {
        break;
      }
      after = batch.lastCaseId;
      refused.push(...batch.refused);
      if (batch.signed > 0) {
        checkpoints += 1;
        cases += batch.signed;
      }
    }
    return { checkpoints, cases, refused };
  }

  private async checkpointBatch(manager: EntityManager, after: string) {
    const s = schemaOf(this.dataSource);
    // Cases being changed now are skipped (SKIP LOCKED): the next run takes them.
    const pending: { id: string; history_length: number; head_hash: string }[] =
      await manager.query(
        `SELECT c.id, c.history_length, c.head_hash FROM "${s}"."escalation_case" c
         WHERE c.history_length > 0 AND c.id > $1
           AND NOT EXISTS (
             SELECT 1 FROM "${s}"."history_checkpoint" k
             WHERE k.heads @> jsonb_build_array(jsonb_build_object(
               'caseId', c.id::text, 'length', c.history_length, 'headHash', c.head_hash)))
         ORDER BY c.id LIMIT $2
         FOR SHARE OF c SKIP LOCKED`,
        [after, HEADS_PER_CHECKPOINT],
      );
    const heads: CheckpointHead[] = [];
    const refused: CheckpointRun['refused'] = [];
    for (const row of pending) {
      const head = { id: row.id, historyLength: row.history_length, headHash: row.head_hash };
      const verification = await this.history.verify(head, manager);
      if (verification.valid) {
        heads.push({ caseId: row.id, length: row.history_length, headHash: row.head_hash });
      } else {
        refused.push({ caseId: row.id, reason: verification.reason });
      }
    }
    if (heads.length > 0) {
      await this.sign(manager, heads);
    }
    return {
      seen: pending.length,
      lastCaseId: pending.at(-1)?.id ?? after,
      signed: heads.length,
      refused,
    };
  }

  private async sign(manager: EntityManager, heads: CheckpointHead[]): Promise<void> {
    const [previous] = await manager.find(HistoryCheckpoint, {
      order: { sequence: 'DESC' },
      take: 1,
    });
    const content = {
      sequence: (previous?.sequence ?? 0) + 1,
      takenAt: this.clock.now().toISOString(),
      previousDigest: previous?.digest ?? null,
      heads,
    };
    const digest = checkpointDigest(content);
    const checkpoint = manager.create(HistoryCheckpoint, {
      id: randomUUID(),
      ...content,
      digest,
      keyId: this.signer.keyId,
      signature: this.signer.sign(digest),
    });
    await manager.insert(HistoryCheckpoint, checkpoint);
    await this.events.publish(manager, 'workflow.history-checkpointed.v1', {
      checkpointId: checkpoint.id,
      sequence: checkpoint.sequence,
      takenAt: checkpoint.takenAt,
      previousDigest: checkpoint.previousDigest,
      heads,
      digest,
      keyId: checkpoint.keyId,
      signature: checkpoint.signature,
    });
  }
}
