import type { BaseConfig } from '../config/config.schema.js';
import { ConfigError } from '../config/load-config.js';
import type { IssuerVerifierOptions } from './issuer-verifier.js';
import { isRole, type Role } from './roles.js';
import type { TokenOptions } from './token.js';

/** The issuer a developer's machine trusts: the development identity server `npm start` runs. */
export const DEVELOPMENT_ISSUER = 'http://127.0.0.1:3010';

/** How a service checks bearer tokens: the identity provider's keys, or (tests only) a shared key. */
export type AuthSettings =
  | { readonly mode: 'issuer'; readonly issuer: IssuerVerifierOptions }
  | { readonly mode: 'shared-key'; readonly sharedKey: TokenOptions };

/**
 * Decides, at boot, whom the service trusts. Production trusts only a configured issuer; a
 * deployment with no issuer stops here rather than trusting a key anyone could have. The
 * shared-key mode exists for tests and is refused whenever NODE_ENV is anything but test.
 */
export function authSettings(config: BaseConfig): AuthSettings {
  const environment = config.NODE_ENV;
  if (config.AUTH_JWT_SECRET !== undefined) {
    if (environment !== 'test') {
      throw new ConfigError([
        `AUTH_JWT_SECRET: shared-key tokens are for tests only (NODE_ENV=test), not ${environment ?? 'an unset NODE_ENV'}; set AUTH_ISSUER to your identity provider`,
      ]);
    }
    return {
      mode: 'shared-key',
      sharedKey: {
        secret: config.AUTH_JWT_SECRET,
        issuer: config.AUTH_JWT_ISSUER,
        audience: config.AUTH_AUDIENCE,
      },
    };
  }
  let issuer = config.AUTH_ISSUER;
  if (issuer === undefined) {
    if (environment !== 'development') {
      throw new ConfigError([
        `AUTH_ISSUER: required (the identity provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0) unless NODE_ENV is development; NODE_ENV is ${environment ?? 'unset'}`,
      ]);
    }
    issuer = DEVELOPMENT_ISSUER;
  }
  const unknown = Object.entries(config.AUTH_ROLE_MAP).filter(([, role]) => !isRole(role));
  if (unknown.length > 0) {
    throw new ConfigError([
      `AUTH_ROLE_MAP: ${unknown.map(([from, to]) => `"${from}" maps to "${to}"`).join(', ')}, not to admin, clinician or service`,
    ]);
  }
  return {
    mode: 'issuer',
    issuer: {
      issuer,
      ...(config.AUTH_DISCOVERY_URL !== undefined && { discoveryUrl: config.AUTH_DISCOVERY_URL }),
      audience: config.AUTH_AUDIENCE,
      rolesClaim: config.AUTH_ROLES_CLAIM,
      roleMap: config.AUTH_ROLE_MAP as Record<string, Role>,
      clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE_SECONDS,
      maxTokenAgeSeconds: config.AUTH_MAX_TOKEN_AGE_SECONDS,
      jwksCooldownMs: config.AUTH_JWKS_COOLDOWN_MS,
      jwksCacheMaxAgeMs: config.AUTH_JWKS_CACHE_MAX_AGE_MS,
    },
  };
}
