/** The notification queue: one job per notification, its id the notification's. */
export const NOTIFICATION_QUEUE = 'workflow-notifications';
export const SEND_JOB = 'send-notification';

export interface SendJobData {
  notificationId: string;
}

/** Attempts before a notification is given up as failed; BullMQ backs off between them. */
export const SEND_ATTEMPTS = 5;
