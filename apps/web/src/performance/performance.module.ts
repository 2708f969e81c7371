import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { PerformanceController } from './performance.controller.js';
import { UploadMiddleware } from './upload.middleware.js';

/**
 * The performance pages: the dashboard and the analyst's CWT upload, whose multipart body is
 * read by a middleware so the form's token is there when the guard checks it.
 */
@Module({ controllers: [PerformanceController] })
export class PerformanceModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(UploadMiddleware)
      .forRoutes({ path: 'performance/upload', method: RequestMethod.POST });
  }
}
