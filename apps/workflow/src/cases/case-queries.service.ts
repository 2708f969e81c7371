import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { Seat, seatHeldOnSql } from '#membership-view';
import { Clock, notFound, type Page, type Principal } from '#platform';
import { CalendarService } from '../calendar/calendar.service.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { MeetingView } from '../governance/meeting-view.entity.js';
import { CaseHistoryService } from '../history/case-history.service.js';
import { CaseDeadline } from './case-deadline.entity.js';
import { stageRunningIn } from './case-lifecycle.js';
import type { CaseQuery } from './cases.dto.js';
import { EscalationCase } from './escalation-case.entity.js';

/** A case as the list gives it: with what its holding body must do next, and by when. */
export type ListedCase = EscalationCase & {
  nextDeadline: { kind: string; dueOn: string; workingDaysLeft: number } | null;
};

/**
 * Reading cases. Admins and services see every case; a clinician sees the cases of the bodies
 * they sit on today and the cases that passed through them.
 */
@Injectable()
export class CaseQueriesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CaseHistoryService) private readonly history: CaseHistoryService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CalendarService) private readonly calendars: CalendarService,
  ) {}

  /**
   * A page of the cases the principal may see, most recently changed first, each with its next
   * deadline at its level (what the holding body must do next, by when, in working days).
   */
  async list(query: CaseQuery, principal: Principal): Promise<Page<ListedCase>> {
    const builder = this.dataSource.manager
      .createQueryBuilder(EscalationCase, 'c')
      .orderBy('c.updated_at', 'DESC')
      .take(query.limit)
      .skip(query.offset);
    if (query.bodyId) {
      builder.andWhere('c.body_id = :bodyId', { bodyId: query.bodyId });
    }
    if (query.level) {
      builder.andWhere('c.level = :level', { level: query.level });
    }
    if (query.status) {
      builder.andWhere('c.status = :status', { status: query.status });
    }
    if (query.overdue !== undefined) {
      builder.andWhere('c.overdue = :overdue', { overdue: query.overdue });
    }
    const bodies = await this.visibleBodies(principal);
    if (bodies) {
      builder.andWhere('c.body_path && CAST(:bodies AS uuid[])', { bodies });
    }
    const [cases, total] = await builder.getManyAndCount();
    return {
      items: await this.withNextDeadlines(cases),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  private async withNextDeadlines(cases: EscalationCase[]): Promise<ListedCase[]> {
    if (cases.length === 0) {
      return [];
    }
    const [open, calendars] = await Promise.all([
      this.dataSource.manager.find(CaseDeadline, {
        where: { caseId: In(cases.map((escalation) => escalation.id)), settledAt: IsNull() },
        order: { dueAt: 'ASC' },
      }),
      this.calendars.calendarsOf(cases),
    ]);
    const today = this.clock.today();
    return cases.map((escalation, index) => {
      const calendar = calendars[index] as WorkingCalendar;
      // A stage's deadline while the stage is not done (an acknowledged case's acknowledge row
      // settles only when its timer comes); reminders (`resolve@0.5`) are the timers' business.
      const next = open.find(
        (deadline) =>
          deadline.caseId === escalation.id &&
          deadline.level === escalation.level &&
          stageRunningIn(deadline.kind, escalation.status),
      );
      return {
        ...escalation,
        nextDeadline: next
          ? {
              kind: next.kind,
              dueOn: next.dueOn,
              workingDaysLeft: calendar.workingDaysBetween(today, next.dueOn),
            }
          : null,
      };
    });
  }

  async get(id: string, principal: Principal) {
    const escalation = await this.dataSource.manager.findOneBy(EscalationCase, { id });
    const bodies = await this.visibleBodies(principal);
    if (!escalation || (bodies && !escalation.bodyPath.some((body) => bodies.includes(body)))) {
      // Not found either way: a clinician learns nothing of cases outside their bodies.
      throw notFound('Case', id);
    }
    const [history, deadlines, nextMeeting] = await Promise.all([
      this.history.entries(id),
      this.dataSource.manager.find(CaseDeadline, {
        where: { caseId: id },
        order: { dueAt: 'ASC' },
      }),
      // The holding body's next meeting, where the case is to be tabled.
      this.dataSource.manager.findOne(MeetingView, {
        where: {
          bodyId: escalation.bodyId,
          cancelled: false,
          startsAt: MoreThan(this.clock.now()),
        },
        order: { startsAt: 'ASC' },
      }),
    ]);
    return { ...escalation, history, deadlines, nextMeeting };
  }

  /** The bodies a clinician sits on today; undefined for those who see everything. */
  private async visibleBodies(principal: Principal): Promise<string[] | undefined> {
    if (principal.roles.includes('admin') || principal.roles.includes('service')) {
      return undefined;
    }
    if (!principal.memberId) {
      return [];
    }
    const seats = await this.dataSource.manager
      .createQueryBuilder(Seat, 's')
      .select('DISTINCT s.body_id', 'bodyId')
      .where('s.member_id = :memberId', { memberId: principal.memberId })
      .andWhere(seatHeldOnSql('s'), { on: this.clock.today() })
      .getRawMany<{ bodyId: string }>();
    return seats.map((seat) => seat.bodyId);
  }
}
