import { SmtpSink } from '#testing';
import type { WorkflowConfig } from '../config.js';
import { EmailSenderService, withTransportOptions } from './email-sender.service.js';
import type { Notification } from './notification.entity.js';
import { noticeKey } from './notice-key.js';

const caseId = '6f1c1f38-3f5e-4c36-9d5a-2d6f3b8e2a11';
const memberId = '0b8f0d2e-92a7-4d8c-a0ab-5e0f0c1d9b22';

const aNotification = (overrides: Partial<Notification>): Notification =>
  ({
    id: 'b8a4d0c6-7d43-4f59-9a7e-1f5e7c1b2a33',
    caseId,
    memberId,
    channel: 'email',
    address: 'chair@example.org',
    subject: 'Action needed: Lung FDS below target',
    body: 'Opened at the network group.\n\nCase: Lung FDS below target',
    dedupKey: noticeKey({
      caseId,
      sequence: 1,
      audience: 'holding-body',
      memberId,
      channel: 'email',
    }),
    ...overrides,
  }) as Notification;

describe('e-mail sender over SMTP', () => {
  let smtp: SmtpSink;
  let sender: EmailSenderService;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    sender = new EmailSenderService({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Escalations <escalations@alliance.example>',
      WEB_BASE_URL: 'https://web.example',
      NOTIFICATION_SMTP_CONNECTIONS: 2,
    } as WorkflowConfig);
  });

  afterAll(async () => {
    sender.onApplicationShutdown();
    await smtp.close();
  });

  it('sends both parts, linking to the web app, each later e-mail a reply in the case’s thread', async () => {
    await sender.send(aNotification({}));
    await sender.send(
      aNotification({
        id: 'c9b5e1d7-8e54-4a6a-8b8f-2a6f8d2c3b44',
        subject: 'Escalated to the Clinical Advisory Group: Lung FDS below target',
        dedupKey: noticeKey({
          caseId,
          sequence: 2,
          audience: 'holding-body',
          memberId,
          channel: 'email',
        }),
      }),
    );
    const [first, second] = smtp.to('chair@example.org');
    const root = `<case-${caseId}.${memberId}@alliance.example>`;
    expect(first?.subject).toBe('Action needed: Lung FDS below target');
    expect(first?.messageId).toBe(root);
    expect(first?.text).toContain(`Open the case: https://web.example/cases/${caseId}`);
    expect(first?.text).toContain('https://web.example/my-work#preferences');
    expect(first?.html).toContain(`<a href="https://web.example/cases/${caseId}"`);
    expect(first?.headers['in-reply-to']).toBeUndefined();

    expect(second?.subject).toBe('Escalated to the Clinical Advisory Group: Lung FDS below target');
    expect(second?.messageId).toBe('<c9b5e1d7-8e54-4a6a-8b8f-2a6f8d2c3b44@alliance.example>');
    expect(second?.headers['in-reply-to']).toBe(root);
    expect(second?.headers['references']).toBe(root);
    expect(second?.headers['x-escalation-case']).toBe(caseId);
  });

  it('sends many at once over its pooled connections, each once', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `d1f0c2a4-0000-4000-8000-0000000000${10 + i}`);
    await Promise.all(
      ids.map((id) =>
        sender.send(aNotification({ id, address: 'many@example.org', dedupKey: `test:${id}` })),
      ),
    );
    expect(
      smtp
        .to('many@example.org')
        .map((mail) => mail.messageId)
        .sort(),
    ).toEqual(ids.map((id) => `<${id}@alliance.example>`).sort());
  });

  it('sends a digest with both parts', async () => {
    await sender.sendDigest('lead@example.org', [aNotification({ subject: 'Resolved: Lung' })]);
    const [digest] = smtp.to('lead@example.org');
    expect(digest?.subject).toBe('Escalations digest: 1 update');
    expect(digest?.text).toContain('Resolved: Lung');
    expect(digest?.html).toContain(
      '<h2 style="font-size:19px;margin:24px 0 8px">Resolved: Lung</h2>',
    );
  });

  it('bounds a send in time and pools connections, keeping what SMTP_URL sets itself', () => {
    const url = new URL(
      withTransportOptions(
        'smtp://user:p%40ss@mail.example.org:587?socketTimeout=5000&maxConnections=1',
        3,
      ),
    );
    expect(url.searchParams.get('socketTimeout')).toBe('5000');
    expect(url.searchParams.get('connectionTimeout')).toBe('30000');
    expect(url.searchParams.get('greetingTimeout')).toBe('30000');
    expect(url.searchParams.get('pool')).toBe('true');
    expect(url.searchParams.get('maxConnections')).toBe('1');
    expect(`${url.username}:${url.password}@${url.host}`).toBe('user:p%40ss@mail.example.org:587');
    expect(
      new URL(withTransportOptions('smtp://127.0.0.1:1025', 3)).searchParams.get('maxConnections'),
    ).toBe('3');
  });
});
