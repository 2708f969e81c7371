import { type DynamicModule, Module } from '@nestjs/common';
import { MembershipViewModule } from '#membership-view';
import { serviceImports } from '#service';
import { ActionsModule } from './actions/actions.module.js';
import { AgendaModule } from './agenda/agenda.module.js';
import { AttendanceModule } from './attendance/attendance.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { meetingsConfigSchema } from './config.js';
import { meetingsConstraintMessages, meetingsEntities, meetingsMigrations } from './database.js';
import { DecisionsModule } from './decisions/decisions.module.js';
import { MeetingsPublisher } from './meetings.publisher.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { MinutesModule } from './minutes/minutes.module.js';
import { PublicRecordModule } from './public-record/public-record.module.js';
import { SchedulingModule } from './scheduling/scheduling.module.js';

/** The meetings service: the platform's plumbing, its copy of membership, and its features. */
@Module({})
export class MeetingsAppModule {
  /** The whole service, configured from `env` (validated here: a bad variable stops boot). */
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: MeetingsAppModule,
      imports: [
        ...serviceImports({
          publisher: MeetingsPublisher,
          runsJobs: true,
          configSchema: meetingsConfigSchema,
          env,
          database: {
            entities: meetingsEntities,
            migrations: meetingsMigrations,
            constraintMessages: meetingsConstraintMessages,
          },
        }),
        MembershipViewModule,
        MeetingsModule,
        SchedulingModule,
        AgendaModule,
        AttendanceModule,
        DecisionsModule,
        MinutesModule,
        ActionsModule,
        CalendarModule,
        PublicRecordModule,
      ],
    };
  }
}
