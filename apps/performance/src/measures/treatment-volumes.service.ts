import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, schemaOf } from '#platform';
import {
  compareWithBaseline,
  type MonthVolume,
  type VolumeAgainstBaseline,
} from './baseline-comparison.js';
import { boundedRange, inRowOrder, repeatedKeys, unknownAlliances } from './measure-rows.js';
import { rowErrors } from '../common/unprocessable-rows.error.js';
import { upsertRows } from '../common/upsert-rows.js';
import { PerformancePublisher } from '../performance.publisher.js';
import { TreatmentBaseline } from './treatment-baseline.entity.js';
import type { TreatmentBaselineRowDto, TreatmentVolumeQuery } from './treatment-volumes.dto.js';

/**
 * Treatment volumes against the 2019/20 baseline. A month's volume is every first and
 * subsequent treatment the 31-day combined standard counted, from provider-basis detail rows
 * only (`ALL ...` totals would count them twice), for the providers and cancer types mapped to
 * an alliance and a tumour site. Months with no returns are left out, not shown as none.
 */
@Injectable()
export class TreatmentVolumesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Inserts or replaces every baseline row, or none: a bad row is a 422 naming it. */
  async saveBaselines(dtos: readonly TreatmentBaselineRowDto[]): Promise<{ saved: number }> {
    const rows = dtos.map((dto) => ({ ...dto, allianceId: dto.allianceId.toLowerCase() }));
    return this.dataSource.transaction(async (manager) => {
      const errors = [
        ...(await unknownAlliances(manager, rows)),
        ...repeatedKeys(
          rows,
          (row) => `${row.allianceId} ${row.tumourSite} ${row.month}`,
          'month',
          'alliance, tumour site and month',
        ),
      ];
      if (errors.length > 0) {
        throw rowErrors(inRowOrder(errors));
      }
      await upsertRows(
        manager,
        TreatmentBaseline,
        rows.map((row) => ({
          allianceId: row.allianceId,
          tumourSite: row.tumourSite,
          month: row.month,
          volume: row.volume,
        })),
        ['allianceId', 'tumourSite', 'month'],
      );
      await this.events.audit(manager, {
        action: 'performance.treatment-baselines-saved',
        changes: {
          rows: rows.length,
          allianceIds: [...new Set(rows.map((row) => row.allianceId))],
        },
      });
      return { saved: rows.length };
    });
  }

  async volumes(asked: TreatmentVolumeQuery): Promise<VolumeAgainstBaseline[]> {
    const query = { ...asked, ...boundedRange(asked.from, asked.to, 'month', this.clock.today()) };
    const s = schemaOf(this.dataSource);
    const manager = this.dataSource.manager;
    const allianceId = query.allianceId?.toLowerCase();
    const where = [
      `s.standard = 'combined-31'`,
      'NOT s.aggregate',
      `s.basis = 'provider'`,
      'p.alliance_id IS NOT NULL',
      'ct.tumour_site IS NOT NULL',
    ];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (allianceId) {
      where.push(`p.alliance_id = ${param(allianceId)}::uuid`);
    }
    if (query.tumourSite) {
      where.push(`ct.tumour_site = ${param(query.tumourSite)}`);
    }
    if (query.from) {
      where.push(`s.period >= ${param(`${query.from}-01`)}::date`);
    }
    if (query.to) {
      where.push(`s.period <= ${param(`${query.to}-01`)}::date`);
    }
    const [volumes, baselines] = await Promise.all([
      manager.query<MonthVolume[]>(
        `SELECT p.alliance_id AS "allianceId", ct.tumour_site AS "tumourSite",
                to_char(s.period, 'YYYY-MM') AS period, sum(s.total)::float8 AS volume
           FROM "${s}".submission s
           JOIN "${s}".provider p ON p.ods_code = s.org_code
           JOIN "${s}".cancer_type ct ON ct.key = s.cancer_type_key
          WHERE ${where.join(' AND ')}
          GROUP BY 1, 2, 3
          ORDER BY 1, 2, 3`,
        params,
      ),
      manager.find(TreatmentBaseline, {
        where: {
          ...(allianceId ? { allianceId } : {}),
          ...(query.tumourSite ? { tumourSite: query.tumourSite } : {}),
        },
      }),
    ]);
    return compareWithBaseline(volumes, baselines);
  }
}
