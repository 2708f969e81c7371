import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '#platform';
import { CaseHistory } from './case-history.entity.js';
import {
  entryHash,
  verifyChain,
  type ChainVerification,
  type HistoryEntryContent,
} from './hash-chain.js';

export type NewHistoryEntry = Omit<HistoryEntryContent, 'caseId' | 'sequence' | 'at'>;

/** A case as its history sees it: where its chain ends, kept on the case row. */
export interface ChainHead {
  readonly id: string;
  historyLength: number;
  headHash: string;
}

/**
 * The case history: append-only, each entry chained to the one before by its hash, and the
 * newest hash kept on the case row so a cut from the end shows too.
 */
@Injectable()
export class CaseHistoryService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Appends to a case the caller holds locked in `manager`'s transaction and updates its head;
   * the caller saves the case.
   */
  async append(
    manager: EntityManager,
    escalation: ChainHead,
    entry: NewHistoryEntry,
  ): Promise<CaseHistory> {
    const previousHash = escalation.historyLength === 0 ? null : escalation.headHash;
    const content: HistoryEntryContent = {
      caseId: escalation.id,
      sequence: escalation.historyLength + 1,
      at: this.clock.now().toISOString(),
      ...entry,
    };
    const row = manager.create(CaseHistory, {
      ...content,
      previousHash,
      hash: entryHash(previousHash, content),
    });
    await manager.save(row);
    escalation.headHash = row.hash;
    escalation.historyLength = row.sequence;
    return row;
  }

  entries(caseId: string): Promise<CaseHistory[]> {
    return this.dataSource.manager.find(CaseHistory, {
      where: { caseId },
      order: { sequence: 'ASC' },
    });
  }

  /** Recomputes a case's chain and checks it ends where the case says it does. */
  async verify(escalation: Readonly<ChainHead>): Promise<ChainVerification> {
    const entries = await this.entries(escalation.id);
    const chain = verifyChain(entries);
    if (!chain.valid) {
      return chain;
    }
    if (
      entries.length !== escalation.historyLength ||
      entries.at(-1)?.hash !== escalation.headHash
    ) {
      return {
        valid: false,
        brokenAt: Math.min(entries.length, escalation.historyLength) + 1,
        reason: `the case records ${escalation.historyLength} entries ending in ${escalation.headHash}; the history holds ${entries.length}`,
      };
    }
    return chain;
  }
}
