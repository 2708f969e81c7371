import { jobNames } from '../common/swept-queue.js';

/** The notification queue: one job per notification, its id the notification's. */
export const NOTIFICATION_QUEUE = 'workflow-notifications';

export interface SendJobData {
  notificationId: string;
}

/** The notification queue's jobs by name, each with what it carries. */
export interface NotificationJobs {
  /** Sends a pending notification; one no longer pending is left alone. */
  'send-notification': SendJobData;
}

export const NOTIFICATION_JOB_NAMES = jobNames<NotificationJobs>({ 'send-notification': true });

/** Attempts before a notification is given up as failed; BullMQ backs off between them. */
export const SEND_ATTEMPTS = 5;
