import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { PerformanceService } from './performance.service.js';
import { PerformanceQuery } from './results.dto.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('performance')
@Controller()
export class ResultsController {
  constructor(@Inject(PerformanceService) private readonly performance: PerformanceService) {}

  /** Performance by month and provider, alliance, tumour site or both, with the target in force and the gap. */
  @Get('performance')
  @Roles(...READERS)
  compute(@Query() query: PerformanceQuery) {
    return this.performance.compute({
      by: query.by,
      ...(query.standard ? { standards: [query.standard] } : {}),
      ...(query.allianceId ? { allianceIds: [query.allianceId] } : {}),
      ...(query.tumourSite ? { tumourSite: query.tumourSite } : {}),
      ...(query.orgCode ? { orgCode: query.orgCode } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
  }
}
