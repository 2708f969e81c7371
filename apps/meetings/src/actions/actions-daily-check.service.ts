import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, addDays, daysBetween, tryTransactionLock, ukDate } from '#platform';
import type { MeetingsConfig } from '../config.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { minutesDueOn, minutesOverdue } from '../minutes/minutes-due.js';
import { MeetingsPublisher } from '../meetings.publisher.js';
import { Action } from './action.entity.js';

export interface DailyCheckResult {
  ran: boolean;
  /** Open actions announced overdue by this run. */
  overdue: number;
  /** Held meetings whose missing draft minutes this run announced. */
  minutesOverdue: number;
}

/**
 * The service's daily check: open actions past their due date, and held meetings whose draft
 * minutes are still missing MINUTES_DUE_DAYS after them, each announced once.
 */
@Injectable()
export class ActionsDailyCheckService {
  private readonly minutesDueDays: number;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
    @Inject(APP_CONFIG) config: MeetingsConfig,
  ) {
    this.minutesDueDays = config.MINUTES_DUE_DAYS;
  }

  /**
   * Announces each open action past its due date, and each held meeting whose draft minutes are
   * overdue, once. Safe to run twice on a day or from two instances at once.
   */
  async run(today: string): Promise<DailyCheckResult> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await tryTransactionLock(manager, 'meetings.actions-overdue'))) {
        return { ran: false, overdue: 0, minutesOverdue: 0 };
      }
      const overdue = await manager
        .createQueryBuilder(Action, 'a')
        .where(
          `a.status = 'open' AND a.overdue_announced_on IS NULL AND a.due_on < CAST(:today AS date)`,
          { today },
        )
        .orderBy('a.due_on')
        .getMany();
      for (const action of overdue) {
        action.overdueAnnouncedOn = today;
        await manager.save(Action, action);
        await this.events.publish(manager, 'meetings.action-overdue.v1', {
          meetingId: action.meetingId,
          bodyId: action.bodyId,
          actionId: action.id,
          ownerMemberId: action.ownerMemberId,
          dueOn: action.dueOn,
          daysOverdue: daysBetween(action.dueOn, today),
        });
      }
      const minutes = await this.announceOverdueMinutes(manager, today);
      return { ran: true, overdue: overdue.length, minutesOverdue: minutes };
    });
  }

  /** Held meetings still without draft minutes on their due day, each announced once. */
  private async announceOverdueMinutes(manager: EntityManager, today: string): Promise<number> {
    // Held before the end of the UK day `dueDays` ago (a day either side of UTC, which the due
    // rule then settles in UK time).
    const heldBefore = new Date(`${addDays(today, 1 - this.minutesDueDays)}T12:00:00Z`);
    const candidates = await manager
      .createQueryBuilder(Meeting, 'm')
      .where(
        `m.status = 'held' AND m.minutes_status = 'none' AND m.minutes_overdue_announced_on IS NULL AND m.starts_at < :heldBefore`,
        { heldBefore },
      )
      .orderBy('m.starts_at')
      .getMany();
    const due = candidates.filter((meeting) => minutesOverdue(meeting, today, this.minutesDueDays));
    for (const meeting of due) {
      await manager.update(Meeting, { id: meeting.id }, { minutesOverdueAnnouncedOn: today });
      const heldOn = ukDate(meeting.startsAt);
      await this.events.publish(manager, 'meetings.minutes-overdue.v1', {
        meetingId: meeting.id,
        bodyId: meeting.bodyId,
        title: meeting.title,
        startsAt: meeting.startsAt.toISOString(),
        heldOn,
        dueOn: minutesDueOn(meeting, this.minutesDueDays),
        daysSinceHeld: daysBetween(heldOn, today),
      });
    }
    return due.length;
  }
}
