import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource, In } from 'typeorm';
import { BodyView } from '#membership-view';
import { WorkflowPublisher } from '../workflow.publisher.js';
import { AllianceNation } from './alliance-nation.entity.js';
import { BankHolidayRow } from './bank-holiday.entity.js';
import { CALENDAR_OF_NATION, DEFAULT_CALENDAR, type CalendarName } from './bank-holidays.js';
import { WorkingCalendarRow } from './working-calendar.entity.js';
import { WorkingCalendar } from './working-days.js';

/** Where a case is held: its body, and the alliance it was raised in when the trigger named one. */
export interface CaseHolder {
  readonly bodyId: string;
  readonly allianceId: string | null;
}

/**
 * The working-day calendars from the editable bank holiday table, one per nation's list
 * (England and Wales, Scotland, Northern Ireland). A case counts on its alliance's calendar;
 * an alliance whose nation the workflow has not heard of counts on England and Wales's.
 */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
  ) {}

  async calendar(
    manager: EntityManager = this.dataSource.manager,
    name: CalendarName = DEFAULT_CALENDAR,
  ): Promise<WorkingCalendar> {
    // In turn: `manager` is often a transaction's, with one connection.
    const holidays = await manager.find(BankHolidayRow, { where: { calendar: name } });
    const coverage = await manager.findOneBy(WorkingCalendarRow, { calendar: name });
    return new WorkingCalendar(
      holidays.map((holiday) => holiday.date),
      coverage ? { name, through: coverage.coveredThrough } : null,
    );
  }

  /** The calendar a case's deadlines are counted on. */
  async calendarOf(
    manager: EntityManager = this.dataSource.manager,
    holder: CaseHolder,
  ): Promise<WorkingCalendar> {
    const names = await this.calendarNames(manager, [holder]);
    return this.calendar(manager, names[0] ?? DEFAULT_CALENDAR);
  }

  /** Each case's calendar, in the order given, with each calendar read once. */
  async calendarsOf(
    holders: readonly CaseHolder[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WorkingCalendar[]> {
    const names = await this.calendarNames(manager, holders);
    const loaded = new Map<CalendarName, WorkingCalendar>();
    for (const name of new Set(names)) {
      loaded.set(name, await this.calendar(manager, name));
    }
    return names.map((name) => loaded.get(name) as WorkingCalendar);
  }

  private async calendarNames(
    manager: EntityManager,
    holders: readonly CaseHolder[],
  ): Promise<CalendarName[]> {
    const bodies = await manager.find(BodyView, {
      where: { id: In([...new Set(holders.map((holder) => holder.bodyId))]) },
    });
    // The holding body's alliance first: it is where the body's clinicians work.
    const allianceOf = (holder: CaseHolder) =>
      bodies.find((body) => body.id === holder.bodyId)?.allianceId ?? holder.allianceId;
    const allianceIds = holders.map(allianceOf).filter((id): id is string => id !== null);
    const nations =
      allianceIds.length === 0
        ? []
        : await manager.find(AllianceNation, {
            where: { allianceId: In([...new Set(allianceIds)]) },
          });
    return holders.map((holder) => {
      const nation = nations.find((row) => row.allianceId === allianceOf(holder))?.nation;
      return nation ? CALENDAR_OF_NATION[nation] : DEFAULT_CALENDAR;
    });
  }

  holidays(calendar?: CalendarName): Promise<BankHolidayRow[]> {
    return this.dataSource.manager.find(BankHolidayRow, {
      where: calendar ? { calendar } : {},
      order: { calendar: 'ASC', date: 'ASC' },
    });
  }

  async setHoliday(calendar: CalendarName, date: string, name: string): Promise<BankHolidayRow> {
    return this.dataSource.transaction(async (manager) => {
      await manager.upsert(BankHolidayRow, { calendar, date, name }, ['calendar', 'date']);
      await this.events.audit(manager, {
        action: 'workflow.bank-holiday-set',
        changes: { calendar, date, name },
        targets: [date],
      });
      return manager.findOneByOrFail(BankHolidayRow, { calendar, date });
    });
  }

  async removeHoliday(calendar: CalendarName, date: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(BankHolidayRow, { calendar, date });
      const removed = (result.affected ?? 0) > 0;
      if (removed) {
        await this.events.audit(manager, {
          action: 'workflow.bank-holiday-removed',
          changes: { calendar, date },
          targets: [date],
        });
      }
      return removed;
    });
  }

  /**
   * How far each calendar's holidays are known. A migration extends it with the next year's
   * holidays, so the two never disagree.
   */
  coverage(): Promise<WorkingCalendarRow[]> {
    return this.dataSource.manager.find(WorkingCalendarRow, { order: { calendar: 'ASC' } });
  }
}
