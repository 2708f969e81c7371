import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connectEventConsumer } from '#messaging';
import { configureHttpApp, loadConfig } from '#platform';
import { WorkflowModule } from './app.module.js';
import { workflowConfigSchema } from './config.js';

/** Builds the workflow service (not yet listening); `startAllMicroservices()` consumes the other services' events. */
export async function createWorkflowApp(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(workflowConfigSchema, env);
  const app = await NestFactory.create(WorkflowModule.forRoot(env), { bufferLogs: true });
  configureHttpApp(app, {
    config,
    title: 'Workflow service',
    description:
      'The escalation engine: cases opened from breaches, red priorities, high-risk service gaps and failing governance, moved up the ladder from network group to Clinical Advisory Group to Alliance Board by decisions and missed deadlines, each step in a hash-chained history. Every change is published on the workflow.events topic.',
  });
  connectEventConsumer(app, {
    consumer: config.CONSUMER_GROUP,
    // A parked trigger waits for a body or an alliance's body (case-bodies.ts), which only
    // membership announces: other events leave parked ones to their backoff.
    wakesParked: (type) => type.startsWith('membership.'),
  });
  return app;
}
