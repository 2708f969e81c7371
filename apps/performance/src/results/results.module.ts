import { Module } from '@nestjs/common';
import { PerformanceService } from './performance.service.js';
import { ResultsController } from './results.controller.js';

/** Performance as the standards define it, by provider, alliance and tumour site. */
@Module({
  controllers: [ResultsController],
  providers: [PerformanceService],
  exports: [PerformanceService],
})
export class ResultsModule {}
