import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { ChartQuery } from './charts.dto.js';
import { PerformanceChartService } from './performance-chart.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('performance')
@Controller()
export class ChartsController {
  constructor(@Inject(PerformanceChartService) private readonly charts: PerformanceChartService) {}

  /** An SVG time series of a standard against its target for an alliance and tumour site. */
  @Get('charts/performance.svg')
  @Roles(...READERS)
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  chart(@Query() query: ChartQuery): Promise<string> {
    return this.charts.render(query);
  }
}
