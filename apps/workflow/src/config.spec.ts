import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '#platform';
import { workflowConfigSchema } from './config.js';
import { webhookPolicy } from './notifications/webhook-settings.js';
import { DEVELOPMENT_WEBHOOK_SECRET_KEY } from './notifications/webhook-secret-box.js';

const key = randomBytes(32).toString('base64');
const signingKey = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'der' })
  .toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(workflowConfigSchema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return [...error.problems];
    }
    throw error;
  }
  return [];
}

describe('the workflow configuration of webhooks', () => {
  it('lets production send only https to public addresses, and needs its own secret key', () => {
    expect(
      problemsOf({
        NODE_ENV: 'production',
        WEBHOOK_SECRET_KEY: key,
        HISTORY_SIGNING_KEY: signingKey,
      }),
    ).toEqual([]);
    expect(
      problemsOf({
        NODE_ENV: 'production',
        WEBHOOK_ALLOW_INSECURE: 'true',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      }),
    ).toEqual([
      'WEBHOOK_ALLOW_INSECURE: http:// webhooks are refused in production',
      'WEBHOOK_ALLOW_PRIVATE_NETWORKS: webhooks to private networks are refused in production',
      'HISTORY_SIGNING_KEY: required in production (openssl genpkey -algorithm ed25519)',
      'WEBHOOK_SECRET_KEY: required in production (openssl rand -base64 32)',
    ]);
    expect(
      problemsOf({
        NODE_ENV: 'production',
        WEBHOOK_SECRET_KEY: DEVELOPMENT_WEBHOOK_SECRET_KEY,
        HISTORY_SIGNING_KEY: signingKey,
      }),
    ).toEqual(['WEBHOOK_SECRET_KEY: the published development key; set a key of your own']);
  });

  it('takes a key only of 32 bytes in base64', () => {
    expect(
      problemsOf({ NODE_ENV: 'test', WEBHOOK_SECRET_KEY: randomBytes(16).toString('base64') }),
    ).toEqual(['WEBHOOK_SECRET_KEY: expected 32 random bytes in base64 (openssl rand -base64 32)']);
  });

  it('allows http and private networks by default in development only, and when a test says so', () => {
    const policy = (env: Record<string, string>) =>
      webhookPolicy(loadConfig(workflowConfigSchema, env));
    expect(policy({ NODE_ENV: 'development' })).toEqual({
      allowInsecure: true,
      allowPrivateNetworks: true,
    });
    expect(policy({ NODE_ENV: 'test' })).toEqual({
      allowInsecure: false,
      allowPrivateNetworks: false,
    });
    expect(
      policy({ NODE_ENV: 'production', WEBHOOK_SECRET_KEY: key, HISTORY_SIGNING_KEY: signingKey }),
    ).toEqual({
      allowInsecure: false,
      allowPrivateNetworks: false,
    });
    expect(
      policy({
        NODE_ENV: 'test',
        WEBHOOK_ALLOW_INSECURE: 'true',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      }),
    ).toEqual({ allowInsecure: true, allowPrivateNetworks: true });
  });
});
