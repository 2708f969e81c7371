import { createHmac, randomBytes } from 'node:crypto';

/**
 * Webhooks are signed as the Standard Webhooks specification says (standardwebhooks.com), so a
 * receiver can check them with its libraries: `webhook-id` (the notification's, the same on every
 * retry, for the receiver to drop duplicates), `webhook-timestamp` (Unix seconds of this attempt,
 * for it to refuse replays) and `webhook-signature`, `v1,` and the base64 HMAC-SHA256 of
 * `${id}.${timestamp}.${body}` keyed by the secret's base64 part.
 */
export interface WebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

const PREFIX = 'whsec_';

/** A new signing secret: `whsec_` and 32 random bytes in base64 (the specification asks 24 to 64). */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

export function webhookHeaders(delivery: {
  secret: string;
  id: string;
  at: Date;
  body: string;
}): WebhookHeaders {
  if (!delivery.secret.startsWith(PREFIX)) {
    throw new Error('A webhook secret starts whsec_');
  }
  const key = Buffer.from(delivery.secret.slice(PREFIX.length), 'base64');
  const timestamp = String(Math.floor(delivery.at.getTime() / 1000));
  const signature = createHmac('sha256', key)
    .update(`${delivery.id}.${timestamp}.${delivery.body}`)
    .digest('base64');
  return {
    'webhook-id': delivery.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  };
}
