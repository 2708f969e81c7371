import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { BodyView, MemberView, Seat, seatHeldOnSql } from '#membership-view';
import { Clock } from '#platform';
import { CalendarService } from '../calendar/calendar.service.js';
import { afterCommit } from '../common/after-commit.js';
import { CaseHistory } from '../history/case-history.entity.js';
import { WorkflowPublisher } from '../workflow.publisher.js';
import { ROLES_OF, type NotifyAudience } from './audience.js';
import { DEFAULT_CHANNELS, MemberPreference } from './member-preference.entity.js';
import { Notification, type NotificationChannel } from './notification.entity.js';
import { bodyNoticeKey, noticeKey } from './notice-key.js';
import { stepOf, subjectOf, type NoticeStep } from './notice-subject.js';

/** What a notice tells of its case. */
export interface NoticeCase {
  readonly id: string;
  readonly title: string;
  readonly level: string;
  readonly status: string;
  readonly severity: string;
}

export interface PlannedNotice {
  escalation: NoticeCase;
  audience: NotifyAudience;
  /** The body the audience belongs to. */
  bodyId: string;
  reason: string;
  /** The history entry that caused it: part of the dedup key. */
  sequence: number;
  urgent: boolean;
  /** The step the subject names, when it is not the history entry's own (a platform alert). */
  step?: NoticeStep;
}

/** A notice about a body rather than a case, such as a reminder to its secretariat. */
export interface BodyNotice {
  audience: NotifyAudience;
  bodyId: string;
  subject: string;
  text: string;
  /** What it is about, e.g. `minutes-overdue/<meeting id>`: part of the dedup key. */
  cause: string;
  urgent: boolean;
}

/** What a notice reads of a case's deadline (cases/case-deadline.entity.ts). */
interface DeadlineDue {
  caseId: string;
  level: string;
  kind: string;
  dueOn: string;
}

/**
 * Plans a transition's notifications in its transaction: one row per recipient and channel,
 * by the member's preferences, never twice for the same cause (a unique dedup key). Inbox
 * messages are delivered by being written; the rest are sent once the transaction commits.
 */
@Injectable()
export class NotificationPlannerService {
  constructor(
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
    @Inject(CalendarService) private readonly calendars: CalendarService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async plan(manager: EntityManager, notice: PlannedNotice): Promise<number> {
    const { escalation } = notice;
    // One after another: a transaction's queries share its one connection, where queries
    // started together only queue (pg warns of it, and pg 9 will refuse it).
    const body = await manager.findOneBy(BodyView, { id: notice.bodyId });
    const recipients = await this.recipients(manager, notice.audience, notice.bodyId);
    const step = notice.step ?? (await this.stepOf(manager, notice));
    const subject = subjectOf(step, escalation.title);
    // The message alone: the e-mail adds the links (case-email.ts); the inbox and webhooks
    // carry the case's id.
    const text = [
      `${notice.reason}.`,
      '',
      `Case: ${escalation.title}`,
      `Held by: ${body?.name ?? notice.bodyId} (${escalation.level}), status ${escalation.status}, severity ${escalation.severity}`,
    ].join('\n');
    return this.deliver(manager, recipients, {
      caseId: escalation.id,
      subject,
      text,
      urgent: notice.urgent,
      keyOf: (memberId, channel) =>
        noticeKey({
          caseId: escalation.id,
          sequence: notice.sequence,
          audience: notice.audience,
          memberId,
          channel,
        }),
    });
  }

  /**
   * Plans a notice about a body that is no case (a reminder to its secretariat, say): to the
   * audience's members seated today, by their preferences, once per cause.
   */
  async planBodyNotice(manager: EntityManager, notice: BodyNotice): Promise<number> {
    const recipients = await this.recipients(manager, notice.audience, notice.bodyId);
    return this.deliver(manager, recipients, {
      caseId: null,
      subject: notice.subject,
      text: notice.text,
      urgent: notice.urgent,
      keyOf: (memberId, channel) =>
        bodyNoticeKey({ cause: notice.cause, audience: notice.audience, memberId, channel }),
    });
  }

  /**
   * One row per recipient and channel, never twice for a key; sends once committed. The
   * recipients' preferences in one read and their rows in one insert, not a round trip each.
   */
  private async deliver(
    manager: EntityManager,
    recipients: readonly MemberView[],
    message: {
      caseId: string | null;
      subject: string;
      text: string;
      urgent: boolean;
      keyOf: (memberId: string, channel: NotificationChannel) => string;
    },
  ): Promise<number> {
    if (recipients.length === 0) {
      return 0;
    }
    const preferences = new Map(
      (await manager.findBy(MemberPreference, { memberId: In(recipients.map((m) => m.id)) })).map(
        (preference) => [preference.memberId, preference],
      ),
    );
    const now = this.clock.now();
    const rows = recipients.flatMap((member) => {
      const preference = preferences.get(member.id);
      return (preference?.channels ?? DEFAULT_CHANNELS).flatMap((channel) => {
        const address =
          channel === 'email'
            ? member.email
            : channel === 'webhook'
              ? (preference?.webhookUrl ?? null)
              : null;
        if (channel === 'webhook' && !address) {
          return [];
        }
        const held = !message.urgent && channel === 'email' && preference?.digest === true;
        const inbox = channel === 'inbox';
        return [
          {
            id: randomUUID(),
            dedupKey: message.keyOf(member.id, channel),
            caseId: message.caseId,
            memberId: member.id,
            channel,
            address,
            subject: message.subject,
            body: message.text,
            urgent: message.urgent,
            status: inbox ? 'sent' : held ? 'held-for-digest' : 'pending',
            sentAt: inbox ? now : null,
          } satisfies Partial<Notification>,
        ];
      });
    });
    if (rows.length === 0) {
      return 0;
    }
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(rows)
      .orIgnore()
      .returning(['id'])
      .execute();
    // A row whose key is planned already is not inserted, and not returned.
    const written = new Set((inserted.raw as { id: string }[]).map((row) => row.id));
    for (const row of rows.filter((candidate) => written.has(candidate.id))) {
      if (row.status === 'sent') {
        await this.events.publish(manager, 'workflow.notification-sent.v1', {
          notificationId: row.id,
          caseId: message.caseId,
          memberId: row.memberId,
          channel: row.channel,
          dedupKey: row.dedupKey,
          sentAt: now.toISOString(),
        });
      } else if (row.status === 'pending') {
        afterCommit(manager, 'notifications', row.id);
      }
    }
    return written.size;
  }

  /**
   * The step the notice tells of, from the history entry that caused it; for a reminder, with
   * the working days left to its deadline.
   */
  private async stepOf(manager: EntityManager, notice: PlannedNotice): Promise<NoticeStep> {
    const entry = await manager.findOneBy(CaseHistory, {
      caseId: notice.escalation.id,
      sequence: notice.sequence,
    });
    if (!entry) {
      return { kind: 'update' };
    }
    if (entry.transition !== 'reminder-due') {
      return stepOf(entry);
    }
    const stage = entry.details['deadline'];
    // By table name: cases use notifications, so notifications import nothing of cases.
    const deadline =
      typeof stage === 'string'
        ? await manager.findOneBy<DeadlineDue>('case_deadline', {
            caseId: entry.caseId,
            level: entry.level,
            kind: stage,
          })
        : null;
    const dueOn = deadline?.dueOn ?? entry.details['dueOn'];
    if (typeof dueOn !== 'string') {
      return stepOf(entry);
    }
    // The body's alliance's calendar: the same one the deadline was counted on.
    const calendar = await this.calendars.calendarOf(manager, {
      bodyId: notice.bodyId,
      allianceId: null,
    });
    return stepOf(entry, calendar.workingDaysBetween(this.clock.today(), dueOn));
  }

  /** The audience's members seated on the body today, each once. */
  private async recipients(
    manager: EntityManager,
    audience: NotifyAudience,
    bodyId: string,
  ): Promise<MemberView[]> {
    const roles = ROLES_OF[audience];
    const query = manager
      .createQueryBuilder(MemberView, 'm')
      .innerJoin(Seat, 's', 's.member_id = m.id')
      .where('s.body_id = :bodyId', { bodyId })
      .andWhere(seatHeldOnSql('s'), { on: this.clock.today() })
      .distinct(true)
      .orderBy('m.id');
    if (roles !== 'all') {
      query.andWhere('s.role IN (:...roles)', { roles });
    }
    return query.getMany();
  }
}
