import { Module } from '@nestjs/common';
import { ResultsModule } from '../results/results.module.js';
import { DetectionController } from './detection.controller.js';
import { DetectionService } from './detection.service.js';

/** Breach and recovery detection over the computed performance; an import runs it too. */
@Module({
  imports: [ResultsModule],
  controllers: [DetectionController],
  providers: [DetectionService],
  exports: [DetectionService],
})
export class DetectionModule {}
