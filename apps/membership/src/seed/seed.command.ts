// Seeds the demo networks (East of England, WoSCAN) into the membership service's database and
// publishes their events on membership.events, as an admin working through the API would:
//   node --conditions=development --import @swc-node/register/esm-register \
//     apps/membership/src/seed/seed.command.ts
// Reads the service's environment (DATABASE_URL, DATABASE_SCHEMA, KAFKA_BROKERS, ...). Safe to
// run again: it creates only what is missing.
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigError, JsonLogger, loadConfig } from '#platform';
import { MembershipModule } from '../app.module.js';
import { membershipConfigSchema } from '../config.js';
import { waitForOutboxDrained } from './outbox-drained.js';
import { seedDemo, type SeedReport } from './seed-demo.js';

function seedEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // A one-off process must not register (or run) the daily check's BullMQ scheduler. The demo
  // seed is a development tool: it runs as development unless told otherwise.
  return { NODE_ENV: 'development', ...env, DAILY_CHECK_ENABLED: 'false' };
}

function summary(report: SeedReport): string {
  const created = [
    `${report.alliances} alliance(s)`,
    `${report.organisations} organisation(s)`,
    `${report.bodies} body(ies)`,
    `${report.members} member(s)`,
    `${report.appointments} appointment(s)`,
  ].join(', ');
  const skipped = report.skipped.map((reason) => `  skipped: ${reason}\n`).join('');
  return `Created ${created}.\n${skipped}`;
}

async function main(): Promise<void> {
  const env = seedEnvironment(process.env);
  const config = loadConfig(membershipConfigSchema, env);
  // abortOnError false: a failed boot (database down) throws here instead of aborting the process.
  const app = await NestFactory.createApplicationContext(MembershipModule.forRoot(env), {
    bufferLogs: true,
    abortOnError: false,
  });
  // Logs to stderr, so stdout carries only the report.
  app.useLogger(
    new JsonLogger({
      service: config.SERVICE_NAME,
      level: config.LOG_LEVEL,
      destination: process.stderr,
    }),
  );
  app.flushLogs();
  try {
    const report = await seedDemo(app);
    process.stdout.write(summary(report));
    await waitForOutboxDrained(app.get(DataSource));
    process.stdout.write('Every event is published on membership.events.\n');
  } finally {
    await app.close();
  }
}

try {
  await main();
} catch (error) {
  const message =
    error instanceof ConfigError || !(error instanceof Error)
      ? String(error)
      : (error.stack ?? error.message);
  process.stderr.write(`seed failed: ${message}\n`);
  process.exitCode = 1;
}
