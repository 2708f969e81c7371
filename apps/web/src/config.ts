import { z } from 'zod';

/** A 32-byte key, base64. */
const base64Key = z
  .string()
  .refine(
    (text) => /^[A-Za-z0-9+/]+={0,2}$/.test(text) && Buffer.from(text, 'base64').length === 32,
    'expected 32 random bytes in base64 (openssl rand -base64 32)',
  );

/** The published development session key: refused in production. */
export const DEVELOPMENT_SESSION_KEY = Buffer.from('development-only-web-session-key').toString(
  'base64',
);

const serviceUrl = (port: number) => z.url().default(`http://127.0.0.1:${port}`);

/**
 * The web app's settings. It keeps no data: it signs people in at the identity provider and
 * calls the services with their access token.
 */
export const webConfigSchema = z
  .object({
    SERVICE_NAME: z.string().min(1).default('web'),
    NODE_ENV: z.enum(['development', 'test', 'production']).optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Where people reach the web app: sign-in returns here, e-mails link here. */
    WEB_BASE_URL: z.url().default('http://127.0.0.1:3000'),
    /** The identity provider; the development identity server when NODE_ENV=development. */
    AUTH_ISSUER: z.url().optional(),
    /** Where to read the provider's discovery document when AUTH_ISSUER is not reachable from here. */
    AUTH_DISCOVERY_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Where the provider puts roles in an access token, and its role names to the platform's. */
    AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
    AUTH_ROLE_MAP: z
      .string()
      .default('{}')
      .transform((text, context) => {
        try {
          return z
            .record(z.string(), z.enum(['admin', 'clinician', 'service']))
            .parse(JSON.parse(text));
        } catch {
          context.addIssue({
            code: 'custom',
            message:
              'expected a JSON object mapping provider role names to admin, clinician or service',
          });
          return z.NEVER;
        }
      }),
    WEB_CLIENT_ID: z.string().min(1).default('cancer-network-web'),
    WEB_CLIENT_SECRET: z.string().min(1).optional(),
    /** The key the session cookie is encrypted under (AES-256-GCM). */
    SESSION_KEY: base64Key.optional(),
    /** How long a session lasts without use, in minutes. */
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    /** Comments on pathways under consultation a visitor's address may send an hour. */
    PUBLIC_COMMENTS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(10),
    MEMBERSHIP_URL: serviceUrl(3001),
    MEETINGS_URL: serviceUrl(3002),
    PRIORITIES_URL: serviceUrl(3003),
    PERFORMANCE_URL: serviceUrl(3004),
    WORKFLOW_URL: serviceUrl(3005),
  })
  .superRefine((config, context) => {
    if (config.NODE_ENV === 'development') {
      return;
    }
    const refuse = (variable: string, message: string) =>
      context.addIssue({ code: 'custom', path: [variable], message });
    if (config.AUTH_ISSUER === undefined) {
      refuse('AUTH_ISSUER', 'required unless NODE_ENV is development');
    }
    if (config.WEB_CLIENT_SECRET === undefined) {
      refuse('WEB_CLIENT_SECRET', 'required unless NODE_ENV is development');
    }
    if (config.SESSION_KEY === undefined && config.NODE_ENV !== 'test') {
      refuse('SESSION_KEY', 'required outside development and test (openssl rand -base64 32)');
    }
    if (config.NODE_ENV === 'production' && config.SESSION_KEY === DEVELOPMENT_SESSION_KEY) {
      refuse('SESSION_KEY', 'the published development key; set a key of your own');
    }
  });

export type WebConfig = z.output<typeof webConfigSchema>;
