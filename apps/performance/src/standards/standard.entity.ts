import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Measure } from '#contracts';
import { numeric } from '../common/numeric.js';

/**
 * A measure performance is judged on: a waiting-time standard (its clock and threshold in
 * days) or a screening measure (a programme's uptake or coverage, cervical coverage by age
 * band). Preloaded from the public definitions.
 */
@Entity({ name: 'standard' })
export class Standard {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: Measure;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  nation!: 'england' | 'scotland';

  @Column({ type: 'varchar', length: 20 })
  kind!: 'waiting-time' | 'screening';

  /** How often it is published: Scotland's waiting times are quarterly. */
  @Column({ type: 'varchar', length: 20 })
  cadence!: 'monthly' | 'quarterly';

  /** The clock's threshold in days; null for screening. */
  @Column({ type: 'int', nullable: true })
  days!: number | null;

  @Column({ name: 'clock_starts', type: 'text', nullable: true })
  clockStarts!: string | null;

  @Column({ name: 'clock_stops', type: 'text', nullable: true })
  clockStops!: string | null;

  /** Consecutive periods below target before a breach is announced. */
  @Column({ name: 'months_to_breach', type: 'int', default: 2 })
  monthsToBreach!: number;

  /** Consecutive periods back on target before a recovery is announced. */
  @Column({ name: 'months_to_recover', type: 'int', default: 2 })
  monthsToRecover!: number;

  /** A period with fewer patients than this neither breaches nor recovers. */
  @Column({
    name: 'min_denominator',
    type: 'numeric',
    precision: 12,
    scale: 1,
    default: 20,
    transformer: numeric,
  })
  minDenominator!: number;
}
