import { Module } from '@nestjs/common';
import { DetectionModule } from '../detection/detection.module.js';
import { SubmissionImportService } from './submission-import.service.js';
import { SubmissionsController } from './submissions.controller.js';

/** CWT submissions, by CSV file or API, and the record of each import. */
@Module({
  imports: [DetectionModule],
  controllers: [SubmissionsController],
  providers: [SubmissionImportService],
})
export class SubmissionsModule {}
