import type { DevClient, DevIdentityOptions } from './dev-identity-server.js';

/** The development issuer the services trust when NODE_ENV is development and none is set. */
export const DEV_ISSUER = 'http://127.0.0.1:3010';
export const DEV_PASSWORD = 'development';
/** Development client secrets: known to everyone, so the server refuses to run in production. */
export const DEV_SERVICE_CLIENT = {
  id: 'cancer-network-service',
  secret: 'development-service-secret',
};
export const DEV_CLI_CLIENT = {
  id: 'cancer-network-cli',
  redirectUri: 'http://127.0.0.1/callback',
};
export const DEV_WEB_CLIENT = { id: 'cancer-network-web', secret: 'development-web-secret' };

export function devIdentitySettings(env: NodeJS.ProcessEnv): Omit<DevIdentityOptions, 'clients'> {
  if (env['NODE_ENV'] === 'production') {
    throw new Error('The development identity server never runs with NODE_ENV=production');
  }
  const issuer = env['IDENTITY_ISSUER'] ?? DEV_ISSUER;
  return {
    issuer,
    port: Number(env['PORT'] ?? new URL(issuer).port ?? 3010),
    // Loopback unless told otherwise: a container (the Kubernetes dev overlay) listens on 0.0.0.0.
    ...(env['IDENTITY_HOST'] !== undefined && { host: env['IDENTITY_HOST'] }),
    audience: env['AUTH_AUDIENCE'] ?? 'cancer-network',
    password: env['IDENTITY_PASSWORD'] ?? DEV_PASSWORD,
  };
}

/** The platform's clients: machine clients, the command line, and the web app. */
export function devClients(env: NodeJS.ProcessEnv): DevClient[] {
  const webBase = env['WEB_BASE_URL'] ?? 'http://127.0.0.1:3000';
  return [
    {
      clientId: DEV_SERVICE_CLIENT.id,
      clientSecret: DEV_SERVICE_CLIENT.secret,
      serviceRoles: ['service'],
    },
    { clientId: DEV_CLI_CLIENT.id, redirectUris: [DEV_CLI_CLIENT.redirectUri] },
    {
      clientId: DEV_WEB_CLIENT.id,
      clientSecret: DEV_WEB_CLIENT.secret,
      redirectUris: [`${webBase}/auth/callback`],
      postLogoutRedirectUris: [`${webBase}/`],
    },
  ];
}
