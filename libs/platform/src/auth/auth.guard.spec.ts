import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { baseConfigSchema } from '../config/config.schema.js';
import { ConfigModule } from '../config/config.module.js';
import { CurrentUser, Public, Roles } from './auth.decorators.js';
import { AuthModule } from './auth.module.js';
import { mintToken, type MintTokenOptions, type Principal } from './token.js';

const SECRET = 'unit-test-secret-that-is-long-enough-1234';
const env = {
  SERVICE_NAME: 'test',
  DATABASE_SCHEMA: 'test',
  NODE_ENV: 'test',
  AUTH_JWT_SECRET: SECRET,
};

@Controller('things')
class ThingsController {
  @Get()
  list(@CurrentUser() user: Principal): { sub: string } {
    return { sub: user.sub };
  }

  @Roles('admin')
  @Get('admin')
  admin(): string {
    return 'admin only';
  }

  @Roles('admin', 'clinician')
  @Get('clinical')
  clinical(@CurrentUser() user: Principal): Principal {
    return user;
  }

  @Public()
  @Get('open')
  open(): string {
    return 'open';
  }
}

function aToken(overrides: Partial<MintTokenOptions> = {}): string {
  return mintToken({
    secret: SECRET,
    issuer: 'cancer-network',
    audience: 'cancer-network',
    sub: 'alice',
    roles: ['clinician'],
    ttlSeconds: 300,
    ...overrides,
  });
}

describe('AuthGuard', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(baseConfigSchema, env), AuthModule.forRoot()],
      controllers: [ThingsController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const get = (path: string, token?: string) => {
    const call = request(app.getHttpServer()).get(path);
    return token === undefined ? call : call.set('Authorization', `Bearer ${token}`);
  };

  it('answers 401 without a token', async () => {
    const response = await get('/things');

    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Missing bearer token');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 401 for a scheme other than Bearer', async () => {
    const response = await request(app.getHttpServer())
      .get('/things')
      .set('Authorization', `Basic ${Buffer.from('a:b').toString('base64')}`);

    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Missing bearer token');
  });

  it('answers 401 for a token signed with another secret', async () => {
    const response = await get(
      '/things',
      aToken({ secret: 'another-secret-of-enough-length-9876543' }),
    );

    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Invalid token signature');
  });

  it('answers 401 for an expired token', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);

    const response = await get('/things', aToken({ now: twoHoursAgo, ttlSeconds: 3600 }));

    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Token expired');
  });

  it.each([
    ['issuer', { issuer: 'someone-else' }, 'Invalid token issuer'],
    ['audience', { audience: 'another-app' }, 'Invalid token audience'],
  ])('answers 401 for a wrong %s', async (_label, override, message) => {
    const response = await get('/things', aToken(override));

    expect(response.status).toBe(401);
    expect(response.body.message).toBe(message);
  });

  it('answers 401 for a malformed token', async () => {
    const response = await get('/things', 'not.a-jwt');

    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Malformed token');
  });

  it('answers 403 naming the roles a route requires', async () => {
    const response = await get('/things/admin', aToken({ roles: ['clinician'] }));

    expect(response.status).toBe(403);
    expect(response.body.message).toBe('Requires one of roles: admin');
  });

  it('answers 200 when the caller holds the role', async () => {
    const response = await get('/things/admin', aToken({ roles: ['admin'] }));

    expect(response.status).toBe(200);
    expect(response.text).toBe('admin only');
  });

  it('accepts any of the listed roles and exposes the principal', async () => {
    const response = await get(
      '/things/clinical',
      aToken({ sub: 'bob', roles: ['clinician'], name: 'Dr Bob' }),
    );

    expect(response.status).toBe(200);
    // No member: a token never names one; the member is the identity's link (MemberResolver).
    expect(response.body).toEqual({ sub: 'bob', roles: ['clinician'], name: 'Dr Bob' });
  });

  it('answers 200 on a route any authenticated caller may use', async () => {
    const response = await get('/things', aToken({ sub: 'carol', roles: ['service'] }));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sub: 'carol' });
  });

  it('answers 200 on a @Public route without a token', async () => {
    const response = await get('/things/open');

    expect(response.status).toBe(200);
    expect(response.text).toBe('open');
  });
});
