import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { WorkflowPublisher } from '../workflow.publisher.js';
import { BankHolidayRow } from './bank-holiday.entity.js';
import { WorkingCalendar } from './working-days.js';

/** The working-day calendar from the editable bank holiday table. */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
  ) {}

  async calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkingCalendar> {
    const holidays = await manager.find(BankHolidayRow);
    return new WorkingCalendar(holidays.map((holiday) => holiday.date));
  }

  holidays(): Promise<BankHolidayRow[]> {
    return this.dataSource.manager.find(BankHolidayRow, { order: { date: 'ASC' } });
  }

  async setHoliday(date: string, name: string): Promise<BankHolidayRow> {
    return this.dataSource.transaction(async (manager) => {
      await manager.upsert(BankHolidayRow, { date, name }, ['date']);
      await this.events.audit(manager, {
        action: 'workflow.bank-holiday-set',
        changes: { date, name },
        targets: [date],
      });
      return manager.findOneByOrFail(BankHolidayRow, { date });
    });
  }

  async removeHoliday(date: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(BankHolidayRow, { date });
      const removed = (result.affected ?? 0) > 0;
      if (removed) {
        await this.events.audit(manager, {
          action: 'workflow.bank-holiday-removed',
          changes: { date },
          targets: [date],
        });
      }
      return removed;
    });
  }
}
