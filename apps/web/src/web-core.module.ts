import { type DynamicModule, Global, Module } from '@nestjs/common';
import { loadConfig, TracingModule } from '#platform';
import { ServicesApi } from './api/services-api.js';
import { webConfigSchema } from './config.js';
import { WEB_CONFIG } from './web-config.js';

/** What every page feature uses: the validated settings, read once, and the services' APIs. */
@Global()
@Module({})
export class WebCoreModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: WebCoreModule,
      imports: [TracingModule],
      providers: [{ provide: WEB_CONFIG, useValue: loadConfig(webConfigSchema, env) }, ServicesApi],
      exports: [WEB_CONFIG, ServicesApi],
    };
  }
}
