import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { numeric } from '../common/numeric.js';

/**
 * An alliance's treatments for a tumour site in one calendar month of 2019/20, the last year
 * before the pandemic: the baseline recovery is measured against. Halves allowed, as in the
 * 31-day returns the volumes come from.
 */
@Entity({ name: 'treatment_baseline' })
@Check('treatment_baseline_month_check', 'month BETWEEN 1 AND 12')
@Check('treatment_baseline_volume_check', 'volume >= 0')
export class TreatmentBaseline {
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @PrimaryColumn({ name: 'tumour_site', type: 'varchar', length: 60 })
  tumourSite!: string;

  /** The calendar month, 1 (January) to 12. */
  @PrimaryColumn({ type: 'int' })
  month!: number;

  @Column({ type: 'numeric', precision: 10, scale: 1, transformer: numeric })
  volume!: number;
}
