import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, Clock, MetricsService } from '#platform';
import { SweptQueue, type JobHandlers, type QueueJob } from '../common/swept-queue.js';
import type { WorkflowConfig } from '../config.js';
import { MemberPreference } from './member-preference.entity.js';
import { Notification, OUTCOME_UNKNOWN } from './notification.entity.js';
import { announceFailed, announceSent } from './notification-outcomes.js';
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
 * still pending (after a crash, or a Redis that lost its jobs).
 *
 * At most once: each attempt first claims its row (`pending` to `sending`, committed), so a job
 * for a row not pending does nothing. A failure the channel reports (SMTP refused, a webhook's
 * error status) puts the row back to `pending` for the next attempt. A row left `sending` (the
 * process stopped between handing the message over and recording it) may have arrived, so the
 * sweep records it `failed`, outcome unknown, after NOTIFICATION_SENDING_TIMEOUT_SECONDS, and it
 * is never sent again. The daily digest claims its rows the same way.
 *
 * NOTIFICATION_CONCURRENCY jobs run at once in each instance, over the sender's pooled SMTP
 * connections; the claim, not the queue, is what keeps a notification from going twice, so
 * neither more jobs at once nor more instances change that. Order is not kept: two e-mails to
 * one person may arrive the other way round, as they may through any relay; each names its
 * case's thread (email-thread.ts), so a mail client files them together.
 */
@Injectable()
export class NotificationDeliveryService extends SweptQueue<NotificationJobs> {
  protected readonly handlers: JobHandlers<NotificationJobs> = {
    'send-notification': (job) => this.send(job),
  };
  private readonly webhooks: WebhookPolicy;
  private readonly secrets: WebhookSecretBox;
  private readonly outcomeUnknown: Counter<'channel'>;
  private readonly failed: Counter<'channel'>;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
    @Inject(EmailSenderService) private readonly email: EmailSenderService,
    @Inject(APP_CONFIG) config: WorkflowConfig,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(MetricsService) metrics: MetricsService,
  ) {
    super(dataSource, config, new Logger(NotificationDeliveryService.name), {
      name: NOTIFICATION_QUEUE,
      jobNames: NOTIFICATION_JOB_NAMES,
      channel: 'notifications',
      enabled: config.NOTIFICATIONS_ENABLED,
      concurrency: config.NOTIFICATION_CONCURRENCY,
    });
    this.webhooks = webhookPolicy(config);
    this.secrets = webhookSecretBox(config);
    this.outcomeUnknown = metrics.counter({
      name: 'workflow_notifications_outcome_unknown_total',
      help: 'Notifications cut off mid-send (the process stopped), recorded failed and not resent',
      labelNames: ['channel'],
    });
    this.failed = metrics.counter({
      name: 'workflow_notifications_failed_total',
      help: 'Notifications recorded failed after their last attempt (notification-failed)',
      labelNames: ['channel'],
    });
  }

  protected committed(ids: string[]): Promise<void> {
    return this.enqueue(ids);
  }

  /**
   * Records what was cut off mid-send, then queues what is still pending: after a crash, or a
   * Redis that lost its jobs.
   */
  protected async sweepOnce(): Promise<void> {
    await this.recordCutOffSends();
    if (await this.everyPendingRowQueued()) {
      return;
    }
    const pending = await this.dataSource.manager.find(Notification, {
      select: { id: true },
      where: { status: 'pending' },
      take: 5000,
    });
    await this.enqueue(pending.map((row) => row.id));
  }

  /**
   * Whether the queue holds a job waiting for each pending row, as it does unless Redis lost
   * some. Queueing a row again is harmless but costs Redis a script call each: through a
   * backlog, 5,000 a sweep, about 0.4 s of the service's time (docs/performance.md). A job
   * left for a row no longer pending can hide a lost one until it has run: one sweep later.
   */
  private async everyPendingRowQueued(): Promise<boolean> {
    const pending = await this.dataSource.manager.countBy(Notification, { status: 'pending' });
    if (pending === 0) {
      return true;
    }
    // Not `active`: an active job's row is `sending` by now, or about to be.
    const queued = await this.queue!.getJobCountByTypes('wait', 'delayed', 'prioritized');
    return queued >= pending;
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
    const notification = await this.claim(job.data.notificationId);
    if (!notification) {
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
    // Should this fail, the row stays `sending`: the sweep records it, and no retry resends it.
    await this.record(notification, 'sent', null);
    return 'sent';
  }

  /** Takes a pending notification for this attempt, committed before anything leaves. */
  private async claim(id: string): Promise<Notification | null> {
    const claimed = await this.dataSource.manager.update(
      Notification,
      { id, status: 'pending' },
      { status: 'sending', sendingAt: this.clock.now(), attempts: () => 'attempts + 1' },
    );
    if (!claimed.affected) {
      return null;
    }
    return this.dataSource.manager.findOneBy(Notification, { id });
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

  /** The outcome of a claimed attempt, and the event for a final one, in one transaction. */
  private async record(
    notification: Notification,
    status: 'sent' | 'pending' | 'failed',
    error: string | null,
  ) {
    const now = this.clock.now();
    const recorded = await this.dataSource.transaction(async (manager) => {
      const row = await manager.update(
        Notification,
        { id: notification.id, status: 'sending' },
        { status, lastError: error, ...(status === 'sent' ? { sentAt: now } : {}) },
      );
      if (!row.affected) {
        // The sweep took it for cut off while the send still ran: its failure stands.
        this.logger.warn(
          `Notification ${notification.id} was no longer sending: ${status} not recorded`,
        );
        return false;
      }
      if (status === 'sent') {
        await announceSent(this.events, manager, notification, now);
      } else if (status === 'failed') {
        await announceFailed(this.events, manager, notification, error ?? 'unknown');
      }
      return true;
    });
    if (recorded && status === 'failed') {
      this.failed.inc({ channel: notification.channel });
    }
  }

  /**
   * Records as failed, outcome unknown, each notification still `sending` after the timeout: the
   * process stopped mid-send, so the message may have arrived and is not sent again.
   */
  private async recordCutOffSends(): Promise<void> {
    const cutoff = new Date(
      this.clock.now().getTime() - this.config.NOTIFICATION_SENDING_TIMEOUT_SECONDS * 1000,
    );
    const cutOff = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.find(Notification, {
        where: { status: 'sending', sendingAt: LessThan(cutoff) },
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
        take: 500,
      });
      for (const row of rows) {
        await manager.update(
          Notification,
          { id: row.id },
          { status: 'failed', lastError: OUTCOME_UNKNOWN },
        );
        await announceFailed(this.events, manager, row, OUTCOME_UNKNOWN);
      }
      return rows;
    });
    for (const row of cutOff) {
      this.outcomeUnknown.inc({ channel: row.channel });
      this.logger.error(`Notification ${row.id} (${row.channel}): ${OUTCOME_UNKNOWN}`);
    }
  }
}
