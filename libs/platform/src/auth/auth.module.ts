import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { BaseConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { AuthGuard } from './auth.guard.js';
import { authSettings } from './auth-settings.js';
import { TokenVerifier, tokenVerifierFor } from './token-verifier.js';

@Module({})
export class AuthModule {
  /**
   * Installs the bearer guard on every route, trusting the identity provider the AUTH_* settings
   * name (see authSettings); a deployment that names none does not start. Rate limits follow
   * it (see RateLimitGuard).
   */
  static forRoot(): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        {
          provide: TokenVerifier,
          inject: [APP_CONFIG],
          useFactory: (config: BaseConfig): TokenVerifier => tokenVerifierFor(authSettings(config)),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        // After the auth guard, so a signed-in caller is limited as themself, not by address.
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
