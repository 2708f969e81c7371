import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { SCREENING_PROGRAMMES } from '#contracts';

export type ScreeningProgramme = (typeof SCREENING_PROGRAMMES)[number];

/**
 * A screening programme's uptake (or coverage) for an alliance in a month: people eligible and
 * people screened. Judged against the `screening-<programme>` target in force for the month.
 */
@Entity({ name: 'screening_uptake' })
@Check('screening_uptake_programme_check', `programme IN ('bowel', 'breast', 'cervical')`)
@Check('screening_uptake_period_check', 'EXTRACT(DAY FROM period) = 1')
@Check('screening_uptake_counts_check', 'eligible > 0 AND screened >= 0 AND screened <= eligible')
export class ScreeningUptake {
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  programme!: ScreeningProgramme;

  /** The month's first day. */
  @PrimaryColumn({ type: 'date' })
  period!: string;

  @Column({ type: 'int' })
  eligible!: number;

  @Column({ type: 'int' })
  screened!: number;
}
