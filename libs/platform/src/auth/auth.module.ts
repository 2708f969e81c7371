import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { BaseConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AUTH_TOKEN_OPTIONS, AuthGuard } from './auth.guard.js';
import type { TokenOptions } from './token.js';

@Module({})
export class AuthModule {
  /** Installs the bearer guard on every route, verifying tokens with the AUTH_JWT_* settings. */
  static forRoot(): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        {
          provide: AUTH_TOKEN_OPTIONS,
          inject: [APP_CONFIG],
          useFactory: (config: BaseConfig): TokenOptions => ({
            secret: config.AUTH_JWT_SECRET,
            issuer: config.AUTH_JWT_ISSUER,
            audience: config.AUTH_JWT_AUDIENCE,
          }),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
