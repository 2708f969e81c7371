import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpApp, loadConfig } from '#platform';
import { MembershipModule } from './app.module.js';
import { membershipConfigSchema } from './config.js';

/** Builds the membership service (not yet listening) from an environment. */
export async function createMembershipApp(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(membershipConfigSchema, env);
  const app = await NestFactory.create(MembershipModule.forRoot(env), { bufferLogs: true });
  configureHttpApp(app, {
    config,
    title: 'Membership service',
    description:
      'Alliances, organisations, governance bodies and their escalation ladder, members and role appointments. Every change is published on the membership.events topic.',
  });
  return app;
}
