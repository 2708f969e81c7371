import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { daysBetween, tryTransactionLock } from '#platform';
import { MeetingsPublisher } from '../meetings.publisher.js';
import { Action } from './action.entity.js';

/** The service's daily check: open actions past their due date, announced once. */
@Injectable()
export class ActionsDailyCheckService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
  ) {}

  /**
   * Announces each open action past its due date, once. Safe to run twice on a day or from
   * two instances at once.
   */
  async run(today: string): Promise<{ ran: boolean; overdue: number }> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await tryTransactionLock(manager, 'meetings.actions-overdue'))) {
        return { ran: false, overdue: 0 };
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
      return { ran: true, overdue: overdue.length };
    });
  }
}
