import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  AuthModule,
  type BaseConfig,
  baseConfigSchema,
  ConfigModule,
  databaseCheck,
  HealthModule,
  kafkaCheck,
  type ReadinessCheck,
  redisCheck,
} from '#platform';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const env = {
  SERVICE_NAME: 'health-test',
  DATABASE_SCHEMA: 'health_test',
  DATABASE_URL: databaseUrl,
  NODE_ENV: 'test',
  AUTH_JWT_SECRET: 'integration-test-secret-long-enough-1234',
  ...(process.env.REDIS_URL !== undefined && { REDIS_URL: process.env.REDIS_URL }),
  ...(process.env.KAFKA_BROKERS !== undefined && { KAFKA_BROKERS: process.env.KAFKA_BROKERS }),
};
// Nothing listens on port 1: connecting is refused at once.
const CLOSED = '127.0.0.1:1';

type ChecksFor = (config: BaseConfig) => ReadinessCheck[];

async function createApp(checksFor: ChecksFor): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(baseConfigSchema, env),
      AuthModule.forRoot(),
      HealthModule.forRootAsync({
        inject: [APP_CONFIG],
        useFactory: (config: BaseConfig) => ({ checks: checksFor(config), timeoutMs: 2000 }),
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

async function readiness(checksFor: ChecksFor): Promise<request.Response> {
  const app = await createApp(checksFor);
  try {
    return await request(app.getHttpServer()).get('/health/ready');
  } finally {
    await app.close();
  }
}

describe('GET /health/ready against real dependencies', () => {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl });

  beforeAll(async () => {
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('answers 200 when PostgreSQL and Redis answer', async () => {
    const response = await readiness((config) => [
      databaseCheck(dataSource),
      redisCheck(config.REDIS_URL),
    ]);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('answers 200 with Kafka when the broker answers', async () => {
    const response = await readiness((config) => [kafkaCheck(config.KAFKA_BROKERS)]);

    expect(response.status).toBe(200);
    expect(response.body.details.kafka).toMatchObject({
      status: 'up',
      brokers: expect.any(Number),
    });
  });

  it('answers 503 naming redis when Redis cannot be reached', async () => {
    const response = await readiness(() => [
      databaseCheck(dataSource),
      redisCheck(`redis://${CLOSED}`),
    ]);

    expect(response.status).toBe(503);
    expect(response.body.status).toBe('error');
    expect(Object.keys(response.body.error)).toEqual(['redis']);
    expect(response.body.error.redis).toMatchObject({ status: 'down', message: /ECONNREFUSED/ });
    expect(response.body.info.database.status).toBe('up');
  });

  it('answers 503 naming kafka when no broker listens', async () => {
    const response = await readiness(() => [kafkaCheck([CLOSED])]);

    expect(response.status).toBe(503);
    expect(response.body.error.kafka).toMatchObject({ status: 'down', message: /ECONNREFUSED/ });
  });

  it('answers 503 naming the database when its data source is not connected', async () => {
    const idle = new DataSource({ type: 'postgres', url: databaseUrl });

    const response = await readiness(() => [databaseCheck(idle)]);

    expect(response.status).toBe(503);
    expect(response.body.error.database).toMatchObject({
      status: 'down',
      message: 'data source is not initialized',
    });
  });

  it('leaves no Redis connection behind after its probes', async () => {
    const observer = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    // A name of its own, so probes of other test runs on the same Redis are not counted.
    const connectionName = `readiness-${randomUUID()}`;
    const probeConnections = async (): Promise<number> => {
      const list = String(await observer.call('CLIENT', 'LIST'));
      return list.split('\n').filter((line) => line.includes(`name=${connectionName} `)).length;
    };
    try {
      const app = await createApp((config) => [redisCheck(config.REDIS_URL, { connectionName })]);
      try {
        for (let probe = 0; probe < 5; probe += 1) {
          await request(app.getHttpServer()).get('/health/ready').expect(200);
        }
      } finally {
        await app.close();
      }

      // The server notices a closed socket a moment after the client drops it.
      const deadline = Date.now() + 2000;
      let open = await probeConnections();
      while (open > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        open = await probeConnections();
      }
      expect(open).toBe(0);
    } finally {
      observer.disconnect();
    }
  });
});
