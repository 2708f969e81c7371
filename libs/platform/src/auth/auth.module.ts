import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { BaseConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AuthGuard } from './auth.guard.js';
import { authSettings } from './auth-settings.js';
import { TokenVerifier, tokenVerifierFor } from './token-verifier.js';

@Module({})
export class AuthModule {
  /**
   * Installs the bearer guard on every route, trusting the identity provider the AUTH_* settings
   * name (see authSettings); a deployment that names none does not start.
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
      ],
      exports: [TokenVerifier],
    };
  }
}
