import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connectEventConsumer } from '#messaging';
import { configureHttpApp, loadConfig } from '#platform';
import { PrioritiesAppModule } from './app.module.js';
import { prioritiesConfigSchema } from './config.js';

/** Builds the priorities service (not yet listening); `startAllMicroservices()` consumes membership events. */
export async function createPrioritiesApp(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(prioritiesConfigSchema, env);
  const app = await NestFactory.create(PrioritiesAppModule.forRoot(env), { bufferLogs: true });
  configureHttpApp(app, {
    config,
    title: 'Priorities service',
    description:
      'Clinical priorities with RAG status and milestones, service gaps with their NHS 5x5 risk, and clinical pathways with versions and reviews. Every change is published on the priorities.events topic.',
  });
  connectEventConsumer(app, { consumer: config.CONSUMER_GROUP });
  return app;
}
