import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG } from '#platform';
import type { WorkflowConfig } from '../config.js';
import type { Notification } from './notification.entity.js';

/**
 * E-mail over SMTP (`SMTP_URL`, from `MAIL_FROM`), one transport for the service: notifications
 * one by one and the daily digest. nodemailer is the Node ecosystem's standard SMTP client
 * (pooling, TLS, auth, message encoding); the Message-ID is the notification's id, so a mail
 * system can recognise a repeat.
 */
@Injectable()
export class EmailSenderService implements OnApplicationShutdown {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: WorkflowConfig) {
    this.transport = nodemailer.createTransport(config.SMTP_URL);
    this.from = config.MAIL_FROM;
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

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
