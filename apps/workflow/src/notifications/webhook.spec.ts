import { createHmac } from 'node:crypto';
import { httpSink, type HttpSink } from '#testing';
import { Notification } from './notification.entity.js';
import type { WebhookPolicy } from './webhook-address.js';
import { newWebhookSecret } from './webhook-signature.js';
import { sendWebhook } from './webhook.js';

function aWebhookNotification(address: string): Notification {
  return Object.assign(new Notification(), {
    id: '0b5f8d5e-7f43-4c57-9a53-3a8f4c2f6a11',
    caseId: '6c0d7f5e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    memberId: '1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5',
    channel: 'webhook',
    address,
    subject: 'Case opened',
    body: 'A case was opened',
    urgent: true,
    createdAt: new Date('2026-03-01T09:00:00Z'),
  });
}

const local: WebhookPolicy = { allowInsecure: true, allowPrivateNetworks: true };

describe('sending a webhook', () => {
  const sinks: HttpSink[] = [];
  const open = async (status: number, location?: string) => {
    const opened = await httpSink(status, location);
    sinks.push(opened);
    return opened;
  };
  afterEach(async () => {
    await Promise.all(sinks.splice(0).map((s) => s.close()));
  });

  it('posts the notification signed as Standard Webhooks says', async () => {
    const hook = await open(204);
    const secret = newWebhookSecret();
    const at = new Date('2026-03-01T09:00:05.250Z');

    await sendWebhook(aWebhookNotification(hook.url), secret, local, at);

    expect(hook.calls).toHaveLength(1);
    const { headers, body } = hook.calls[0]!;
    expect(headers['webhook-id']).toBe('0b5f8d5e-7f43-4c57-9a53-3a8f4c2f6a11');
    expect(headers['webhook-timestamp']).toBe('1772355605');
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(
        `${headers['webhook-id'] as string}.${headers['webhook-timestamp'] as string}.${body}`,
      )
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(JSON.parse(body)).toMatchObject({
      caseId: '6c0d7f5e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      urgent: true,
    });
  });

  it('does not follow a redirect: a 3xx is a failed delivery', async () => {
    const target = await open(204);
    const redirecting = await open(307, target.url);

    await expect(
      sendWebhook(aWebhookNotification(redirecting.url), newWebhookSecret(), local, new Date()),
    ).rejects.toThrow('The webhook answered 307: redirects are not followed');
    expect(redirecting.calls).toHaveLength(1);
    expect(target.calls).toHaveLength(0);
  });

  it('fails on any answer but a 2xx', async () => {
    const down = await open(503);
    await expect(
      sendWebhook(aWebhookNotification(down.url), newWebhookSecret(), local, new Date()),
    ).rejects.toThrow('The webhook answered 503');
  });

  it('checks the address again when it delivers: no private network unless allowed', async () => {
    const hook = await open(204);
    const noPrivate = { allowInsecure: true, allowPrivateNetworks: false };
    const port = new URL(hook.url).port;

    await expect(
      sendWebhook(aWebhookNotification(hook.url), newWebhookSecret(), noPrivate, new Date()),
    ).rejects.toThrow(/127\.0\.0\.1 is not public/);
    // A name is checked as it resolves, on the connection itself: no gap to rebind it in.
    await expect(
      sendWebhook(
        aWebhookNotification(`http://localhost:${port}/hook`),
        newWebhookSecret(),
        noPrivate,
        new Date(),
      ),
    ).rejects.toThrow(/is not public/);
    expect(hook.calls).toHaveLength(0);
  });

  it('checks the scheme again when it delivers: https unless insecure webhooks are allowed', async () => {
    const hook = await open(204);
    await expect(
      sendWebhook(
        aWebhookNotification(hook.url),
        newWebhookSecret(),
        { allowInsecure: false, allowPrivateNetworks: true },
        new Date(),
      ),
    ).rejects.toThrow(/https/);
    expect(hook.calls).toHaveLength(0);
  });
});
