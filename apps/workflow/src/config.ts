import { z } from 'zod';
import { baseConfigSchema } from '#platform';
import { DEVELOPMENT_WEBHOOK_SECRET_KEY } from './notifications/webhook-secret-box.js';

const base64Key = z
  .string()
  .refine(
    (text) => /^[A-Za-z0-9+/]+={0,2}$/.test(text) && Buffer.from(text, 'base64').length === 32,
    'expected 32 random bytes in base64 (openssl rand -base64 32)',
  );

const workflowSettings = baseConfigSchema.extend({
  SERVICE_NAME: z.string().min(1).default('workflow'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('workflow'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3005),
  MIGRATE_ON_BOOT: z.stringbool().default(true),
  /** Fire deadlines with BullMQ timers (off only where another instance does it, or in tests of other things). */
  TIMERS_ENABLED: z.stringbool().default(true),
  /** BullMQ's key prefix in Redis, so environments sharing a Redis keep their queues apart. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('bull'),
  /** How often the sweep arms new deadlines and re-arms any Redis lost. */
  TIMER_SWEEP_SECONDS: z.coerce.number().min(0.2).max(3600).default(60),
  /** Send notifications (e-mail, webhooks); the inbox is written either way. */
  NOTIFICATIONS_ENABLED: z.stringbool().default(true),
  /** The SMTP server e-mail goes through, e.g. smtp://user:pass@mail.example.org:587. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//)
    .default('smtp://127.0.0.1:1025'),
  /**
   * SMTP connections this instance keeps open to SMTP_URL and reuses (nodemailer's pool), unless
   * SMTP_URL sets `pool` or `maxConnections` itself. Each instance has its own: a relay's limit
   * is for all of them (Exchange Online's SMTP submission allows 3 per mailbox).
   */
  NOTIFICATION_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(3),
  /**
   * Notifications this instance sends at once. More than NOTIFICATION_SMTP_CONNECTIONS keeps the
   * connections busy while other sends claim and record their rows.
   */
  NOTIFICATION_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(6),
  /** The first wait before a failed e-mail or webhook is tried again; it doubles each time, 5 attempts in all. */
  NOTIFICATION_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  /**
   * How long a notification may stay `sending` before it is taken for cut off mid-send and
   * recorded failed (never resent: the server may have taken it). Longer than a send can last.
   */
  NOTIFICATION_SENDING_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  MAIL_FROM: z
    .string()
    .min(3)
    .default('Cancer Network Escalations <escalations@cancer-network.invalid>'),
  /** Where people reach this service's API (e-mails link to the web app, WEB_BASE_URL). */
  PUBLIC_URL: z.url().default('http://127.0.0.1:3005'),
  /** Where people reach the web app: e-mails link to its case page and preferences. */
  WEB_BASE_URL: z
    .url()
    .regex(/^https?:\/\//)
    .default('http://127.0.0.1:3000'),
  /** When the daily digest of non-urgent notifications goes out (UK time). */
  DIGEST_CRON: z.string().min(9).default('0 7 * * *'),
  DIGEST_ENABLED: z.stringbool().default(true),
  /** The consumer group reading membership, meetings, priorities and performance events. */
  CONSUMER_GROUP: z.string().min(1).default('workflow'),
  /** http:// webhook URLs (a local sink); unset means only in development; refused in production. */
  WEBHOOK_ALLOW_INSECURE: z.stringbool().optional(),
  /** Webhooks to private, loopback and link-local addresses; as WEBHOOK_ALLOW_INSECURE. */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.stringbool().optional(),
  /** The AES-256-GCM key webhook secrets are stored under; production must set its own. */
  WEBHOOK_SECRET_KEY: base64Key.optional(),
  /**
   * The Ed25519 private key (PKCS #8, PEM or base64 DER) history checkpoints are signed with;
   * required in production; development and test sign with a published key.
   */
  HISTORY_SIGNING_KEY: z.string().min(1).optional(),
  /** When the case histories are checkpointed (UK time), where this instance runs the timers. */
  HISTORY_CHECKPOINT_CRON: z.string().min(9).default('*/15 * * * *'),
});

/** Production sends webhooks only over https to public addresses, with secrets under its own key. */
export const workflowConfigSchema = workflowSettings.superRefine((config, context) => {
  if (config.NODE_ENV !== 'production') {
    return;
  }
  const refuse = (variable: string, message: string) =>
    context.addIssue({ code: 'custom', path: [variable], message });
  if (config.WEBHOOK_ALLOW_INSECURE === true) {
    refuse('WEBHOOK_ALLOW_INSECURE', 'http:// webhooks are refused in production');
  }
  if (config.WEBHOOK_ALLOW_PRIVATE_NETWORKS === true) {
    refuse(
      'WEBHOOK_ALLOW_PRIVATE_NETWORKS',
      'webhooks to private networks are refused in production',
    );
  }
  if (config.HISTORY_SIGNING_KEY === undefined) {
    refuse('HISTORY_SIGNING_KEY', 'required in production (openssl genpkey -algorithm ed25519)');
  }
  if (config.WEBHOOK_SECRET_KEY === undefined) {
    refuse('WEBHOOK_SECRET_KEY', 'required in production (openssl rand -base64 32)');
  } else if (config.WEBHOOK_SECRET_KEY === DEVELOPMENT_WEBHOOK_SECRET_KEY) {
    refuse('WEBHOOK_SECRET_KEY', 'the published development key; set a key of your own');
  }
});

export type WorkflowConfig = z.output<typeof workflowConfigSchema>;
