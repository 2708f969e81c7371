import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HistoryEntryContent } from './hash-chain.js';

/**
 * One transition of a case, append-only, chained by hashes: each entry's hash covers its
 * content and the previous entry's hash, so an edit or a removal shows on verification.
 */
@Entity({ name: 'case_history' })
export class CaseHistory implements HistoryEntryContent {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'int' })
  sequence!: number;

  /** The instant as an ISO string, exactly as hashed. */
  @Column({ type: 'varchar', length: 40 })
  at!: string;

  @Column({ type: 'varchar', length: 40 })
  transition!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: string;

  @Column({ type: 'jsonb' })
  cause!: HistoryEntryContent['cause'];

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ name: 'previous_hash', type: 'varchar', length: 64, nullable: true })
  previousHash!: string | null;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
