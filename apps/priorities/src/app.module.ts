import { type DynamicModule, Module } from '@nestjs/common';
import { MembershipViewModule } from '#membership-view';
import { serviceImports } from '#service';
import { PrioritiesPublisher } from './priorities.publisher.js';
import { Clock } from '#platform';
import { prioritiesConfigSchema } from './config.js';
import { DailyCheckProcessor } from './daily-check/daily-check.processor.js';
import { PrioritiesDailyCheckService } from './daily-check/priorities-daily-check.service.js';
import {
  prioritiesConstraintMessages,
  prioritiesEntities,
  prioritiesMigrations,
} from './database.js';
import { OwnerAccessService } from './common/owner-access.service.js';
import { PathwaysService } from './pathways/pathways.service.js';
import { PrioritiesService } from './priorities/priorities.service.js';
import { PrioritiesController } from './priorities.controller.js';
import { RegistersController } from './registers.controller.js';
import { ServiceGapsService } from './service-gaps/service-gaps.service.js';
import { WorkforceService } from './workforce/workforce.service.js';

@Module({})
export class PrioritiesModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: PrioritiesModule,
      imports: [
        ...serviceImports({
          publisher: PrioritiesPublisher,
          configSchema: prioritiesConfigSchema,
          env,
          database: {
            entities: prioritiesEntities,
            migrations: prioritiesMigrations,
            constraintMessages: prioritiesConstraintMessages,
          },
        }),
        MembershipViewModule,
      ],
      controllers: [PrioritiesController, RegistersController],
      providers: [
        Clock,
        PrioritiesService,
        ServiceGapsService,
        PathwaysService,
        PrioritiesDailyCheckService,
        DailyCheckProcessor,
        OwnerAccessService,
        WorkforceService,
      ],
    };
  }
}
