import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarName } from './bank-holidays.js';

/**
 * How far a calendar's holidays are known: a deadline after `coveredThrough` would count
 * unknown holidays as working days, so it is flagged on its case and alerted.
 */
@Entity({ name: 'working_calendar' })
export class WorkingCalendarRow {
  @PrimaryColumn({ type: 'varchar', length: 30 })
  calendar!: CalendarName;

  @Column({ name: 'covered_through', type: 'date' })
  coveredThrough!: string;
}
