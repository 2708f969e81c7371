import { type DynamicModule, Module } from '@nestjs/common';
import { MembershipViewModule } from '#membership-view';
import { serviceImports } from '#service';
import { AuditsModule } from './audits/audits.module.js';
import { prioritiesConfigSchema } from './config.js';
import { DailyCheckModule } from './daily-check/daily-check.module.js';
import {
  prioritiesConstraintMessages,
  prioritiesEntities,
  prioritiesMigrations,
} from './database.js';
import { PathwayCommentsModule } from './pathway-comments/pathway-comments.module.js';
import { PathwaysModule } from './pathways/pathways.module.js';
import { PrioritiesModule } from './priorities/priorities.module.js';
import { PrioritiesPublisher } from './priorities.publisher.js';
import { ProgrammesModule } from './programmes/programmes.module.js';
import { QualityStandardsModule } from './quality-standards/quality-standards.module.js';
import { RegistersModule } from './registers/registers.module.js';
import { ServiceGapsModule } from './service-gaps/service-gaps.module.js';
import { WorkforceModule } from './workforce/workforce.module.js';

/** The priorities service: the platform's plumbing, its copy of membership, and its features. */
@Module({})
export class PrioritiesAppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: PrioritiesAppModule,
      imports: [
        ...serviceImports({
          publisher: PrioritiesPublisher,
          runsJobs: true,
          configSchema: prioritiesConfigSchema,
          env,
          database: {
            entities: prioritiesEntities,
            migrations: prioritiesMigrations,
            constraintMessages: prioritiesConstraintMessages,
          },
        }),
        MembershipViewModule,
        PrioritiesModule,
        ServiceGapsModule,
        PathwaysModule,
        PathwayCommentsModule,
        WorkforceModule,
        AuditsModule,
        ProgrammesModule,
        RegistersModule,
        QualityStandardsModule,
        DailyCheckModule,
      ],
    };
  }
}
