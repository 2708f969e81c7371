/**
 * The bearer-token key a developer's machine uses when AUTH_JWT_SECRET is not set, so that
 * services, the seed and `npm run token` agree without configuration. No deployed
 * environment has it: with NODE_ENV=production a missing secret stops the process.
 */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-do-not-use-in-production';

/** `env` with AUTH_JWT_SECRET defaulted to the development key outside production. */
export function withDevelopmentSecret(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
): NodeJS.ProcessEnv {
  if (env['AUTH_JWT_SECRET']) {
    return env;
  }
  if (env['NODE_ENV'] === 'production') {
    throw new Error('AUTH_JWT_SECRET is required when NODE_ENV is production');
  }
  warn('warning: AUTH_JWT_SECRET is not set; using the development key (never in production)');
  return { ...env, AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET };
}
