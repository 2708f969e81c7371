import { type DynamicModule, Module } from '@nestjs/common';
import type * as z from 'zod';
import { loadConfig } from './load-config.js';

/** Injection token of the parsed configuration: `@Inject(APP_CONFIG) config: BaseConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Module({})
export class ConfigModule {
  /**
   * Parses the environment once, when the application boots, and shares the result with every
   * module (global), so a bad variable stops the service before it serves anything.
   */
  static forRoot<S extends z.ZodType>(
    schema: S,
    env: Record<string, string | undefined> = process.env,
  ): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useFactory: () => Object.freeze(loadConfig(schema, env)) },
      ],
      exports: [APP_CONFIG],
    };
  }
}
