import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
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
  @ApiProduces('image/svg+xml')
  async chart(
    @Query() query: ChartQuery,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<string> {
    const svg = await this.charts.render(query);
    // Set only once the chart exists: an error answered here is JSON, and says so.
    response.setHeader('content-type', 'image/svg+xml; charset=utf-8');
    return svg;
  }
}
