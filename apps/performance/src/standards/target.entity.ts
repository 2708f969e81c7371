import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, PrimaryColumn } from 'typeorm';
import type { Measure } from '#contracts';
import { numeric } from '../common/numeric.js';

export const TARGET_SCOPES = ['nation', 'alliance', 'tumour-site'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

/**
 * A target as it stood over a span of time, so a month is judged against the target in force
 * for it. Spans of one measure and scope never overlap (an exclusion constraint in the
 * migration keeps it so against any writer).
 */
@Entity({ name: 'target' })
@Index('target_measure_idx', ['measure'])
@Check('target_span_check', 'effective_to IS NULL OR effective_to >= effective_from')
@Exclusion(
  'target_no_overlap_excl',
  `USING gist ("measure" WITH =, "scope_kind" WITH =, "scope_value" WITH =, (daterange(effective_from, effective_to + 1, '[)')) WITH &&)`,
)
@Check('target_value_check', 'value > 0 AND value <= 1 AND (lower IS NULL OR lower <= value)')
export class Target {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  measure!: Measure;

  @Column({ name: 'scope_kind', type: 'varchar', length: 20 })
  scopeKind!: TargetScope;

  /** `england` or `scotland`, an alliance id, or a tumour site such as `lung`. */
  @Column({ name: 'scope_value', type: 'varchar', length: 60 })
  scopeValue!: string;

  /** The share to reach, 0 to 1 (screening: the achievable level). */
  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: numeric })
  value!: number;

  /** Screening's lower (acceptable) threshold; null elsewhere. */
  @Column({ type: 'numeric', precision: 5, scale: 4, nullable: true, transformer: numeric })
  lower!: number | null;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  /** Last day in force; null while open-ended. */
  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo!: string | null;

  /** Where the figure comes from, e.g. a planning guidance. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'set_by', type: 'varchar', length: 200 })
  setBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
