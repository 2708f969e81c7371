import { createHmac } from 'node:crypto';
import { newWebhookSecret, webhookHeaders } from './webhook-signature.js';

describe('webhook signatures (Standard Webhooks)', () => {
  it('issues secrets as whsec_ and 32 random bytes in base64, a new one each time', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs id, timestamp and body with HMAC-SHA256 keyed by the decoded secret', () => {
    const key = Buffer.from('a key of thirty-two bytes exactly');
    const secret = `whsec_${key.toString('base64')}`;
    const body = '{"caseId":"c1","urgent":true}';
    const at = new Date('2026-01-19T00:13:51.900Z');

    const headers = webhookHeaders({ secret, id: 'n-1', at, body });

    const expected = createHmac('sha256', key).update(`n-1.1768781631.${body}`).digest('base64');
    expect(headers).toEqual({
      'webhook-id': 'n-1',
      'webhook-timestamp': '1768781631',
      'webhook-signature': `v1,${expected}`,
    });
  });

  it('signs each attempt for its own time, under the same id', () => {
    const secret = newWebhookSecret();
    const first = webhookHeaders({ secret, id: 'n-1', at: new Date(1_000_000), body: '{}' });
    const retry = webhookHeaders({ secret, id: 'n-1', at: new Date(61_000_000), body: '{}' });
    expect(retry['webhook-id']).toBe(first['webhook-id']);
    expect(retry['webhook-timestamp']).not.toBe(first['webhook-timestamp']);
    expect(retry['webhook-signature']).not.toBe(first['webhook-signature']);
  });
});
