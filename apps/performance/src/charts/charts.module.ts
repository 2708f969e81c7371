import { Module } from '@nestjs/common';
import { ResultsModule } from '../results/results.module.js';
import { ChartsController } from './charts.controller.js';
import { PerformanceChartService } from './performance-chart.service.js';

/** Performance drawn as a standalone SVG chart, a month at a time against its target. */
@Module({
  imports: [ResultsModule],
  controllers: [ChartsController],
  providers: [PerformanceChartService],
})
export class ChartsModule {}
