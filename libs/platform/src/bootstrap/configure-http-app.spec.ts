import { Controller, Get, type INestApplication, Logger, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { Public } from '../auth/auth.decorators.js';
import { AuthModule } from '../auth/auth.module.js';
import { baseConfigSchema, type BaseConfig } from '../config/config.schema.js';
import { APP_CONFIG, ConfigModule } from '../config/config.module.js';
import { HealthModule } from '../health/health.module.js';
import type { ReadinessCheck } from '../health/readiness-check.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { configureHttpApp } from './configure-http-app.js';

const env = {
  SERVICE_NAME: 'membership',
  DATABASE_SCHEMA: 'membership',
  NODE_ENV: 'test',
  AUTH_JWT_SECRET: 'unit-test-secret-that-is-long-enough-1234',
};

@Public()
@Controller('bodies')
class BodiesController {
  private readonly logger = new Logger(BodiesController.name);

  @Get(':id')
  find(@Param('id') id: string): { id: string } {
    if (id === 'explode') {
      throw new Error('an unexpected failure');
    }
    this.logger.log(`looking up body ${id}`);
    return { id };
  }
}

const failing: ReadinessCheck = {
  name: 'ledger',
  run: () => Promise.reject(new Error('connection refused')),
};
const hanging: ReadinessCheck = {
  name: 'slow',
  run: (signal) =>
    new Promise((_resolve, reject) =>
      signal.addEventListener('abort', () => reject(new Error('aborted'))),
    ),
};

async function createApp(checks: ReadinessCheck[] = []) {
  const lines: Record<string, unknown>[] = [];
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(baseConfigSchema, env),
      AuthModule.forRoot(),
      MetricsModule.forRoot(),
      HealthModule.forRoot({ checks, timeoutMs: 200 }),
    ],
    controllers: [BodiesController],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureHttpApp(app, {
    config: app.get<BaseConfig>(APP_CONFIG),
    title: 'Membership service',
    version: '2.1.0',
    logDestination: {
      write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  });
  await app.init();
  return { app, lines };
}

describe('configureHttpApp', () => {
  let app: INestApplication;
  let lines: Record<string, unknown>[];

  beforeAll(async () => {
    ({ app, lines } = await createApp());
  });

  afterAll(async () => {
    await app.close();
  });

  describe('correlation id', () => {
    it('echoes the caller id and writes it on the lines logged for the request', async () => {
      const response = await request(app.getHttpServer())
        .get('/bodies/cag-1')
        .set('x-correlation-id', 'caller-123');

      expect(response.status).toBe(200);
      expect(response.headers['x-correlation-id']).toBe('caller-123');
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: 'looking up body cag-1',
          context: 'BodiesController',
          correlationId: 'caller-123',
          service: 'membership',
        }),
      );
    });

    it('creates an id when the caller sends none or an unreasonable one', async () => {
      const response = await request(app.getHttpServer())
        .get('/bodies/x')
        .set('x-correlation-id', 'has spaces');

      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers every error as problem details carrying the correlation id', async () => {
      const missing = await request(app.getHttpServer())
        .get('/nothing/here')
        .set('x-correlation-id', 'trace-404');
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(missing.body).toMatchObject({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: expect.stringContaining('/nothing/here'),
        correlationId: 'trace-404',
      });
      const broken = await request(app.getHttpServer())
        .get('/bodies/explode')
        .set('x-correlation-id', 'trace-500');
      expect(broken.status).toBe(500);
      expect(broken.body).toMatchObject({ status: 500, correlationId: 'trace-500' });
    });

    it("answers a request Node's HTTP parser refuses (a URL over 16 KB) as problem details too", async () => {
      const response = await request(app.getHttpServer()).get(`/bodies/x?q=${'x'.repeat(20_000)}`);
      expect(response.status).toBe(431);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.text)).toMatchObject({
        type: 'about:blank',
        title: 'Request Header Fields Too Large',
        status: 431,
        detail: expect.stringContaining('16 KB'),
      });
    });

    it('does not say which framework answers', async () => {
      const response = await request(app.getHttpServer()).get('/bodies/x');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it("sends helmet's security headers, and the documentation page still loads", async () => {
      const response = await request(app.getHttpServer()).get('/bodies/x');
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'strict-transport-security': expect.stringMatching(/max-age=\d+/),
        'content-security-policy': expect.stringContaining("frame-ancestors 'self'"),
        'referrer-policy': 'no-referrer',
      });
      const page = await request(app.getHttpServer()).get('/docs/').redirects(1);
      expect(page.status).toBe(200);
      expect(page.text).toContain('swagger-ui');
    });
  });

  describe('openapi', () => {
    it('serves the document with the bearer scheme declared', async () => {
      const response = await request(app.getHttpServer()).get('/docs-json');

      expect(response.status).toBe(200);
      expect(response.body.info).toMatchObject({ title: 'Membership service', version: '2.1.0' });
      expect(response.body.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
      expect(Object.keys(response.body.paths)).toContain('/bodies/{id}');
    });

    it('serves Swagger UI', async () => {
      const response = await request(app.getHttpServer()).get('/docs');

      expect(response.status).toBe(200);
      expect(response.text).toContain('swagger');
    });
  });

  describe('metrics', () => {
    it('exposes request durations by route pattern, defaults and custom metrics', async () => {
      app.get(MetricsService).counter({ name: 'cases_opened_total', help: 'Cases opened' }).inc(2);
      await request(app.getHttpServer()).get('/bodies/abc');

      const response = await request(app.getHttpServer()).get('/metrics');

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toMatch(
        /http_request_duration_seconds_count\{service="membership",method="GET",route="\/bodies\/:id",status="200"\} [1-9]/,
      );
      expect(response.text).toContain('cases_opened_total{service="membership"} 2');
      expect(response.text).toContain('process_cpu_user_seconds_total');
    });

    it('labels unmatched requests without their URL, to keep the label set small', async () => {
      await request(app.getHttpServer()).get('/wp-admin/setup.php').expect(404);

      const response = await request(app.getHttpServer()).get('/metrics');

      expect(response.text).toContain('route="unmatched",status="404"');
      expect(response.text).not.toContain('wp-admin');
    });

    it('returns the metric already registered under a name', () => {
      const metrics = app.get(MetricsService);
      const first = metrics.histogram({ name: 'relay_lag_seconds', help: 'Outbox lag' });

      expect(metrics.histogram({ name: 'relay_lag_seconds', help: 'Outbox lag' })).toBe(first);
      expect(() => metrics.counter({ name: 'relay_lag_seconds', help: 'x' })).toThrow(
        'Metric relay_lag_seconds is already registered with another type',
      );
    });

    it('keeps a registry per app, so a second app starts from zero', async () => {
      const second = await createApp();
      try {
        const response = await request(second.app.getHttpServer()).get('/metrics');

        expect(response.status).toBe(200);
        expect(response.text).not.toContain('cases_opened_total');
      } finally {
        await second.app.close();
      }
    });
  });

  describe('health', () => {
    it('answers liveness and an empty readiness without a token', async () => {
      const live = await request(app.getHttpServer()).get('/health/live');
      const ready = await request(app.getHttpServer()).get('/health/ready');

      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: 'ok' });
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('ok');
    });

    it('answers 503 naming the checks that failed or timed out, and why', async () => {
      const withChecks = await createApp([failing, hanging]);
      try {
        const response = await request(withChecks.app.getHttpServer()).get('/health/ready');

        expect(response.status).toBe(503);
        expect(response.body.error).toEqual({
          ledger: expect.objectContaining({ status: 'down', message: 'connection refused' }),
          slow: expect.objectContaining({ status: 'down', message: 'timeout of 200ms exceeded' }),
        });
      } finally {
        await withChecks.app.close();
      }
    });
  });
});
