import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Notification } from './notification.entity.js';

/**
 * E-mail over SMTP. nodemailer is the Node ecosystem's standard SMTP client (pooling, TLS,
 * auth, message encoding); the Message-ID is the notification's id, so a mail system can
 * recognise a repeat.
 */
export class EmailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(notification: Notification): Promise<void> {
    if (!notification.address) {
      throw new Error('No e-mail address');
    }
    await this.transport.sendMail({
      from: this.from,
      to: notification.address,
      subject: notification.subject,
      text: notification.body,
      messageId: `<${notification.id}@cancer-network.invalid>`,
      headers: { 'X-Escalation-Case': notification.caseId ?? '' },
    });
  }

  /** Several held notifications to one member in one message. */
  async sendDigest(address: string, items: readonly Notification[]): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: address,
      subject: `Escalations digest: ${items.length} update${items.length === 1 ? '' : 's'}`,
      text: items.map((item) => `${item.subject}\n\n${item.body}`).join('\n\n---\n\n'),
    });
  }

  close(): void {
    this.transport.close();
  }
}

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
