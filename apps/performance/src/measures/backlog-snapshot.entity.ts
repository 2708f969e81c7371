import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A provider's patient target list for a tumour site at the end of a week: patients still
 * waiting, by days since referral. Those waiting 63 days or more are the 62-day backlog.
 */
@Entity({ name: 'backlog_snapshot' })
@Check('backlog_snapshot_sunday_check', 'EXTRACT(ISODOW FROM week_ending) = 7')
@Check(
  'backlog_snapshot_counts_check',
  'days_0_28 >= 0 AND days_29_62 >= 0 AND days_63_104 >= 0 AND days_over_104 >= 0',
)
export class BacklogSnapshot {
  /** The Sunday the week ends. */
  @PrimaryColumn({ name: 'week_ending', type: 'date' })
  weekEnding!: string;

  @PrimaryColumn({ name: 'org_code', type: 'varchar', length: 9 })
  orgCode!: string;

  @PrimaryColumn({ name: 'tumour_site', type: 'varchar', length: 60 })
  tumourSite!: string;

  @Column({ name: 'days_0_28', type: 'int' })
  days0To28!: number;

  @Column({ name: 'days_29_62', type: 'int' })
  days29To62!: number;

  @Column({ name: 'days_63_104', type: 'int' })
  days63To104!: number;

  @Column({ name: 'days_over_104', type: 'int' })
  daysOver104!: number;
}
