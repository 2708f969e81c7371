import { Module } from '@nestjs/common';
import { MembershipViewModule } from '#membership-view';
import { AssessmentAccessService } from './assessment-access.service.js';
import { MeasureSetsController } from './measure-sets.controller.js';
import { MeasureSetsService } from './measure-sets.service.js';
import { QualityAssessmentsController } from './quality-assessments.controller.js';
import { QualityAssessmentsService } from './quality-assessments.service.js';

/** Quality standards: measure sets as versioned data, self-assessment and network review. */
@Module({
  imports: [MembershipViewModule],
  controllers: [MeasureSetsController, QualityAssessmentsController],
  providers: [MeasureSetsService, QualityAssessmentsService, AssessmentAccessService],
})
export class QualityStandardsModule {}
