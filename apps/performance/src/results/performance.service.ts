import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WaitingTimeStandard } from '#contracts';
import { schemaOf, type Page, type PageQuery } from '#platform';
import { Standard } from '../standards/standard.entity.js';
import { targetInForce } from '../standards/target-in-force.js';
import { Target } from '../standards/target.entity.js';
import { trajectoryPoint } from '../standards/trajectory-point.js';
import { Trajectory } from '../standards/trajectory.entity.js';
import {
  AlliancePolicy,
  policyFor,
  type BreachBasis,
} from '../standards/alliance-policy.entity.js';

export const GROUPINGS = ['provider', 'alliance', 'tumour-site', 'alliance-tumour-site'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface PerformanceFilter {
  by: Grouping;
  standards?: readonly WaitingTimeStandard[];
  allianceIds?: readonly string[];
  tumourSite?: string;
  orgCode?: string;
  /** First and last month, YYYY-MM, both included. */
  from?: string;
  to?: string;
}

export interface PerformanceRow {
  period: string;
  standard: WaitingTimeStandard;
  orgCode?: string;
  allianceId?: string;
  allianceCode?: string;
  tumourSite?: string;
  total: number;
  within: number;
  breaches: number;
  /** Share within the standard, 0 to 1; null when no patient was counted. */
  value: number | null;
  /**
   * What the month is judged against: the trajectory's point when the alliance's policy compares
   * with the trajectory and one runs for the month, else the standard's threshold; null when
   * neither is set.
   */
  target: number | null;
  /** Which of the two `target` is. */
  basis: BreachBasis;
  /**
   * The standard's threshold in force for the month, always given: the constitutional standard
   * (or a tumour-site expectation or an alliance's own threshold where one is set).
   */
  threshold: number | null;
  /** The planning trajectory's point for the month; null outside every trajectory. */
  trajectory: number | null;
  /** Target minus value, in share points; positive when below target. */
  gap: number | null;
}

type CountedRow = Omit<
  PerformanceRow,
  'value' | 'target' | 'gap' | 'basis' | 'threshold' | 'trajectory'
>;

const round = (n: number) => Number(n.toFixed(4));

/**
 * Performance computed the way the standards define it: patients within the standard over all
 * patients, from detail rows only (`ALL ...` totals would count them twice), on the provider
 * basis, or for an alliance the basis its policy gives for the month,
 * each month judged against the target in force for it.
 */
@Injectable()
export class PerformanceService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Every row the filter selects: for detection and charts, whose scopes bound them. */
  async compute(
    filter: PerformanceFilter,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PerformanceRow[]> {
    const { sql, params } = this.select(filter);
    return this.judge(await manager.query<CountedRow[]>(sql, params), manager);
  }

  /** One page of the rows, in compute's order, with how many there are in all. */
  async page(filter: PerformanceFilter, page: PageQuery): Promise<Page<PerformanceRow>> {
    const manager = this.dataSource.manager;
    const { sql, params } = this.select(filter);
    const n = params.length;
    const [rows, [counted]] = await Promise.all([
      manager.query<CountedRow[]>(`${sql} LIMIT $${n + 1} OFFSET $${n + 2}`, [
        ...params,
        page.limit,
        page.offset,
      ]),
      manager.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM (${sql}) rows`,
        params,
      ),
    ]);
    return {
      items: await this.judge(rows, manager),
      total: counted?.total ?? 0,
      limit: page.limit,
      offset: page.offset,
    };
  }

  /** The grouped counts the filter selects, ordered by group, standard and month. */
  private select(filter: PerformanceFilter): { sql: string; params: unknown[] } {
    const s = schemaOf(this.dataSource);
    const byProvider = filter.by === 'provider';
    const byAlliance = filter.by === 'alliance' || filter.by === 'alliance-tumour-site';
    const bySite = filter.by === 'tumour-site' || filter.by === 'alliance-tumour-site';
    const columns = [
      `to_char(s.period, 'YYYY-MM') AS period`,
      's.standard',
      ...(byProvider ? ['s.org_code AS "orgCode"'] : []),
      ...(byAlliance ? ['p.alliance_id AS "allianceId"', 'a.code AS "allianceCode"'] : []),
      ...(bySite ? ['ct.tumour_site AS "tumourSite"'] : []),
    ];
    const groups = columns.map((_, index) => String(index + 1));
    // An alliance's figures come from the basis its policy gives for the month: provider rows
    // of its trusts, or commissioner rows of its commissioners (ICBs and sub-ICB locations
    // mapped to it as providers are); every other grouping counts provider rows.
    const basis = byAlliance
      ? `s.basis = COALESCE((SELECT ap.figures_basis FROM "${schemaOf(this.dataSource)}".alliance_policy ap
                              WHERE ap.alliance_id = p.alliance_id AND ap.effective_from <= s.period
                              ORDER BY ap.effective_from DESC LIMIT 1), 'provider')`
      : `s.basis = 'provider'`;
    // Conditions on the submission's own columns, applied as its rows are first summed.
    const counted = [`NOT aggregate`];
    const where = [basis];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (byAlliance) {
      where.push('p.alliance_id IS NOT NULL');
    }
    if (bySite) {
      where.push('ct.tumour_site IS NOT NULL');
    }
    if (filter.standards) {
      counted.push(`standard = ANY(${param(filter.standards)})`);
    }
    if (filter.allianceIds) {
      where.push(`p.alliance_id = ANY(${param(filter.allianceIds)}::uuid[])`);
    }
    if (filter.tumourSite) {
      where.push(`ct.tumour_site = ${param(filter.tumourSite)}`);
    }
    if (filter.orgCode) {
      counted.push(`org_code = ${param(filter.orgCode.toUpperCase())}`);
    }
    if (filter.from) {
      counted.push(`period >= ${param(`${filter.from}-01`)}::date`);
    }
    if (filter.to) {
      counted.push(`period <= ${param(`${filter.to}-01`)}::date`);
    }
    // The rows are summed first by their own columns (about a tenth as many sums: the routes
    // and modalities folded), and only those sums are joined to providers, policies and cancer
    // types and summed again: a national year's detection took 2.4 s joining and sorting every
    // row, 0.9 s so (docs/performance.md). Numeric sums, so the figures are exactly the same.
    const sql = `SELECT ${columns.join(', ')},
              sum(s.total)::float8 AS total, sum(s.within)::float8 AS within, sum(s.breaches)::float8 AS breaches
         FROM (SELECT period, standard, org_code, basis, cancer_type_key,
                      sum(total) AS total, sum(within) AS within, sum(breaches) AS breaches
                 FROM "${s}".submission
                WHERE ${counted.join(' AND ')}
                GROUP BY period, standard, org_code, basis, cancer_type_key) s
         LEFT JOIN "${s}".provider p ON p.ods_code = s.org_code
         LEFT JOIN "${s}".alliance_ref a ON a.id = p.alliance_id
         LEFT JOIN "${s}".cancer_type ct ON ct.key = s.cancer_type_key
        WHERE ${where.join(' AND ')}
        GROUP BY ${groups.join(', ')}
        ORDER BY ${[...groups.slice(2), '2', '1'].join(', ')}`;
    return { sql, params };
  }

  /**
   * Each month's share within the standard, against the standard's threshold in force for it or
   * the trajectory's point, as the alliance's policy for the month says.
   */
  private async judge(rows: CountedRow[], manager: EntityManager): Promise<PerformanceRow[]> {
    // In turn: `manager` may be a transaction's, whose one connection only queues queries
    // started at once (pg warns of it, and pg 9 will refuse it).
    const standards = await manager.find(Standard);
    const targets = await manager.find(Target);
    const trajectories = await manager.find(Trajectory);
    const policies = await manager.find(AlliancePolicy);
    const nationOf = new Map(standards.map((standard) => [standard.code, standard.nation]));
    return rows.map((row) => {
      const question = {
        measure: row.standard,
        period: row.period,
        nation: nationOf.get(row.standard) ?? 'england',
        ...(row.allianceId ? { allianceId: row.allianceId } : {}),
      };
      const threshold =
        targetInForce(targets, {
          ...question,
          ...(row.tumourSite ? { tumourSite: row.tumourSite } : {}),
        })?.value ?? null;
      const trajectory = trajectoryPoint(trajectories, question) ?? null;
      const basis: BreachBasis =
        row.allianceId !== undefined &&
        trajectory !== null &&
        policyFor(policies, row.allianceId, row.period) === 'trajectory'
          ? 'trajectory'
          : 'standard';
      const target = basis === 'trajectory' ? trajectory : threshold;
      const value = row.total > 0 ? round(row.within / row.total) : null;
      const gap = value === null || target === null ? null : round(target - value);
      return { ...row, value, target, basis, threshold, trajectory, gap };
    });
  }
}
