import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { platformEvents } from '#contracts';
import { MessagingModule } from '#messaging';
import {
  AuthModule,
  ConfigModule,
  databaseCheck,
  DatabaseModule,
  HealthModule,
  Clock,
  kafkaCheck,
  loadConfig,
  MetricsModule,
} from '#platform';
import { ActionsDailyCheck } from './actions/actions-daily-check.js';
import { ActionsController } from './actions/actions.controller.js';
import { ActionsService } from './actions/actions.service.js';
import { AgendaRequestConsumer } from './agenda/agenda-request.consumer.js';
import { AgendaService } from './agenda/agenda.service.js';
import { AttendanceService } from './attendance/attendance.service.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { meetingsConfigSchema } from './config.js';
import { meetingsConstraintMessages, meetingsEntities, meetingsMigrations } from './database.js';
import { DecisionsService } from './decisions/decisions.service.js';
import { BodyAccess } from './meetings/body-access.service.js';
import { MeetingsController } from './meetings/meetings.controller.js';
import { MeetingsService } from './meetings/meetings.service.js';
import { MinutesService } from './minutes/minutes.service.js';
import { MembershipReadModelConsumer } from '#membership-view';

@Module({})
export class MeetingsModule {
  /** The whole service, configured from `env` (validated here: a bad variable stops boot). */
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig(meetingsConfigSchema, env);
    return {
      module: MeetingsModule,
      imports: [
        ConfigModule.forRoot(meetingsConfigSchema, env),
        DatabaseModule.forRoot({
          entities: meetingsEntities,
          migrations: meetingsMigrations,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
          constraintMessages: meetingsConstraintMessages,
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
      controllers: [
        MeetingsController,
        ActionsController,
        CalendarController,
        MembershipReadModelConsumer,
        AgendaRequestConsumer,
      ],
      providers: [
        Clock,
        MeetingsService,
        AgendaService,
        AttendanceService,
        DecisionsService,
        ActionsService,
        MinutesService,
        ActionsDailyCheck,
        BodyAccess,
      ],
    };
  }
}
