import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connectEventConsumer } from '#messaging';
import { configureHttpApp, loadConfig } from '#platform';
import { MeetingsAppModule } from './app.module.js';
import { meetingsConfigSchema } from './config.js';

/**
 * Builds the meetings service (not yet listening): HTTP API plus the consumer of membership
 * events (its read model) and workflow agenda requests. Call `startAllMicroservices()` to consume.
 */
export async function createMeetingsApp(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(meetingsConfigSchema, env);
  const app = await NestFactory.create(MeetingsAppModule.forRoot(env), { bufferLogs: true });
  configureHttpApp(app, {
    config,
    title: 'Meetings service',
    description:
      'Meetings of governance bodies, agendas (including items requested by the workflow service), attendance and quorum, and decisions. Every change is published on the meetings.events topic.',
  });
  connectEventConsumer(app, { consumer: config.CONSUMER_GROUP });
  return app;
}
