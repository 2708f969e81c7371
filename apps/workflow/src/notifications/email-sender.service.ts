import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, inSpan } from '#platform';
import type { WorkflowConfig } from '../config.js';
import {
  caseEmail,
  caseLinks,
  digestEmail,
  preferencesUrl,
  type CaseNotice,
} from './case-email.js';
import { mailDomain, threadHeaders } from './email-thread.js';
import type { Notification } from './notification.entity.js';

/**
 * SMTP_URL with nodemailer's options (as query parameters) where it sets none of its own:
 * - time limits: at most about two minutes a send rather than nodemailer's ten of socket
 *   inactivity, so a send ends well within NOTIFICATION_SENDING_TIMEOUT_SECONDS and is not taken
 *   for cut off while it still runs;
 * - a pool of `connections` SMTP connections, each reused for many e-mails, rather than a new
 *   connection (and TLS handshake) for every one.
 */
export function withTransportOptions(smtpUrl: string, connections: number): string {
  const url = new URL(smtpUrl);
  for (const [option, value] of [
    ['connectionTimeout', 30_000],
    ['greetingTimeout', 30_000],
    ['socketTimeout', 60_000],
    ['pool', true],
    ['maxConnections', connections],
  ] as const) {
    if (!url.searchParams.has(option)) {
      url.searchParams.set(option, String(value));
    }
  }
  return url.toString();
}

/**
 * E-mail over SMTP (`SMTP_URL`, from `MAIL_FROM`), one pooled transport for the service
 * (NOTIFICATION_SMTP_CONNECTIONS connections): notifications, several at once, and the daily
 * digest; a send waits for a free connection. nodemailer is the Node ecosystem's standard SMTP client
 * (pooling, TLS, auth, message encoding). Each e-mail has a plain-text part and an HTML
 * alternative from one template (case-email.ts), links to the web app's case page
 * (`WEB_BASE_URL`), and sits in its case's thread (email-thread.ts).
 */
@Injectable()
export class EmailSenderService implements OnApplicationShutdown {
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly domain: string;
  private readonly webBaseUrl: string;

  constructor(@Inject(APP_CONFIG) config: WorkflowConfig) {
    this.transport = nodemailer.createTransport(
      withTransportOptions(config.SMTP_URL, config.NOTIFICATION_SMTP_CONNECTIONS),
    );
    this.from = config.MAIL_FROM;
    this.domain = mailDomain(config.MAIL_FROM);
    this.webBaseUrl = config.WEB_BASE_URL;
  }

  async send(notification: Notification): Promise<void> {
    const address = notification.address;
    if (!address) {
      throw new Error('No e-mail address');
    }
    const { subject, text, html } = caseEmail(this.noticeOf(notification));
    const thread = threadHeaders(notification, this.domain);
    await this.traced('case', { 'notification.id': notification.id }, () =>
      this.transport.sendMail({
        from: this.from,
        to: address,
        subject,
        text,
        html,
        messageId: thread.messageId,
        ...(thread.inReplyTo ? { inReplyTo: thread.inReplyTo, references: thread.references } : {}),
        headers: { 'X-Escalation-Case': notification.caseId ?? '' },
      }),
    );
  }

  /** Several held notifications to one member in one message. */
  async sendDigest(address: string, items: readonly Notification[]): Promise<void> {
    const { subject, text, html } = digestEmail(
      items.map((item) => this.noticeOf(item)),
      preferencesUrl(this.webBaseUrl),
    );
    await this.traced('digest', { 'notification.count': items.length }, () =>
      this.transport.sendMail({ from: this.from, to: address, subject, text, html }),
    );
  }

  /**
   * A span for each e-mail handed to the SMTP server, in the trace of the job that sends it.
   * No address or subject in it: traces leave the service, personal data does not.
   */
  private traced<T>(
    kind: 'case' | 'digest',
    attributes: Record<string, string | number>,
    send: () => Promise<T>,
  ): Promise<T> {
    return inSpan(
      'smtp send',
      { kind: SpanKind.CLIENT, attributes: { 'email.kind': kind, ...attributes } },
      send,
    );
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  private noticeOf(notification: Notification): CaseNotice {
    return {
      subject: notification.subject,
      message: notification.body,
      links: caseLinks(this.webBaseUrl, notification.caseId),
    };
  }
}
