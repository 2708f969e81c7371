import {
  type DynamicModule,
  type InjectionToken,
  Module,
  type ModuleMetadata,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { HEALTH_OPTIONS, type HealthOptions } from './health.options.js';

export interface HealthModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: InjectionToken[];
  useFactory: (...deps: never[]) => HealthOptions | Promise<HealthOptions>;
}

/**
 * `GET /health/live` and `GET /health/ready`. Use `forRootAsync` when a check needs a provider,
 * e.g. `inject: [DataSource, APP_CONFIG], useFactory: (ds, config) => ({ checks: [...] })`.
 */
@Module({})
export class HealthModule {
  static forRoot(options: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_OPTIONS, useValue: options }],
    };
  }

  static forRootAsync(options: HealthModuleAsyncOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [...(options.imports ?? []), TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: [HealthController],
      providers: [
        { provide: HEALTH_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
      ],
    };
  }
}
