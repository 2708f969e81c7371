import * as z from 'zod';
import { baseConfigSchema } from './config.schema.js';
import { ConfigError, loadConfig } from './load-config.js';

const SECRET = 'a-development-secret-of-at-least-32-chars';
const minimal = {
  SERVICE_NAME: 'membership',
  DATABASE_SCHEMA: 'membership',
  NODE_ENV: 'test',
  AUTH_JWT_SECRET: SECRET,
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(baseConfigSchema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return [...error.problems];
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('parses a minimal environment and fills in the defaults', () => {
    const config = loadConfig(baseConfigSchema, minimal);

    expect(config).toEqual({
      ...minimal,
      PORT: 3000,
      LOG_LEVEL: 'info',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cancer_network',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_TOPIC_PREFIX: '',
      REDIS_URL: 'redis://127.0.0.1:6379',
      AUTH_JWT_ISSUER: 'cancer-network',
      AUTH_AUDIENCE: 'cancer-network',
      AUTH_ROLES_CLAIM: 'roles',
      AUTH_ROLE_MAP: {},
      AUTH_CLOCK_TOLERANCE_SECONDS: 30,
      AUTH_MAX_TOKEN_AGE_SECONDS: 86_400,
      AUTH_JWKS_COOLDOWN_MS: 30_000,
      AUTH_JWKS_CACHE_MAX_AGE_MS: 600_000,
      RATE_LIMIT_PER_MINUTE: 600,
      RATE_LIMIT_STRICT_PER_MINUTE: 20,
      PROCESSED_EVENT_RETENTION_DAYS: 30,
      KAFKA_PARTITIONS_CONCURRENTLY: 3,
    });
  });

  it('coerces the port and splits the broker list', () => {
    const config = loadConfig(baseConfigSchema, {
      ...minimal,
      PORT: '8080',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9093',
    });

    expect(config.PORT).toBe(8080);
    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9093']);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig(baseConfigSchema, { ...minimal, PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    ['SERVICE_NAME', { SERVICE_NAME: undefined }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/x' }],
    ['DATABASE_SCHEMA', { DATABASE_SCHEMA: 'Membership; DROP' }],
    ['DATABASE_SCHEMA', { DATABASE_SCHEMA: undefined }],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: 'localhost' }],
    ['REDIS_URL', { REDIS_URL: 'http://cache' }],
    ['AUTH_JWT_SECRET', { AUTH_JWT_SECRET: 'short' }],
    ['AUTH_ISSUER', { AUTH_ISSUER: 'not a url' }],
    ['AUTH_ROLE_MAP', { AUTH_ROLE_MAP: 'admin=admin' }],
  ])('names %s when it is wrong or missing (%j)', (name, override) => {
    const problems = problemsOf({ ...minimal, ...override });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}(\\.\\d+)?: `));
  });

  it('reports several bad variables together in one message', () => {
    const error = (() => {
      try {
        return loadConfig(baseConfigSchema, { ...minimal, AUTH_JWT_SECRET: 'short', PORT: 'x' });
      } catch (caught) {
        return caught;
      }
    })();

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      'Invalid configuration: PORT: Invalid input: expected number, received NaN; ' +
        'AUTH_JWT_SECRET: Too small: expected string to have >=32 characters',
    );
  });

  it('parses the variables a service adds by extending the schema', () => {
    const schema = baseConfigSchema.extend({ TIMER_SWEEP_SECONDS: z.coerce.number().default(60) });

    const config = loadConfig(schema, { ...minimal, TIMER_SWEEP_SECONDS: '15' });

    expect(config.TIMER_SWEEP_SECONDS).toBe(15);
    expect(config.SERVICE_NAME).toBe('membership');
  });
});
