import { type DynamicModule, Module } from '@nestjs/common';
import { MembershipViewModule } from '#membership-view';
import { serviceImports } from '#service';
import { CalendarModule } from './calendar/calendar.module.js';
import { CasesModule } from './cases/cases.module.js';
import { workflowConfigSchema } from './config.js';
import { DailyCheckModule } from './daily-check/daily-check.module.js';
import { workflowConstraintMessages, workflowEntities, workflowMigrations } from './database.js';
import { GovernanceModule } from './governance/governance.module.js';
import { HistoryModule } from './history/history.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PolicyModule } from './policy/policy.module.js';
import { TimersModule } from './timers/timers.module.js';
import { WorkflowPublisher } from './workflow.publisher.js';

/** The workflow service: the platform's plumbing, the membership read model, and its features. */
@Module({})
export class WorkflowModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: WorkflowModule,
      imports: [
        ...serviceImports({
          publisher: WorkflowPublisher,
          runsJobs: true,
          configSchema: workflowConfigSchema,
          env,
          database: {
            entities: workflowEntities,
            migrations: workflowMigrations,
            constraintMessages: workflowConstraintMessages,
          },
        }),
        MembershipViewModule,
        CalendarModule,
        PolicyModule,
        HistoryModule,
        NotificationsModule,
        GovernanceModule,
        CasesModule,
        TimersModule,
        DailyCheckModule,
      ],
    };
  }
}
