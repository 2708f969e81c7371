import * as z from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;

// A comma-separated broker list, as every Kafka tool spells it in the environment.
const brokerList = z
  .string()
  .default('127.0.0.1:9092')
  .transform((value) =>
    value
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker.length > 0),
  )
  .pipe(
    z
      .array(z.string().regex(HOST_PORT, 'expected host:port'))
      .min(1, 'expected at least one host:port'),
  );

/**
 * What every service reads from its environment. A service adds its own variables with
 * `baseConfigSchema.extend({ ... })` and passes the result to `ConfigModule.forRoot`.
 */
export const baseConfigSchema = z.object({
  SERVICE_NAME: z.string().min(1),
  // No default: a deployment that forgets it must not fall into development's trust settings.
  NODE_ENV: z.enum(['development', 'test', 'production']).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// URL' })
    .default('postgres://postgres@127.0.0.1:5432/cancer_network'),
  // Each service owns one schema; it is interpolated into DDL, so it must be a plain identifier.
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'expected a lower-case SQL identifier'),
  KAFKA_BROKERS: brokerList,
  // Environments sharing a cluster each keep to topics (and consumer groups) under a prefix.
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, . _ - only')
    .default(''),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'expected a redis:// URL' })
    .default('redis://127.0.0.1:6379'),
  // The identity provider whose signed access tokens the service accepts (see auth-settings.ts).
  AUTH_ISSUER: z.url({ protocol: /^https?$/, error: 'expected the issuer URL' }).optional(),
  // The issuer's discovery document when its public URL is not reachable from here.
  AUTH_DISCOVERY_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_AUDIENCE: z.string().min(1).default('cancer-network'),
  AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
  AUTH_ROLE_MAP: z
    .string()
    .default('{}')
    .transform((text, ctx) => {
      try {
        // Role names are checked against the platform's roles by authSettings.
        return z.record(z.string(), z.string()).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'expected a JSON object mapping provider role names to platform roles',
        });
        return z.NEVER;
      }
    }),
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  AUTH_MAX_TOKEN_AGE_SECONDS: z.coerce.number().int().min(60).default(86_400),
  AUTH_JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).default(30_000),
  AUTH_JWKS_CACHE_MAX_AGE_MS: z.coerce.number().int().min(0).default(600_000),
  // Shared-key tokens (HS256): tests only, refused whenever NODE_ENV is not test.
  AUTH_JWT_SECRET: z.string().min(32).optional(),
  AUTH_JWT_ISSUER: z.string().min(1).default('cancer-network'),
  // Requests a minute per caller (a signed-in principal, else an address), and for routes marked
  // @StrictRateLimit (imports, linking an account on sign-in, calendar subscription URLs).
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_STRICT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  // Days a consumer keeps the ids of events it handled, against a second effect on redelivery.
  // Must exceed every replay horizon: the retention of the topics it reads (a group reset or
  // rewound re-reads them) and the age of any dead letter that may be replayed.
  PROCESSED_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // Partitions a consumer instance works on at once, each in its own order: a long batch on one
  // partition (a burst of dead letters, say) does not hold up the others it was assigned.
  KAFKA_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(3),
});

/** The parsed configuration of a service whose schema is `S`. */
export type AppConfig<S extends z.ZodType = typeof baseConfigSchema> = z.output<S>;
export type BaseConfig = AppConfig<typeof baseConfigSchema>;
