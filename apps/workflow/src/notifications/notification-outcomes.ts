import type { EntityManager } from 'typeorm';
import type { WorkflowPublisher } from '../workflow.publisher.js';
import type { Notification } from './notification.entity.js';

function refOf(notification: Notification) {
  return {
    notificationId: notification.id,
    caseId: notification.caseId,
    memberId: notification.memberId,
    channel: notification.channel,
    dedupKey: notification.dedupKey,
  };
}

/** Announces a notification sent, in the transaction that records it. */
export async function announceSent(
  events: WorkflowPublisher,
  manager: EntityManager,
  notification: Notification,
  sentAt: Date,
): Promise<void> {
  await events.publish(manager, 'workflow.notification-sent.v1', {
    ...refOf(notification),
    sentAt: sentAt.toISOString(),
  });
}

/**
 * Announces a notification given up, in the transaction that records it; `attempts` counts the
 * attempts that claimed it, the last included.
 */
export async function announceFailed(
  events: WorkflowPublisher,
  manager: EntityManager,
  notification: Notification,
  error: string,
): Promise<void> {
  await events.publish(manager, 'workflow.notification-failed.v1', {
    ...refOf(notification),
    attempts: Math.max(notification.attempts, 1),
    error,
  });
}
