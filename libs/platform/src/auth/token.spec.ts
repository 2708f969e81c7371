import { JwtService } from '@nestjs/jwt';
import { mintToken, TokenError, verifyToken } from './token.js';

const options = {
  secret: 'unit-test-secret-that-is-long-enough-1234',
  issuer: 'cancer-network',
  audience: 'cancer-network',
};

function reasonOf(token: string): string {
  try {
    verifyToken(token, options);
  } catch (error) {
    if (error instanceof TokenError) {
      return error.message;
    }
    throw error;
  }
  throw new Error('expected the token to be refused');
}

describe('mintToken and verifyToken', () => {
  it('round-trips the principal', () => {
    const token = mintToken({ ...options, sub: 'alice', roles: ['admin'], ttlSeconds: 60 });

    expect(verifyToken(token, options)).toEqual({ sub: 'alice', roles: ['admin'] });
  });

  it('sets the expiry ttlSeconds after issue', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const token = mintToken({ ...options, sub: 'a', roles: [], ttlSeconds: 3600, now });

    const payload = new JwtService().decode<{ iat: number; exp: number }>(token);

    expect(payload.exp - payload.iat).toBe(3600);
    expect(payload.iat).toBe(now.getTime() / 1000);
  });

  it('refuses roles the platform does not know', () => {
    const token = new JwtService().sign(
      { roles: ['superuser'] },
      { ...options, subject: 'mallory', algorithm: 'HS256', expiresIn: 60 },
    );

    expect(reasonOf(token)).toBe('Invalid token claims: roles.0');
  });

  it('refuses a token without a subject', () => {
    const token = new JwtService().sign(
      { roles: ['admin'] },
      { ...options, algorithm: 'HS256', expiresIn: 60 },
    );

    expect(reasonOf(token)).toBe('Invalid token claims: sub');
  });

  it('refuses another algorithm even with the right secret', () => {
    const token = new JwtService().sign(
      { roles: ['admin'] },
      { ...options, subject: 'a', algorithm: 'HS512', expiresIn: 60 },
    );

    expect(reasonOf(token)).toBe('Invalid token algorithm: expected HS256');
  });
});
