import { type DynamicModule, Module } from '@nestjs/common';
import { serviceImports } from '#service';
import { ChartsModule } from './charts/charts.module.js';
import { performanceConfigSchema } from './config.js';
import {
  performanceConstraintMessages,
  performanceEntities,
  performanceMigrations,
} from './database.js';
import { DetectionModule } from './detection/detection.module.js';
import { MeasuresModule } from './measures/measures.module.js';
import { PerformancePublisher } from './performance.publisher.js';
import { ReferenceModule } from './reference/reference.module.js';
import { ResultsModule } from './results/results.module.js';
import { StandardsModule } from './standards/standards.module.js';
import { SubmissionsModule } from './submissions/submissions.module.js';

@Module({})
export class PerformanceModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: PerformanceModule,
      imports: [
        ...serviceImports({
          publisher: PerformancePublisher,
          configSchema: performanceConfigSchema,
          env,
          database: {
            entities: performanceEntities,
            migrations: performanceMigrations,
            constraintMessages: performanceConstraintMessages,
          },
        }),
        StandardsModule,
        ReferenceModule,
        SubmissionsModule,
        ResultsModule,
        ChartsModule,
        DetectionModule,
        MeasuresModule,
      ],
    };
  }
}
