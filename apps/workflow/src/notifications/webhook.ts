import { createHmac } from 'node:crypto';
import type { Notification } from './notification.entity.js';

/** The header a webhook receiver checks: `sha256=` and the HMAC-SHA256 of the raw body. */
export const SIGNATURE_HEADER = 'x-cancer-network-signature';

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A signed JSON POST; anything but a 2xx answer within ten seconds is a failure to retry. */
export async function sendWebhook(notification: Notification, secret: string): Promise<void> {
  if (!notification.address) {
    throw new Error('No webhook URL');
  }
  const body = JSON.stringify({
    notificationId: notification.id,
    caseId: notification.caseId,
    memberId: notification.memberId,
    subject: notification.subject,
    text: notification.body,
    urgent: notification.urgent,
    createdAt: notification.createdAt.toISOString(),
  });
  const response = await fetch(notification.address, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signature(secret, body),
      'x-cancer-network-delivery': notification.id,
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    throw new Error(`The webhook answered ${response.status}`);
  }
}
