import type { WorkflowConfig } from '../config.js';
import type { WebhookPolicy } from './webhook-address.js';
import { DEVELOPMENT_WEBHOOK_SECRET_KEY, WebhookSecretBox } from './webhook-secret-box.js';

type WebhookConfig = Pick<
  WorkflowConfig,
  'NODE_ENV' | 'WEBHOOK_ALLOW_INSECURE' | 'WEBHOOK_ALLOW_PRIVATE_NETWORKS' | 'WEBHOOK_SECRET_KEY'
>;

/**
 * Where webhooks may go. Outside development only https to public addresses, unless a test sets
 * WEBHOOK_ALLOW_INSECURE or WEBHOOK_ALLOW_PRIVATE_NETWORKS to reach a local sink; production
 * refuses both settings at boot (config.ts).
 */
export function webhookPolicy(config: WebhookConfig): WebhookPolicy {
  const development = config.NODE_ENV === 'development';
  return {
    allowInsecure: config.WEBHOOK_ALLOW_INSECURE ?? development,
    allowPrivateNetworks: config.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? development,
  };
}

/** The box webhook secrets are sealed in: production's key, or else the development one. */
export function webhookSecretBox(config: WebhookConfig): WebhookSecretBox {
  return new WebhookSecretBox(config.WEBHOOK_SECRET_KEY ?? DEVELOPMENT_WEBHOOK_SECRET_KEY);
}
