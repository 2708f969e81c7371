import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { loadConfig } from '#platform';
import { ServicesApi } from '../api/services-api.js';
import { webConfigSchema } from '../config.js';
import { WEB_CONFIG } from '../web-config.js';
import { PerformanceController } from './performance.controller.js';
import { UploadMiddleware } from './upload.middleware.js';

/**
 * The performance pages: the dashboard and the analyst's CWT upload, whose multipart body is
 * read by a middleware so the form's token is there when the guard checks it.
 */
@Module({})
export class PerformanceModule implements NestModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env) {
    return {
      module: PerformanceModule,
      controllers: [PerformanceController],
      providers: [{ provide: WEB_CONFIG, useValue: loadConfig(webConfigSchema, env) }, ServicesApi],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(UploadMiddleware)
      .forRoutes({ path: 'performance/upload', method: RequestMethod.POST });
  }
}
