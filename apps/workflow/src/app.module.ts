import { type DynamicModule, Module } from '@nestjs/common';
import { MembershipViewModule } from '#membership-view';
import { serviceImports } from '#service';
import { WorkflowPublisher } from './workflow.publisher.js';
import { Clock } from '#platform';
import { CalendarService } from './calendar/calendar.service.js';
import { CaseEffectsService } from './cases/case-effects.service.js';
import { CaseMeetingsConsumer } from './cases/case-meetings.consumer.js';
import { CaseQueriesService } from './cases/case-queries.service.js';
import { CaseTriggersConsumer } from './cases/case-triggers.consumer.js';
import { CasesController } from './cases/cases.controller.js';
import { CasesService } from './cases/cases.service.js';
import { workflowConfigSchema } from './config.js';
import { workflowConstraintMessages, workflowEntities, workflowMigrations } from './database.js';
import { DailyCheckController } from './daily-check/daily-check.controller.js';
import { DailyCheckProcessor } from './daily-check/daily-check.processor.js';
import { GovernanceDailyCheckService } from './daily-check/governance-daily-check.service.js';
import { GovernanceReadModelConsumer } from './governance/governance-read-model.consumer.js';
import { CaseHistoryService } from './history/case-history.service.js';
import { DailyDigestProcessor } from './notifications/daily-digest.processor.js';
import { DailyDigestService } from './notifications/daily-digest.service.js';
import { EmailSenderService } from './notifications/email-sender.service.js';
import { InboxController } from './notifications/inbox.controller.js';
import { NotificationDeliveryService } from './notifications/notification-delivery.service.js';
import { NotificationPlannerService } from './notifications/notification-planner.service.js';
import { PolicyController } from './policy/policy.controller.js';
import { PolicyService } from './policy/policy.service.js';
import { DeadlineTimersService } from './timers/deadline-timers.service.js';

@Module({})
export class WorkflowModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: WorkflowModule,
      imports: [
        ...serviceImports({
          publisher: WorkflowPublisher,
          configSchema: workflowConfigSchema,
          env,
          database: {
            entities: workflowEntities,
            migrations: workflowMigrations,
            constraintMessages: workflowConstraintMessages,
          },
        }),
        MembershipViewModule,
      ],
      controllers: [
        CasesController,
        PolicyController,
        InboxController,
        CaseTriggersConsumer,
        CaseMeetingsConsumer,
        GovernanceReadModelConsumer,
        DailyCheckController,
      ],
      providers: [
        Clock,
        CasesService,
        CaseEffectsService,
        CaseQueriesService,
        CaseHistoryService,
        PolicyService,
        CalendarService,
        DeadlineTimersService,
        NotificationPlannerService,
        NotificationDeliveryService,
        EmailSenderService,
        DailyDigestService,
        DailyDigestProcessor,
        GovernanceDailyCheckService,
        DailyCheckProcessor,
      ],
    };
  }
}
