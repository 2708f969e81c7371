import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where one case's chain ended when a checkpoint was taken. */
export interface CheckpointHead {
  readonly caseId: string;
  readonly length: number;
  readonly headHash: string;
}

/**
 * A signed record of where case histories ended: each checkpoint names the heads of the cases
 * whose history grew since the one before, and signs them (see CheckpointSigner). Checkpoints
 * chain by digest, are published as `workflow.history-checkpointed.v1` (a copy outside this
 * database), and are append-only like the histories they anchor.
 */
@Entity({ name: 'history_checkpoint' })
// A GIN index on heads (made by the migration) finds a case's checkpoints; TypeORM cannot describe it.
@Index('history_checkpoint_heads_idx', { synchronize: false })
@Index('history_checkpoint_sequence_key', ['sequence'], { unique: true })
export class HistoryCheckpoint {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** 1 for the first checkpoint, then one more each time. */
  @Column({ type: 'int' })
  sequence!: number;

  @Column({ name: 'taken_at', type: 'varchar', length: 40 })
  takenAt!: string;

  @Column({ type: 'jsonb' })
  heads!: CheckpointHead[];

  @Column({ name: 'previous_digest', type: 'varchar', length: 64, nullable: true })
  previousDigest!: string | null;

  /** Hex SHA-256 of the canonical JSON of sequence, takenAt, previousDigest and heads. */
  @Column({ type: 'varchar', length: 64 })
  digest!: string;

  @Column({ name: 'key_id', type: 'varchar', length: 64 })
  keyId!: string;

  @Column({ type: 'varchar', length: 200 })
  signature!: string;
}
