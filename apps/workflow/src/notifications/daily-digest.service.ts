import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MemberView } from '#membership-view';
import { Clock } from '#platform';
import { WorkflowPublisher } from '../workflow.publisher.js';
import { EmailSenderService } from './email-sender.service.js';
import { Notification } from './notification.entity.js';

/**
 * The daily digest: each member who asked for one gets their held, non-urgent notifications in
 * one e-mail; each is then recorded as sent. Run by DailyDigestProcessor on its schedule, and
 * by `POST /admin/digest`.
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
    let sent = 0;
    for (const [memberId, items] of byMember) {
      const member = await this.dataSource.manager.findOneBy(MemberView, { id: memberId });
      if (!member) {
        continue;
      }
      await this.email.sendDigest(member.email, items);
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
    this.logger.log(`Digest: ${sent} notifications to ${byMember.size} members`);
    return { members: byMember.size, notifications: sent };
  }
}
