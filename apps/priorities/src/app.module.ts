import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { platformEvents } from '#contracts';
import { MembershipReadModelConsumer } from '#membership-view';
import { MessagingModule } from '#messaging';
import {
  AuthModule,
  Clock,
  ConfigModule,
  databaseCheck,
  DatabaseModule,
  HealthModule,
  kafkaCheck,
  loadConfig,
  MetricsModule,
} from '#platform';
import { prioritiesConfigSchema } from './config.js';
import { PrioritiesDailyCheck } from './daily-check/priorities-daily-check.js';
import {
  prioritiesConstraintMessages,
  prioritiesEntities,
  prioritiesMigrations,
} from './database.js';
import { OwnerAccess } from './owner-access.js';
import { PathwaysService } from './pathways/pathways.service.js';
import { PrioritiesService } from './priorities/priorities.service.js';
import { PrioritiesController } from './priorities.controller.js';
import { RegistersController } from './registers.controller.js';
import { ServiceGapsService } from './service-gaps/service-gaps.service.js';
import { WorkforceService } from './workforce/workforce.service.js';

@Module({})
export class PrioritiesModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig(prioritiesConfigSchema, env);
    return {
      module: PrioritiesModule,
      imports: [
        ConfigModule.forRoot(prioritiesConfigSchema, env),
        DatabaseModule.forRoot({
          entities: prioritiesEntities,
          migrations: prioritiesMigrations,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
          constraintMessages: prioritiesConstraintMessages,
        }),
        MetricsModule.forRoot(),
        AuthModule.forRoot(),
        HealthModule.forRootAsync({
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({
            checks: [databaseCheck(dataSource), kafkaCheck(config.KAFKA_BROKERS)],
          }),
        }),
        MessagingModule.forRoot({ registry: platformEvents }),
      ],
      controllers: [PrioritiesController, RegistersController, MembershipReadModelConsumer],
      providers: [
        Clock,
        PrioritiesService,
        ServiceGapsService,
        PathwaysService,
        PrioritiesDailyCheck,
        OwnerAccess,
        WorkforceService,
      ],
    };
  }
}
