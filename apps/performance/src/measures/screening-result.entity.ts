import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { numeric } from '../common/numeric.js';
import type {
  CervicalAgeBand,
  ScreeningMeasureKind,
  ScreeningProgramme,
} from './screening-measures.js';

/** The age band of a measure not reported by age band (it stands in the key, so not null). */
export const ALL_AGES = 'all';

/**
 * A screening programme's uptake or coverage for an alliance in a month: people eligible (for
 * uptake, those invited in the month) and people screened. Cervical coverage is one row per age
 * band. Judged against the target of its programme, measure and age band in force for the month.
 */
@Entity({ name: 'screening_result' })
@Check('screening_result_programme_check', `programme IN ('bowel', 'breast', 'cervical')`)
@Check('screening_result_measure_check', `measure IN ('uptake', 'coverage')`)
@Check(
  'screening_result_age_band_check',
  `age_band IN ('all', '25-49', '50-64') AND (age_band <> 'all') = (programme = 'cervical' AND measure = 'coverage')`,
)
@Check(
  'screening_result_look_back_check',
  `(look_back_years IS NOT NULL) = (measure = 'coverage') AND (look_back_years IS NULL OR look_back_years > 0)`,
)
@Check('screening_result_period_check', 'EXTRACT(DAY FROM period) = 1')
@Check('screening_result_counts_check', 'eligible > 0 AND screened >= 0 AND screened <= eligible')
export class ScreeningResult {
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  programme!: ScreeningProgramme;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  measure!: ScreeningMeasureKind;

  /** `25-49` or `50-64` for cervical coverage; `all` for every other measure. */
  @PrimaryColumn({ name: 'age_band', type: 'varchar', length: 10 })
  ageBand!: CervicalAgeBand | typeof ALL_AGES;

  /** The month's first day: for uptake the month of invitation, for coverage as at its last day. */
  @PrimaryColumn({ type: 'date' })
  period!: string;

  /** Coverage's look-back in years (breast 3, cervical 3.5 or 5.5, bowel 2.5); null for uptake. */
  @Column({
    name: 'look_back_years',
    type: 'numeric',
    precision: 3,
    scale: 1,
    nullable: true,
    transformer: numeric,
  })
  lookBackYears!: number | null;

  @Column({ type: 'int' })
  eligible!: number;

  @Column({ type: 'int' })
  screened!: number;
}
