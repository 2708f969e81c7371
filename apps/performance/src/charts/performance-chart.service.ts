import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addMonths, monthsBetween } from '#contracts';
import { Clock, invalidField, notFound } from '#platform';
import { checkRange } from '../measures/measure-rows.js';
import { AllianceRef } from '../reference/alliance-ref.entity.js';
import { PerformanceService } from '../results/performance.service.js';
import { Standard } from '../standards/standard.entity.js';
import { targetInForce } from '../standards/target-in-force.js';
import { Target } from '../standards/target.entity.js';
import type { ChartQuery } from './charts.dto.js';
import { renderPerformanceChart, type ChartPoint } from './performance-chart.js';

const CHART_MONTHS = 12;

/**
 * Charts an alliance's performance on a standard for a tumour site: every month of the range,
 * with its value (none for a month with no data) and the target in force for it.
 */
@Injectable()
export class PerformanceChartService {
  constructor(
    @Inject(PerformanceService) private readonly performance: PerformanceService,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The SVG document; the range is `from` to `to`, else the twelve months to the latest data. */
  async render(query: ChartQuery): Promise<string> {
    if (query.from !== undefined && query.to !== undefined) {
      checkChartRange(query.from, query.to);
    }
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
    const to = query.to ?? rows.at(-1)?.period ?? this.clock.now().toISOString().slice(0, 7);
    const from = query.from ?? addMonths(to, 1 - CHART_MONTHS);
    checkChartRange(from, to);
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

/** The most months one chart draws: ten years. */
export const MAX_CHART_MONTHS = 120;

/** A chart's range runs forwards and spans at most ten years, so no request can stall a reader. */
function checkChartRange(from: string, to: string): void {
  checkRange(from, to);
  if (monthsBetween(from, to) + 1 > MAX_CHART_MONTHS) {
    throw invalidField('to', `a chart spans at most ${MAX_CHART_MONTHS} months (ten years)`);
  }
}
