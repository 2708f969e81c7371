import { type DynamicModule, Module } from '@nestjs/common';
import { serviceImports } from '#service';
import { PerformancePublisher } from './performance.publisher.js';
import { performanceConfigSchema } from './config.js';
import {
  performanceConstraintMessages,
  performanceEntities,
  performanceMigrations,
} from './database.js';
import { DetectionController } from './detection/detection.controller.js';
import { DetectionService } from './detection/detection.service.js';
import { measuresControllers, measuresProviders } from './measures/index.js';
import { MembershipReferenceConsumer } from './reference/membership-reference.consumer.js';
import { ReferenceController } from './reference/reference.controller.js';
import { ReferenceService } from './reference/reference.service.js';
import { PerformanceService } from './results/performance.service.js';
import { ResultsController } from './results/results.controller.js';
import { StandardsController } from './standards/standards.controller.js';
import { TargetsService } from './standards/targets.service.js';
import { SubmissionImportService } from './submissions/submission-import.service.js';
import { SubmissionsController } from './submissions/submissions.controller.js';

@Module({})
export class PerformanceModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: PerformanceModule,
      imports: serviceImports({
        publisher: PerformancePublisher,
        configSchema: performanceConfigSchema,
        env,
        database: {
          entities: performanceEntities,
          migrations: performanceMigrations,
          constraintMessages: performanceConstraintMessages,
        },
      }),
      controllers: [
        StandardsController,
        ReferenceController,
        SubmissionsController,
        ResultsController,
        DetectionController,
        ...measuresControllers,
        MembershipReferenceConsumer,
      ],
      providers: [
        TargetsService,
        ReferenceService,
        PerformanceService,
        DetectionService,
        SubmissionImportService,
        ...measuresProviders,
      ],
    };
  }
}
