import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, type Page } from '#platform';
import { PerformanceService, type PerformanceRow } from './performance.service.js';
import { PerformanceQuery } from './results.dto.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('performance')
@Controller()
export class ResultsController {
  constructor(@Inject(PerformanceService) private readonly performance: PerformanceService) {}

  /**
   * Performance by month and provider, alliance, tumour site or both, with the target in force
   * and the gap: a page of it, ordered by group, standard and month.
   */
  @Get('performance')
  @Roles(...READERS)
  compute(@Query() query: PerformanceQuery): Promise<Page<PerformanceRow>> {
    return this.performance.page(
      {
        by: query.by,
        ...(query.standard ? { standards: [query.standard] } : {}),
        ...(query.allianceId ? { allianceIds: [query.allianceId] } : {}),
        ...(query.tumourSite ? { tumourSite: query.tumourSite } : {}),
        ...(query.orgCode ? { orgCode: query.orgCode } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
      },
      query,
    );
  }
}
