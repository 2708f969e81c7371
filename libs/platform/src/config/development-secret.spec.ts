import { DEVELOPMENT_JWT_SECRET, withDevelopmentSecret } from './development-secret.js';

describe('withDevelopmentSecret', () => {
  const quiet = () => {};

  it('keeps a configured secret', () => {
    const env = { AUTH_JWT_SECRET: 'x'.repeat(40) };
    expect(withDevelopmentSecret(env, quiet)).toBe(env);
  });

  it('defaults to the development key outside production, and says so', () => {
    const warnings: string[] = [];
    const env = withDevelopmentSecret({ NODE_ENV: 'development' }, (m) => warnings.push(m));
    expect(env['AUTH_JWT_SECRET']).toBe(DEVELOPMENT_JWT_SECRET);
    expect(warnings).toHaveLength(1);
  });

  it('refuses to run in production without a secret', () => {
    expect(() => withDevelopmentSecret({ NODE_ENV: 'production' }, quiet)).toThrow(
      'AUTH_JWT_SECRET is required when NODE_ENV is production',
    );
  });
});
