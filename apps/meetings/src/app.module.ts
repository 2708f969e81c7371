import { type DynamicModule, Module } from '@nestjs/common';
import { serviceImports } from '#service';
import { MeetingsPublisher } from './meetings.publisher.js';
import { Clock } from '#platform';
import { ActionsDailyCheckService } from './actions/actions-daily-check.service.js';
import { DailyCheckController } from './actions/daily-check.controller.js';
import { DailyCheckProcessor } from './actions/daily-check.processor.js';
import { ActionsController } from './actions/actions.controller.js';
import { ActionsService } from './actions/actions.service.js';
import { AgendaRequestConsumer } from './agenda/agenda-request.consumer.js';
import { AgendaService } from './agenda/agenda.service.js';
import { AttendanceService } from './attendance/attendance.service.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { meetingsConfigSchema } from './config.js';
import { meetingsConstraintMessages, meetingsEntities, meetingsMigrations } from './database.js';
import { DecisionsService } from './decisions/decisions.service.js';
import { BodyAccessService } from './meetings/body-access.service.js';
import { MeetingsController } from './meetings/meetings.controller.js';
import { MeetingsService } from './meetings/meetings.service.js';
import { MinutesService } from './minutes/minutes.service.js';
import { MembershipViewModule } from '#membership-view';

@Module({})
export class MeetingsModule {
  /** The whole service, configured from `env` (validated here: a bad variable stops boot). */
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: MeetingsModule,
      imports: [
        ...serviceImports({
          publisher: MeetingsPublisher,
          configSchema: meetingsConfigSchema,
          env,
          database: {
            entities: meetingsEntities,
            migrations: meetingsMigrations,
            constraintMessages: meetingsConstraintMessages,
          },
        }),
        MembershipViewModule,
      ],
      controllers: [
        MeetingsController,
        ActionsController,
        DailyCheckController,
        CalendarController,
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
        ActionsDailyCheckService,
        DailyCheckProcessor,
        BodyAccessService,
      ],
    };
  }
}
