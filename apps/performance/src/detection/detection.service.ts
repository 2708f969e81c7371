import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { addMonths, type DataStatus, type WaitingTimeStandard } from '#contracts';
import { schemaOf } from '#platform';
import { SiteBody } from '../reference/site-body.entity.js';
import { PerformanceService, type PerformanceRow } from '../results/performance.service.js';
import { Standard } from '../standards/standard.entity.js';
import { Announcement } from './announcement.entity.js';
import {
  breachedAt,
  detectBreaches,
  type Announcement as BreachAnnouncement,
  type MonthResult,
} from './breach-detection.js';
import { unannounced, type LastAnnouncement } from './unannounced.js';
import { PerformancePublisher } from '../performance.publisher.js';

export interface DetectionScope {
  standards?: readonly WaitingTimeStandard[];
  allianceIds?: readonly string[];
  /**
   * The import whose figures this detection follows: a breach whose months it revised, and
   * that its figures no longer show, is withdrawn. Without it (a run after a target or policy
   * edit) nothing is withdrawn: only revised data withdraws a breach.
   */
  revision?: { importId: string; periods: readonly string[]; dataStatus: DataStatus };
}

export interface DetectionResult {
  subjects: number;
  breached: number;
  recovered: number;
  withdrawn: number;
}

interface Month extends MonthResult {
  within: number;
  breaches: number;
}

const monthResult = (month: Month) => ({
  period: month.period,
  total: month.total,
  within: month.within,
  breaches: month.breaches,
  value: month.performance,
  target: month.target,
});

/**
 * Breach and recovery detection for each alliance, tumour site and standard, by the standard's
 * rules (see detectBreaches): below target for its consecutive periods is announced once as
 * breached, back on target for its periods once as recovered; a revision that no longer shows
 * an announced breach withdraws it. Runs in the caller's transaction (an import's, so the data and
 * the events commit together), one run at a time.
 */
@Injectable()
export class DetectionService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PerformanceService) private readonly performance: PerformanceService,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
  ) {}

  /** Detection over everything, on its own transaction. */
  async detectAll(): Promise<DetectionResult> {
    return this.dataSource.transaction((manager) => this.detect(manager, {}));
  }

  async detect(manager: EntityManager, scope: DetectionScope): Promise<DetectionResult> {
    const s = schemaOf(this.dataSource);
    // Two imports detecting at once would both see a subject unannounced.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${s}.detection`]);
    const rows = await this.performance.compute(
      {
        by: 'alliance-tumour-site',
        ...(scope.standards ? { standards: scope.standards } : {}),
        ...(scope.allianceIds ? { allianceIds: scope.allianceIds } : {}),
      },
      manager,
    );
    const standards = new Map((await manager.find(Standard)).map((std) => [std.code, std]));
    const last = await this.lastAnnouncements(manager);
    const siteBodies = await this.siteBodies(manager);
    const result: DetectionResult = { subjects: 0, breached: 0, recovered: 0, withdrawn: 0 };
    for (const [key, subjectRows] of groupBySubject(rows)) {
      result.subjects += 1;
      const first = subjectRows[0]!;
      const standard = standards.get(first.standard);
      if (!standard) {
        continue;
      }
      const series = subjectRows.flatMap((row): Month[] =>
        row.value === null || row.target === null
          ? []
          : [
              {
                period: row.period,
                performance: row.value,
                target: row.target,
                total: row.total,
                within: row.within,
                breaches: row.breaches,
              },
            ],
      );
      const step = standard.cadence === 'quarterly' ? 3 : 1;
      const all = detectBreaches(series, {
        monthsToBreach: standard.monthsToBreach,
        monthsToRecover: standard.monthsToRecover,
        minDenominator: standard.minDenominator,
        stepMonths: step,
      });
      let previous = last.get(key);
      const withdrawal = this.withdrawal(previous, all, series, standard, scope.revision);
      const toAnnounce = unannounced(
        all,
        withdrawal ? { ...previous!, kind: 'withdrawn' } : previous,
      );
      if (toAnnounce.length === 0 && !withdrawal) {
        continue;
      }
      const subject = {
        allianceId: first.allianceId!,
        allianceCode: first.allianceCode!,
        tumourSite: first.tumourSite!,
        bodyId: siteBodies(first.allianceId!, first.tumourSite!),
        standard: first.standard,
      };
      if (withdrawal && previous && scope.revision) {
        const event = await this.events.publish(
          manager,
          'performance.standard-breach-withdrawn.v1',
          {
            ...subject,
            period: previous.period,
            importId: scope.revision.importId,
            dataStatus: scope.revision.dataStatus,
            months: withdrawal.map(monthResult),
          },
        );
        await manager.insert(Announcement, {
          allianceId: subject.allianceId,
          tumourSite: subject.tumourSite,
          standard: subject.standard,
          period: previous.period,
          kind: 'withdrawn',
          eventId: event.id,
        });
        result.withdrawn += 1;
        previous = { kind: 'withdrawn', period: previous.period };
      }
      let breachedPeriod = previous?.kind === 'breached' ? previous.period : null;
      for (const announcement of toAnnounce) {
        const event =
          announcement.kind === 'breached'
            ? await this.events.publish(manager, 'performance.standard-breached.v1', {
                ...subject,
                period: announcement.period,
                value: announcement.value,
                target: announcement.target,
                gap: announcement.gap,
                monthsToBreach: standard.monthsToBreach,
                months: announcement.months.map(monthResult),
              })
            : await this.events.publish(manager, 'performance.standard-recovered.v1', {
                ...subject,
                period: announcement.period,
                value: announcement.value,
                target: announcement.target,
                breachedPeriod,
              });
        breachedPeriod = announcement.kind === 'breached' ? announcement.period : null;
        await manager.insert(Announcement, {
          allianceId: subject.allianceId,
          tumourSite: subject.tumourSite,
          standard: subject.standard,
          period: announcement.period,
          kind: announcement.kind,
          eventId: event.id,
        });
        result[announcement.kind] += 1;
      }
    }
    return result;
  }

  /**
   * The breach's months as now reported when a revision withdraws the subject's last announced
   * breach: the revision touched one of its months and the figures no longer show a breach then.
   */
  private withdrawal(
    last: LastAnnouncement | undefined,
    announcements: readonly BreachAnnouncement[],
    series: readonly Month[],
    standard: Standard,
    revision: DetectionScope['revision'],
  ): Month[] | null {
    if (!revision || last?.kind !== 'breached' || breachedAt(announcements, last.period)) {
      return null;
    }
    const step = standard.cadence === 'quarterly' ? 3 : 1;
    const months = Array.from({ length: standard.monthsToBreach }, (_, index) =>
      addMonths(last.period, -index * step),
    );
    if (!months.some((month) => revision.periods.includes(month))) {
      return null;
    }
    return series.filter((month) => months.includes(month.period));
  }

  private async lastAnnouncements(manager: EntityManager): Promise<Map<string, LastAnnouncement>> {
    const rows = await manager.query<(LastAnnouncement & { key: string })[]>(
      `SELECT DISTINCT ON (alliance_id, tumour_site, standard)
              alliance_id || ':' || tumour_site || ':' || standard AS key, kind, period
         FROM "${schemaOf(this.dataSource)}".announcement
        ORDER BY alliance_id, tumour_site, standard, period DESC, announced_at DESC`,
    );
    return new Map(rows.map(({ key, kind, period }) => [key, { kind, period }]));
  }

  /**
   * The alliance's network group for a site: its tumour-site group first, else any group of that
   * specialty. Read once per run, not once per announcement (a national year announces hundreds).
   */
  private async siteBodies(
    manager: EntityManager,
  ): Promise<(allianceId: string, tumourSite: string) => string | null> {
    const bodies = new Map<string, SiteBody[]>();
    for (const body of await manager.find(SiteBody)) {
      const key = `${body.allianceId}:${body.specialty}`;
      bodies.set(key, [...(bodies.get(key) ?? []), body]);
    }
    return (allianceId, tumourSite) => {
      const found = bodies.get(`${allianceId}:${tumourSite}`) ?? [];
      return (found.find((b) => b.kind === 'tumour-site-group') ?? found[0])?.bodyId ?? null;
    };
  }
}

/** The subject key events are keyed and consumers match cases by. */
export function subjectKey(
  row: Pick<PerformanceRow, 'allianceId' | 'tumourSite' | 'standard'>,
): string {
  return `${row.allianceId}:${row.tumourSite}:${row.standard}`;
}

function groupBySubject(rows: readonly PerformanceRow[]): Map<string, PerformanceRow[]> {
  const groups = new Map<string, PerformanceRow[]>();
  for (const row of rows) {
    const key = subjectKey(row);
    const group = groups.get(key);
    if (group) {
      group.push(row);
    } else {
      groups.set(key, [row]);
    }
  }
  return groups;
}
