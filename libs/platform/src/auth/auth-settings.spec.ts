import { baseConfigSchema } from '../config/config.schema.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { authSettings, DEVELOPMENT_ISSUER } from './auth-settings.js';

const base = { SERVICE_NAME: 'membership', DATABASE_SCHEMA: 'membership' };
const settingsOf = (env: Record<string, string>) =>
  authSettings(loadConfig(baseConfigSchema, { ...base, ...env }));

function problemOf(env: Record<string, string>): string {
  try {
    settingsOf(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.message;
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('authSettings', () => {
  it('trusts the configured issuer, with the role claim mapped', () => {
    const settings = settingsOf({
      NODE_ENV: 'production',
      AUTH_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      AUTH_ROLE_MAP: '{"CancerNetwork.Admin":"admin","CancerNetwork.Clinician":"clinician"}',
    });
    expect(settings).toMatchObject({
      mode: 'issuer',
      issuer: {
        issuer: 'https://login.microsoftonline.com/tenant/v2.0',
        audience: 'cancer-network',
        rolesClaim: 'roles',
        roleMap: { 'CancerNetwork.Admin': 'admin', 'CancerNetwork.Clinician': 'clinician' },
      },
    });
  });

  it('trusts the local development server only when NODE_ENV says development', () => {
    expect(settingsOf({ NODE_ENV: 'development' })).toMatchObject({
      mode: 'issuer',
      issuer: { issuer: DEVELOPMENT_ISSUER },
    });
    expect(problemOf({ NODE_ENV: 'production' })).toMatch(/AUTH_ISSUER: required/);
    expect(problemOf({})).toMatch(/AUTH_ISSUER: required .* NODE_ENV is unset/);
  });

  it('allows a shared key in tests and nowhere else', () => {
    const secret = 'x'.repeat(40);
    expect(settingsOf({ NODE_ENV: 'test', AUTH_JWT_SECRET: secret }).mode).toBe('shared-key');
    for (const environment of ['production', 'development']) {
      expect(problemOf({ NODE_ENV: environment, AUTH_JWT_SECRET: secret })).toMatch(
        /shared-key tokens are for tests only/,
      );
    }
  });

  it('names a role map entry that points at no platform role', () => {
    expect(
      problemOf({
        NODE_ENV: 'development',
        AUTH_ROLE_MAP: '{"CancerNetwork.Admin":"superuser"}',
      }),
    ).toMatch(/AUTH_ROLE_MAP: "CancerNetwork.Admin" maps to "superuser"/);
  });
});
