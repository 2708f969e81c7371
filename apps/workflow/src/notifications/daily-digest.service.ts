import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { MemberView } from '#membership-view';
import { Clock } from '#platform';
import { WorkflowPublisher } from '../workflow.publisher.js';
import { EmailSenderService } from './email-sender.service.js';
import { Notification } from './notification.entity.js';
import { announceFailed, announceSent } from './notification-outcomes.js';

/** The first key of the digest's advisory locks; the second is the member's. */
const DIGEST_LOCK = 'workflow.daily-digest';

/**
 * The daily digest: each member who asked for one gets their held, non-urgent notifications in
 * one e-mail. Run by DailyDigestProcessor on its schedule, and by `POST /admin/digest`, so two
 * runs (or two instances) may meet: a run claims a member's held notifications (`sending`,
 * committed, under a lock on the member) before the e-mail leaves, so another run finds nothing
 * of theirs left to send. Then each is recorded `sent`, or `failed` when the SMTP server refused
 * the digest. A digest cut off between the two (the process stopped) stays `sending` until the
 * delivery sweep records it failed, outcome unknown, as it does any notification: never resent.
 */
@Injectable()
export class DailyDigestService {
  private readonly logger = new Logger(DailyDigestService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
    @Inject(EmailSenderService) private readonly email: EmailSenderService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ members: number; notifications: number }> {
    const held = await this.dataSource.manager.find(Notification, {
      select: { memberId: true },
      where: { status: 'held-for-digest' },
      order: { createdAt: 'ASC' },
    });
    let members = 0;
    let sent = 0;
    for (const memberId of new Set(held.map((notification) => notification.memberId))) {
      const member = await this.dataSource.manager.findOneBy(MemberView, { id: memberId });
      if (!member) {
        continue;
      }
      const items = await this.claim(memberId);
      if (items.length === 0) {
        continue;
      }
      try {
        await this.email.sendDigest(member.email, items);
      } catch (error) {
        await this.record(items, 'failed', (error as Error).message);
        continue;
      }
      try {
        await this.record(items, 'sent', null);
      } catch (error) {
        // Sent but not recorded: left `sending`, for the sweep to record as outcome unknown.
        this.logger.error(`Digest to ${memberId} sent, not recorded: ${(error as Error).message}`);
      }
      members += 1;
      sent += items.length;
    }
    this.logger.log(`Digest: ${sent} notifications to ${members} members`);
    return { members, notifications: sent };
  }

  /** Takes the member's held notifications for this run, committed before the e-mail leaves. */
  private claim(memberId: string): Promise<Notification[]> {
    return this.dataSource.transaction(async (manager) => {
      // One claim per member at a time, so two runs never split a member's notifications.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
        DIGEST_LOCK,
        memberId,
      ]);
      const items = await manager.find(Notification, {
        where: { memberId, status: 'held-for-digest' },
        order: { createdAt: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (items.length > 0) {
        await manager.update(
          Notification,
          { id: In(items.map((item) => item.id)) },
          { status: 'sending', sendingAt: this.clock.now(), attempts: () => 'attempts + 1' },
        );
      }
      return items.map((item) => ({ ...item, attempts: item.attempts + 1 }));
    });
  }

  /** The digest's outcome for each of its notifications, with their events, in one transaction. */
  private async record(
    items: readonly Notification[],
    status: 'sent' | 'failed',
    error: string | null,
  ): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      for (const item of items) {
        const recorded = await manager.update(
          Notification,
          { id: item.id, status: 'sending' },
          { status, lastError: error, ...(status === 'sent' ? { sentAt: now } : {}) },
        );
        if (!recorded.affected) {
          continue;
        }
        if (status === 'sent') {
          await announceSent(this.events, manager, item, now);
        } else {
          await announceFailed(this.events, manager, item, error ?? 'unknown');
        }
      }
    });
  }
}
