import { ConfigError, loadConfig } from '#platform';
import { meetingsConfigSchema } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(meetingsConfigSchema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return [...error.problems];
    }
    throw error;
  }
  return [];
}

describe('the meetings configuration of calendar subscription URLs', () => {
  it('needs the public base URL in production, where 127.0.0.1 reaches no calendar app', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'PUBLIC_URL: required in production: the address calendar apps reach this service at',
    ]);
    expect(
      problemsOf({ NODE_ENV: 'production', PUBLIC_URL: 'https://meetings.example.org' }),
    ).toEqual([]);
  });

  it('goes without one in development and test, and refuses one that is no http(s) URL', () => {
    expect(problemsOf({ NODE_ENV: 'development' })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'test' })).toEqual([]);
    expect(problemsOf({ PUBLIC_URL: 'webcal://meetings.example.org' })).toEqual([
      'PUBLIC_URL: expected an http(s) URL',
    ]);
  });
});
