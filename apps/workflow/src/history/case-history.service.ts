import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '#platform';
import { CaseHistory } from './case-history.entity.js';
import { CheckpointSigner } from './checkpoint-signer.js';
import { checkpointMismatch } from './checkpoints.js';
import { HistoryCheckpoint } from './history-checkpoint.entity.js';
import {
  entryHash,
  verifyChain,
  type ChainVerification,
  type HistoryEntryContent,
} from './hash-chain.js';
import { insertNew } from '../common/insert-new.js';

/** A case's history verified: its chain, its head, and the signed checkpoints that name it. */
export type HistoryVerification =
  | ChainVerification
  | { valid: true; length: number; checkpoints: number }
  | { valid: false; reason: string; checkpoints: number };

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
    @Inject(CheckpointSigner) private readonly signer: CheckpointSigner,
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
    // An insert, never `save`: history is only ever appended (an entry already at this
    // sequence is an error, never a row to overwrite), and save would read before it writes.
    await insertNew(manager, CaseHistory, row);
    escalation.headHash = row.hash;
    escalation.historyLength = row.sequence;
    return row;
  }

  entries(
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseHistory[]> {
    return manager.find(CaseHistory, {
      where: { caseId },
      order: { sequence: 'ASC' },
    });
  }

  /**
   * Recomputes a case's chain, checks it ends where the case says it does, and that it agrees
   * with every signed checkpoint that names the case: an edited entry breaks the chain, and a
   * history rewritten and rehashed to its end no longer matches its checkpoints.
   */
  async verify(
    escalation: Readonly<ChainHead>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HistoryVerification> {
    const entries = await this.entries(escalation.id, manager);
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
    const checkpoints = await manager
      .createQueryBuilder(HistoryCheckpoint, 'checkpoint')
      .where(
        `checkpoint.heads @> jsonb_build_array(jsonb_build_object('caseId', CAST(:caseId AS text)))`,
        { caseId: escalation.id },
      )
      .orderBy('checkpoint.sequence', 'ASC')
      .getMany();
    const hashes = entries.map((entry) => entry.hash);
    const mismatch = checkpointMismatch(escalation.id, hashes, checkpoints, this.signer);
    if (mismatch !== undefined) {
      return { valid: false, reason: mismatch, checkpoints: checkpoints.length };
    }
    return { ...chain, checkpoints: checkpoints.length };
  }
}
