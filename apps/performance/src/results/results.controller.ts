import { addMonths } from '#contracts';
import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { notFound, Roles } from '#platform';
import { renderPerformanceChart, type ChartPoint } from '../charts/performance-chart.js';
import { AllianceRef } from '../reference/alliance-ref.entity.js';
import { Standard } from '../standards/standard.entity.js';
import { targetInForce } from '../standards/target-in-force.js';
import { Target } from '../standards/target.entity.js';
import { ChartQuery, PerformanceQuery } from './results.dto.js';
import { PerformanceService } from './performance.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;
const CHART_MONTHS = 12;

@ApiTags('performance')
@Controller()
export class ResultsController {
  constructor(
    @Inject(PerformanceService) private readonly performance: PerformanceService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

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

  /** An SVG time series of a standard against its target for an alliance and tumour site. */
  @Get('charts/performance.svg')
  @Roles(...READERS)
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  async chart(@Query() query: ChartQuery): Promise<string> {
    const manager = this.dataSource.manager;
    const alliance = await manager.findOneBy(AllianceRef, { id: query.allianceId });
    if (!alliance) {
      throw notFound('Alliance', query.allianceId);
    }
    const standard = await manager.findOneByOrFail(Standard, { code: query.standard });
    const rows = await this.performance.compute({
      by: 'alliance-tumour-site',
      standards: [query.standard],
      allianceIds: [query.allianceId],
      tumourSite: query.tumourSite,
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
    const to = query.to ?? rows.at(-1)?.period ?? new Date().toISOString().slice(0, 7);
    const from = query.from ?? addMonths(to, 1 - CHART_MONTHS);
    const targets = await manager.findBy(Target, { measure: query.standard });
    const byPeriod = new Map(rows.map((row) => [row.period, row]));
    const points: ChartPoint[] = [];
    for (let period = from; period <= to; period = addMonths(period, 1)) {
      const target =
        byPeriod.get(period)?.target ??
        targetInForce(targets, {
          measure: query.standard,
          period,
          nation: standard.nation,
          allianceId: alliance.id,
          tumourSite: query.tumourSite,
        })?.value ??
        null;
      points.push({ period, value: byPeriod.get(period)?.value ?? null, target });
    }
    return renderPerformanceChart({
      title: `${alliance.name}: ${query.tumourSite.replace(/-/g, ' ')}, ${standard.name}`,
      subtitle: `Share of patients within the standard each month, against the target in force`,
      points,
    });
  }
}
