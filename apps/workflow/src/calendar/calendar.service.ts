import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { BankHolidayRow } from './bank-holiday.entity.js';
import { WorkingCalendar } from './working-days.js';

/** The working-day calendar from the editable bank holiday table. */
@Injectable()
export class CalendarService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkingCalendar> {
    const holidays = await manager.find(BankHolidayRow);
    return new WorkingCalendar(holidays.map((holiday) => holiday.date));
  }

  holidays(): Promise<BankHolidayRow[]> {
    return this.dataSource.manager.find(BankHolidayRow, { order: { date: 'ASC' } });
  }

  async setHoliday(date: string, name: string): Promise<BankHolidayRow> {
    await this.dataSource.manager.upsert(BankHolidayRow, { date, name }, ['date']);
    return this.dataSource.manager.findOneByOrFail(BankHolidayRow, { date });
  }

  async removeHoliday(date: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(BankHolidayRow, { date });
    return (result.affected ?? 0) > 0;
  }
}
