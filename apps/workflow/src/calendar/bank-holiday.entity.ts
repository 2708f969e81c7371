import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day that is not a working day in England and Wales; seeded for 2025 to 2027, editable. */
@Entity({ name: 'bank_holiday' })
export class BankHolidayRow {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;
}
