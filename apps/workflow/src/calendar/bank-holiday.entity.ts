import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarName } from './bank-holidays.js';

/** A day that is not a working day in one nation's calendar; seeded for 2025 to 2028, editable. */
@Entity({ name: 'bank_holiday' })
export class BankHolidayRow {
  @PrimaryColumn({ type: 'varchar', length: 30 })
  calendar!: CalendarName;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;
}
