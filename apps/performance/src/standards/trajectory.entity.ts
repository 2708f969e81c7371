import { Check, Column, CreateDateColumn, Entity, Exclusion, PrimaryColumn } from 'typeorm';
import type { Measure } from '#contracts';
import { numeric } from '../common/numeric.js';

export const TRAJECTORY_SCOPES = ['nation', 'alliance'] as const;
export type TrajectoryScope = (typeof TRAJECTORY_SCOPES)[number];

/**
 * A planning ambition: a value to reach by a month, from a value at the year's first month,
 * with a point for every month in between (a straight line unless `points` says otherwise for a
 * month, as an alliance agrees its own). Time-limited: it ends at `reachBy`, and a month outside
 * every trajectory has no trajectory point. The constitutional standard (a target) is not one of
 * these: it stays in force whatever the trajectories say. Spans of one measure and scope never
 * overlap.
 */
@Entity({ name: 'trajectory' })
@Check('trajectory_span_check', 'reach_by >= starts_on')
@Check(
  'trajectory_value_check',
  'value > 0 AND value <= 1 AND start_value > 0 AND start_value <= 1',
)
@Exclusion(
  'trajectory_no_overlap_excl',
  `USING gist ("measure" WITH =, "scope_kind" WITH =, "scope_value" WITH =, (daterange(starts_on, reach_by + 1, '[)')) WITH &&)`,
)
export class Trajectory {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  measure!: Measure;

  @Column({ name: 'scope_kind', type: 'varchar', length: 20 })
  scopeKind!: TrajectoryScope;

  /** `england` or `scotland`, or an alliance id. */
  @Column({ name: 'scope_value', type: 'varchar', length: 60 })
  scopeValue!: string;

  /** The first month of the line (its first day), usually the planning year's April. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  /** The month the value is to be reached in (its first day), e.g. March 2026. */
  @Column({ name: 'reach_by', type: 'date' })
  reachBy!: string;

  /** Where the line starts in its first month, 0 to 1. */
  @Column({ name: 'start_value', type: 'numeric', precision: 5, scale: 4, transformer: numeric })
  startValue!: number;

  /** The ambition: the share to reach by `reachBy`, 0 to 1. */
  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: numeric })
  value!: number;

  /** Months whose point is set rather than on the line: `{ "2025-06": 0.78 }`. */
  @Column({ type: 'jsonb', default: {} })
  points!: Record<string, number>;

  /** Where the figures come from, e.g. a planning guidance and its wording. */
  @Column({ type: 'text' })
  source!: string;

  /** False when the figure could not be confirmed against its published source. */
  @Column({ type: 'boolean', default: true })
  confirmed!: boolean;

  @Column({ name: 'set_by', type: 'varchar', length: 200 })
  setBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
