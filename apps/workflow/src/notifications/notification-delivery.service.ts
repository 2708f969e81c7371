import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, Clock } from '#platform';
import { SweptQueue, type JobHandlers, type QueueJob } from '../common/swept-queue.js';
import type { WorkflowConfig } from '../config.js';
import { MemberPreference } from './member-preference.entity.js';
import { Notification } from './notification.entity.js';
import {
  NOTIFICATION_JOB_NAMES,
  NOTIFICATION_QUEUE,
  SEND_ATTEMPTS,
  type NotificationJobs,
} from './notification-jobs.js';
import { EmailSenderService } from './email-sender.service.js';
import { sendWebhook } from './webhook.js';
import type { WebhookPolicy } from './webhook-address.js';
import type { WebhookSecretBox } from './webhook-secret-box.js';
import { webhookPolicy, webhookSecretBox } from './webhook-settings.js';
import { WorkflowPublisher } from '../workflow.publisher.js';

/**
 * Sends planned notifications through a BullMQ queue, one job per notification (its id the
 * job's), retried with backoff and recorded: `sent`, or `failed` after the last attempt, each
 * announced. A committed transaction's new notifications are queued at once; a sweep queues any
 * still pending (after a crash, or a Redis that lost its jobs). A job for a notification no
 * longer pending does nothing, so a notification goes out once.
 */
@Injectable()
export class NotificationDeliveryService extends SweptQueue<NotificationJobs> {
  protected readonly handlers: JobHandlers<NotificationJobs> = {
    'send-notification': (job) => this.send(job),
  };
  private readonly webhooks: WebhookPolicy;
  private readonly secrets: WebhookSecretBox;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
    @Inject(EmailSenderService) private readonly email: EmailSenderService,
    @Inject(APP_CONFIG) config: WorkflowConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super(dataSource, config, new Logger(NotificationDeliveryService.name), {
      name: NOTIFICATION_QUEUE,
      jobNames: NOTIFICATION_JOB_NAMES,
      channel: 'notifications',
      enabled: config.NOTIFICATIONS_ENABLED,
    });
    this.webhooks = webhookPolicy(config);
    this.secrets = webhookSecretBox(config);
  }

  protected committed(ids: string[]): Promise<void> {
    return this.enqueue(ids);
  }

  /** Queues what is still pending: after a crash, or a Redis that lost its jobs. */
  protected async sweepOnce(): Promise<void> {
    const pending = await this.dataSource.manager.find(Notification, {
      select: { id: true },
      where: { status: 'pending' },
      take: 5000,
    });
    await this.enqueue(pending.map((row) => row.id));
  }

  private async enqueue(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await this.queue!.addBulk(
      ids.map((notificationId) => ({
        name: 'send-notification' as const,
        data: { notificationId },
        opts: {
          jobId: notificationId,
          attempts: SEND_ATTEMPTS,
          backoff: { type: 'exponential', delay: this.config.NOTIFICATION_BACKOFF_MS },
          removeOnComplete: 1000,
          removeOnFail: 5000,
        },
      })),
    );
  }

  private async send(job: QueueJob<NotificationJobs, 'send-notification'>): Promise<string> {
    const notification = await this.dataSource.manager.findOneBy(Notification, {
      id: job.data.notificationId,
    });
    if (!notification || notification.status !== 'pending') {
      return 'not pending';
    }
    try {
      await this.deliver(notification);
    } catch (error) {
      const message = (error as Error).message;
      const final = job.attemptsMade + 1 >= SEND_ATTEMPTS;
      await this.record(notification, final ? 'failed' : 'pending', message);
      throw error;
    }
    await this.record(notification, 'sent', null);
    return 'sent';
  }

  private async deliver(notification: Notification): Promise<void> {
    switch (notification.channel) {
      case 'email':
        await this.email.send(notification);
        return;
      case 'webhook': {
        const preference = await this.dataSource.manager.findOneBy(MemberPreference, {
          memberId: notification.memberId,
        });
        if (!preference?.webhookSecretSealed) {
          throw new Error('The member has no webhook secret: set the webhook again for one');
        }
        const secret = this.secrets.open(preference.webhookSecretSealed, notification.memberId);
        await sendWebhook(notification, secret, this.webhooks, this.clock.now());
        return;
      }
      case 'inbox':
        return;
    }
  }

  /** The outcome of an attempt, and the event for a final one, in one transaction. */
  private async record(
    notification: Notification,
    status: 'sent' | 'pending' | 'failed',
    error: string | null,
  ) {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        Notification,
        { id: notification.id, status: In(['pending']) },
        {
          status,
          attempts: notification.attempts + 1,
          lastError: error,
          ...(status === 'sent' ? { sentAt: now } : {}),
        },
      );
      const ref = {
        notificationId: notification.id,
        caseId: notification.caseId,
        memberId: notification.memberId,
        channel: notification.channel,
        dedupKey: notification.dedupKey,
      };
      if (status === 'sent') {
        await this.events.publish(manager, 'workflow.notification-sent.v1', {
          ...ref,
          sentAt: now.toISOString(),
        });
      } else if (status === 'failed') {
        await this.events.publish(manager, 'workflow.notification-failed.v1', {
          ...ref,
          attempts: notification.attempts + 1,
          error: error ?? 'unknown',
        });
      }
    });
  }
}
