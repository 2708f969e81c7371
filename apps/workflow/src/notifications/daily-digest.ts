import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MemberView } from '#membership-view';
import { DailyJobProcessor } from '#jobs';
import { APP_CONFIG, Clock } from '#platform';
import type { WorkflowConfig } from '../config.js';
import { Notification } from './notification.entity.js';
import { EmailSender } from './senders.js';
import { WorkflowPublisher } from '../workflow.publisher.js';

/**
 * Once a day, each member who asked for a digest gets their held, non-urgent notifications in
 * one e-mail; each is then recorded as sent. Also `POST /admin/digest`.
 */
@Injectable()
export class DailyDigest extends DailyJobProcessor {
  private readonly logger = new Logger(DailyDigest.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
    @Inject(APP_CONFIG) private readonly config: WorkflowConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  protected schedule() {
    return {
      name: 'workflow-daily-digest',
      enabled: this.config.DIGEST_ENABLED && this.config.NOTIFICATIONS_ENABLED,
      cron: this.config.DIGEST_CRON,
      redisUrl: this.config.REDIS_URL,
    };
  }

  async run(): Promise<{ members: number; notifications: number }> {
    const held = await this.dataSource.manager.find(Notification, {
      where: { status: 'held-for-digest' },
      order: { createdAt: 'ASC' },
    });
    const byMember = new Map<string, Notification[]>();
    for (const notification of held) {
      byMember.set(notification.memberId, [
        ...(byMember.get(notification.memberId) ?? []),
        notification,
      ]);
    }
    const email = new EmailSender(this.config.SMTP_URL, this.config.MAIL_FROM);
    let sent = 0;
    try {
      for (const [memberId, items] of byMember) {
        const member = await this.dataSource.manager.findOneBy(MemberView, { id: memberId });
        if (!member) {
          continue;
        }
        await email.sendDigest(member.email, items);
        await this.dataSource.transaction(async (manager) => {
          for (const item of items) {
            const now = this.clock.now();
            await manager.update(
              Notification,
              { id: item.id, status: 'held-for-digest' },
              { status: 'sent', sentAt: now, attempts: item.attempts + 1 },
            );
            await this.events.publish(manager, 'workflow.notification-sent.v1', {
              notificationId: item.id,
              caseId: item.caseId,
              memberId,
              channel: 'email',
              dedupKey: item.dedupKey,
              sentAt: now.toISOString(),
            });
          }
        });
        sent += items.length;
      }
    } finally {
      email.close();
    }
    this.logger.log(`Digest: ${sent} notifications to ${byMember.size} members`);
    return { members: byMember.size, notifications: sent };
  }
}
