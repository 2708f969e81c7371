import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope recipients, lower case. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  /** The HTML alternative; '' when the e-mail has none. */
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/**
 * A real SMTP server on a free port that keeps what it receives, so tests read the e-mails a
 * service sent over SMTP (mailparser 3.7.2: later versions need a package the registry lacks).
 */
export class SmtpSink {
  private constructor(
    private readonly server: SMTPServer,
    readonly messages: ReceivedMail[],
  ) {}

  static async start(options: { port?: number; host?: string } = {}): Promise<SmtpSink> {
    const messages: ReceivedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            const headers: Record<string, string> = {};
            for (const [name, value] of mail.headers) {
              headers[name] = typeof value === 'string' ? value : JSON.stringify(value);
            }
            messages.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: mail.html || '',
              messageId: mail.messageId ?? '',
              headers,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
    });
    // A client that dies mid-session (a sender killed by a test) resets its socket: that is
    // the client's failure, not the sink's, and must not bring the test process down.
    server.on('error', () => undefined);
    return new SmtpSink(server, messages);
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** The URL a service's SMTP_URL takes. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
