import type { DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { platformEvents } from '#contracts';
import {
  AuthModule,
  ClockModule,
  type BaseConfig,
  ConfigModule,
  databaseCheck,
  DatabaseModule,
  type DatabaseModuleOptions,
  HealthModule,
  kafkaCheck,
  loadConfig,
  MetricsModule,
  redisCheck,
  TracingModule,
} from '#platform';
import { MessagingModule, type AnyServicePublisherClass } from '#messaging';

/**
 * What every service module imports (its clock included), assembled from the platform and messaging libs (this lib's
 * one job, so neither of them has to know the other's wiring): its validated config, its database schema (migrated at
 * boot when MIGRATE_ON_BOOT is set), metrics, bearer-token auth, health checks of its database
 * and Kafka (and Redis when it runs jobs), and messaging with the platform's event contracts.
 */
export function serviceImports(options: {
  /** The service's schema: the base config extended; MIGRATE_ON_BOOT, when it has one, is honoured. */
  configSchema: z.ZodType<BaseConfig & { MIGRATE_ON_BOOT?: boolean }>;
  env: NodeJS.ProcessEnv;
  database: Omit<DatabaseModuleOptions, 'migrateOnBoot'>;
  /** The service's one publisher; none for a service that publishes nothing. */
  publisher?: AnyServicePublisherClass;
  /**
   * The service runs BullMQ jobs (daily checks, deadline timers, notifications): Redis is then a
   * dependency, and `/health/ready` checks it too. Without them Redis only counts rate limits,
   * which fall back to memory while it is away.
   */
  runsJobs?: boolean;
}): DynamicModule[] {
  const config = loadConfig(options.configSchema, options.env);
  return [
    ConfigModule.forRoot(options.configSchema, options.env),
    DatabaseModule.forRoot({ ...options.database, migrateOnBoot: config.MIGRATE_ON_BOOT ?? false }),
    MetricsModule.forRoot(),
    { module: TracingModule },
    { module: ClockModule, global: true },
    AuthModule.forRoot(),
    HealthModule.forRootAsync({
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => ({
        checks: [
          databaseCheck(dataSource),
          kafkaCheck(config.KAFKA_BROKERS),
          ...(options.runsJobs === true ? [redisCheck(config.REDIS_URL)] : []),
        ],
      }),
    }),
    MessagingModule.forRoot({
      registry: platformEvents,
      ...(options.publisher ? { publisher: options.publisher } : {}),
    }),
  ];
}
