import { Controller, Get, type INestApplication, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  APP_CONFIG,
  AuthModule,
  type BaseConfig,
  baseConfigSchema,
  ConfigModule,
  configureHttpApp,
  MetricsModule,
  mintToken,
  Public,
  Roles,
  StrictRateLimit,
} from '#platform';
import { testInfra, uniqueName } from '#testing';

const SECRET = 'unit-test-secret-that-is-long-enough-1234';

@Controller()
class ThingsController {
  @Get('things')
  @Roles('clinician')
  list() {
    return [];
  }

  @Get('others')
  @Roles('clinician')
  others() {
    return [];
  }

  @Post('imports')
  @Roles('clinician')
  @StrictRateLimit()
  upload() {
    return { accepted: true };
  }

  @Get('open')
  @Public()
  open() {
    return { open: true };
  }
}

const tokenOf = (sub: string) =>
  `Bearer ${mintToken({
    secret: SECRET,
    issuer: 'cancer-network',
    audience: 'cancer-network',
    sub,
    roles: ['clinician'],
    ttlSeconds: 300,
  })}`;

describe('rate limits, counted in Redis', () => {
  let app: INestApplication;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(baseConfigSchema, {
          // A service of its own, so no other run shares its counters in Redis.
          SERVICE_NAME: uniqueName('rate'),
          REDIS_URL: testInfra.redisUrl,
          DATABASE_SCHEMA: 'test',
          NODE_ENV: 'test',
          AUTH_JWT_SECRET: SECRET,
          RATE_LIMIT_PER_MINUTE: '3',
          RATE_LIMIT_STRICT_PER_MINUTE: '1',
          LOG_LEVEL: 'silent',
        }),
        AuthModule.forRoot(),
        MetricsModule.forRoot(),
      ],
      controllers: [ThingsController],
    }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    configureHttpApp(app, {
      config: app.get<BaseConfig>(APP_CONFIG),
      title: 'Test',
      version: '1',
      logDestination: { write: () => undefined },
    });
    await app.init();
  });

  afterEach(async () => {
    await app.close();
  });

  it('gives each signed-in caller one budget across the routes, then 429 with Retry-After', async () => {
    const alice = tokenOf('alice');
    await request(app.getHttpServer()).get('/things').set('authorization', alice).expect(200);
    await request(app.getHttpServer()).get('/others').set('authorization', alice).expect(200);
    await request(app.getHttpServer()).get('/things').set('authorization', alice).expect(200);
    const limited = await request(app.getHttpServer())
      .get('/others')
      .set('authorization', alice)
      .expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });

    // Another person from the same address is counted apart: the key is the principal.
    await request(app.getHttpServer())
      .get('/things')
      .set('authorization', tokenOf('bob'))
      .expect(200);
  });

  it('holds strict routes to their own, smaller budget', async () => {
    const carol = tokenOf('carol');
    await request(app.getHttpServer()).post('/imports').set('authorization', carol).expect(201);
    await request(app.getHttpServer()).post('/imports').set('authorization', carol).expect(429);
    await request(app.getHttpServer()).get('/things').set('authorization', carol).expect(200);
  });

  it('counts callers without a token by address', async () => {
    for (let index = 0; index < 3; index += 1) {
      await request(app.getHttpServer()).get('/open').expect(200);
    }
    await request(app.getHttpServer()).get('/open').expect(429);
  });
});
