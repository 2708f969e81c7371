import { Clock, MetricsService } from '#platform';
import type { DataSource } from 'typeorm';
import type { WorkflowConfig } from '../config.js';
import type { WorkflowPublisher } from '../workflow.publisher.js';
import type { EmailSenderService } from './email-sender.service.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';

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
});
