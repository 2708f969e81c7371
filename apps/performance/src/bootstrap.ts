import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connectEventConsumer } from '#messaging';
import { configureHttpApp, loadConfig } from '#platform';
import { PerformanceModule } from './app.module.js';
import { performanceConfigSchema } from './config.js';

/** Builds the performance service (not yet listening); `startAllMicroservices()` consumes membership events. */
export async function createPerformanceApp(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(performanceConfigSchema, env);
  const app = await NestFactory.create(PerformanceModule.forRoot(env), { bufferLogs: true });
  configureHttpApp(app, {
    config,
    title: 'Performance service',
    description:
      'Cancer waiting-time standards and their targets over time, CWT submissions (CSV import in both published layouts, or by API), performance by provider, alliance and tumour site, charts, screening uptake and coverage, treatment volumes and the 62-day backlog. Breaches and recoveries are announced on the performance.events topic.',
  });
  connectEventConsumer(app, { consumer: config.CONSUMER_GROUP });
  return app;
}
