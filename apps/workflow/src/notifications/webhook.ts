import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Notification } from './notification.entity.js';
import { deliveryProblem, guardedLookup, type WebhookPolicy } from './webhook-address.js';
import { webhookHeaders } from './webhook-signature.js';

const TIMEOUT_MS = 10_000;

/**
 * A signed JSON POST; anything but a 2xx answer within ten seconds is a failure to retry. The URL
 * is checked again here (scheme, and every address it resolves to, as it connects), and a
 * redirect is a failure, never followed: it could send the request anywhere.
 */
export async function sendWebhook(
  notification: Notification,
  secret: string,
  policy: WebhookPolicy,
  at: Date,
): Promise<void> {
  if (!notification.address) {
    throw new Error('No webhook URL');
  }
  const url = new URL(notification.address);
  const problem = deliveryProblem(url, policy);
  if (problem) {
    throw new Error(problem);
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
  const status = await post(
    url,
    body,
    {
      'content-type': 'application/json',
      ...webhookHeaders({ secret, id: notification.id, at, body }),
    },
    policy,
  );
  if (status >= 300 && status < 400) {
    throw new Error(`The webhook answered ${status}: redirects are not followed`);
  }
  if (status < 200 || status >= 300) {
    throw new Error(`The webhook answered ${status}`);
  }
}

/** Posts and resolves with the status; node's http(s) never follows a redirect by itself. */
function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
  policy: WebhookPolicy,
): Promise<number> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(policy),
        // A connection of its own: a pooled one may have been opened without this lookup.
        agent: false,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (response: IncomingMessage) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}
