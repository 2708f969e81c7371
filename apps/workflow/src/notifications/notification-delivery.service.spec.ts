import { Clock, MetricsService } from '#platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { WorkflowConfig } from '../config.js';
import type { WorkflowPublisher } from '../workflow.publisher.js';
import type { EmailSenderService } from './email-sender.service.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import type { Notification } from './notification.entity.js';

describe('notification delivery', () => {
  it('has a handler for every job of the notification queue, so it starts', async () => {
    const delivery = new NotificationDeliveryService(
      {} as DataSource,
      {} as WorkflowPublisher,
      {} as EmailSenderService,
      { NOTIFICATIONS_ENABLED: false } as WorkflowConfig,
      new Clock(),
      new MetricsService(),
    );
    await expect(delivery.onApplicationBootstrap()).resolves.toBeUndefined();
  });

  it('counts a notification recorded failed, and not one the sweep had already recorded', async () => {
    let affected = 1;
    const manager = { update: () => Promise.resolve({ affected }) } as unknown as EntityManager;
    const metrics = new MetricsService();
    const delivery = new NotificationDeliveryService(
      {
        transaction: (work: (m: EntityManager) => Promise<unknown>) => work(manager),
      } as unknown as DataSource,
      { publish: () => Promise.resolve() } as unknown as WorkflowPublisher,
      {} as EmailSenderService,
      { NOTIFICATIONS_ENABLED: false } as WorkflowConfig,
      new Clock(),
      metrics,
    );
    const record = (
      delivery as unknown as {
        record(n: Notification, status: 'failed', error: string): Promise<void>;
      }
    ).record.bind(delivery);
    const notification = { id: 'n1', channel: 'email', attempts: 5 } as Notification;
    await record(notification, 'failed', 'SMTP refused');
    affected = 0;
    await record(notification, 'failed', 'SMTP refused');
    expect(await metrics.render()).toContain(
      'workflow_notifications_failed_total{channel="email"} 1',
    );
  });
});
