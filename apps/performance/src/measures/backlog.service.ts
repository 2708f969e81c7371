import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, schemaOf } from '#platform';
import { BacklogSnapshot } from './backlog-snapshot.entity.js';
import { weekOverWeek, type BacklogBands, type BacklogWeek } from './backlog-weeks.js';
import type { BacklogQuery, BacklogRowDto } from './backlog.dto.js';
import { boundedRange, inRowOrder, repeatedKeys } from './measure-rows.js';
import { rowErrors } from '../common/unprocessable-rows.error.js';
import { upsertRows } from '../common/upsert-rows.js';
import { PerformancePublisher } from '../performance.publisher.js';

export interface BacklogRow extends BacklogWeek {
  allianceId: string;
  /** Present when the query named one; the weeks are summed over all sites otherwise. */
  tumourSite?: string;
}

/**
 * The 62-day backlog from weekly patient target list snapshots, summed over an alliance's
 * providers (as mapped now, like the waiting-time figures). A provider's list need not be
 * mapped when it is sent; it counts once it is.
 */
@Injectable()
export class BacklogService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Inserts every row, or none; a row of a week, provider and tumour site already held
   * replaces its counts (a corrected list), it is not added to them.
   */
  async save(dtos: readonly BacklogRowDto[]): Promise<{ saved: number }> {
    const rows = dtos.map((dto) => ({ ...dto, orgCode: dto.orgCode.toUpperCase() }));
    const errors = repeatedKeys(
      rows,
      (row) => `${row.weekEnding} ${row.orgCode} ${row.tumourSite}`,
      'tumourSite',
      'week, provider and tumour site',
    );
    if (errors.length > 0) {
      throw rowErrors(inRowOrder(errors));
    }
    await this.dataSource.transaction(async (manager) => {
      await this.events.audit(manager, {
        action: 'performance.backlog-saved',
        changes: { rows: rows.length },
        targets: [...new Set(rows.map((row) => row.orgCode))],
      });
      await upsertRows(
        manager,
        BacklogSnapshot,
        rows.map((row) => ({
          weekEnding: row.weekEnding,
          orgCode: row.orgCode,
          tumourSite: row.tumourSite,
          days0To28: row.days0To28,
          days29To62: row.days29To62,
          days63To104: row.days63To104,
          daysOver104: row.daysOver104,
        })),
        ['weekEnding', 'orgCode', 'tumourSite'],
      );
    });
    return { saved: rows.length };
  }

  async weeks(asked: BacklogQuery): Promise<BacklogRow[]> {
    const query = { ...asked, ...boundedRange(asked.from, asked.to, 'day', this.clock.today()) };
    const s = schemaOf(this.dataSource);
    const manager = this.dataSource.manager;
    const allianceId = query.allianceId.toLowerCase();
    const scope = (extra: { from?: string; before?: string; to?: string }) => {
      const params: unknown[] = [allianceId];
      const param = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      const where = ['p.alliance_id = $1::uuid'];
      if (query.tumourSite) {
        where.push(`b.tumour_site = ${param(query.tumourSite)}`);
      }
      if (extra.from) {
        where.push(`b.week_ending >= ${param(extra.from)}::date`);
      }
      if (extra.before) {
        where.push(`b.week_ending < ${param(extra.before)}::date`);
      }
      if (extra.to) {
        where.push(`b.week_ending <= ${param(extra.to)}::date`);
      }
      return {
        sql: `FROM "${s}".backlog_snapshot b JOIN "${s}".provider p ON p.ods_code = b.org_code
               WHERE ${where.join(' AND ')}`,
        params,
      };
    };
    // The first week asked for changes from the latest week before it, even one outside the range.
    let since = query.from;
    if (query.from) {
      const earlier = scope({ before: query.from });
      const [row] = await manager.query<{ weekEnding: string | null }[]>(
        `SELECT to_char(max(b.week_ending), 'YYYY-MM-DD') AS "weekEnding" ${earlier.sql}`,
        earlier.params,
      );
      since = row?.weekEnding ?? query.from;
    }
    const range = scope({
      ...(since ? { from: since } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
    const weeks = await manager.query<BacklogBands[]>(
      `SELECT to_char(b.week_ending, 'YYYY-MM-DD') AS "weekEnding",
              sum(b.days_0_28)::float8 AS "days0To28", sum(b.days_29_62)::float8 AS "days29To62",
              sum(b.days_63_104)::float8 AS "days63To104", sum(b.days_over_104)::float8 AS "daysOver104"
         ${range.sql}
        GROUP BY b.week_ending
        ORDER BY b.week_ending`,
      range.params,
    );
    return weekOverWeek(weeks, query.from).map((week) => ({
      allianceId,
      ...(query.tumourSite ? { tumourSite: query.tumourSite } : {}),
      ...week,
    }));
  }
}
