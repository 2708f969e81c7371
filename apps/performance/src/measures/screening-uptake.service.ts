import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '#platform';
import { SCREENING_PROGRAMMES } from '#contracts';
import { targetInForce } from '../standards/target-in-force.js';
import { Target } from '../standards/target.entity.js';
import {
  boundedRange,
  dateRange,
  inRowOrder,
  repeatedKeys,
  roundShare,
  unknownAlliances,
} from './measure-rows.js';
import { rowErrors } from '../common/unprocessable-rows.error.js';
import { upsertRows } from '../common/upsert-rows.js';
import { PerformancePublisher } from '../performance.publisher.js';
import { uptakeStatus, type UptakeStatus } from './screening-status.js';
import type { ScreeningUptakeQuery, ScreeningUptakeRowDto } from './screening-uptake.dto.js';
import { ScreeningUptake, type ScreeningProgramme } from './screening-uptake.entity.js';

const SCREENING_MEASURES = SCREENING_PROGRAMMES.map(
  (programme) => `screening-${programme}` as const,
);

export interface ScreeningUptakeRow {
  allianceId: string;
  programme: ScreeningProgramme;
  /** YYYY-MM */
  period: string;
  eligible: number;
  screened: number;
  /** Screened over eligible, 0 to 1, to four places. */
  uptake: number;
  /** The achievable level in force for the month; null when none is set. */
  target: number | null;
  /** The acceptable lower threshold; null when the programme has none (or no target is set). */
  lower: number | null;
  /** Null when no target is set. */
  status: UptakeStatus | null;
}

/**
 * Screening uptake by alliance, programme and month, each month judged against the programme's
 * target in force for it (England's screening standards: the target's value is the achievable
 * level, its lower the acceptable one).
 */
@Injectable()
export class ScreeningUptakeService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Inserts or replaces every row, or none: a bad row is a 422 naming it. */
  async save(dtos: readonly ScreeningUptakeRowDto[]): Promise<{ saved: number }> {
    const rows = dtos.map((dto) => ({ ...dto, allianceId: dto.allianceId.toLowerCase() }));
    return this.dataSource.transaction(async (manager) => {
      const errors = [
        ...(await unknownAlliances(manager, rows)),
        ...rows.flatMap((row, index) =>
          row.screened > row.eligible
            ? [
                {
                  field: `rows.${index}.screened`,
                  messages: [
                    `screened (${row.screened}) must not be more than eligible (${row.eligible})`,
                  ],
                },
              ]
            : [],
        ),
        ...repeatedKeys(
          rows,
          (row) => `${row.allianceId} ${row.programme} ${row.period}`,
          'period',
          'alliance, programme and period',
        ),
      ];
      if (errors.length > 0) {
        throw rowErrors(inRowOrder(errors));
      }
      await upsertRows(
        manager,
        ScreeningUptake,
        rows.map((row) => ({
          allianceId: row.allianceId,
          programme: row.programme,
          period: `${row.period}-01`,
          eligible: row.eligible,
          screened: row.screened,
        })),
        ['allianceId', 'programme', 'period'],
      );
      await this.events.audit(manager, {
        action: 'performance.screening-uptake-saved',
        changes: {
          rows: rows.length,
          allianceIds: [...new Set(rows.map((row) => row.allianceId))],
        },
      });
      return { saved: rows.length };
    });
  }

  async list(asked: ScreeningUptakeQuery): Promise<ScreeningUptakeRow[]> {
    const query = { ...asked, ...boundedRange(asked.from, asked.to, 'month', this.clock.today()) };
    const manager = this.dataSource.manager;
    const period = dateRange(
      query.from === undefined ? undefined : `${query.from}-01`,
      query.to === undefined ? undefined : `${query.to}-01`,
    );
    const [rows, targets] = await Promise.all([
      manager.find(ScreeningUptake, {
        where: {
          ...(query.allianceId ? { allianceId: query.allianceId.toLowerCase() } : {}),
          ...(query.programme ? { programme: query.programme } : {}),
          ...(period ? { period } : {}),
        },
        order: { allianceId: 'ASC', programme: 'ASC', period: 'ASC' },
      }),
      manager.findBy(Target, { measure: In(SCREENING_MEASURES) }),
    ]);
    return rows.map((row) => {
      const month = row.period.slice(0, 7);
      // An alliance's own trajectory, if an admin set one, wins over the national standard.
      const target = targetInForce(targets, {
        measure: `screening-${row.programme}`,
        period: month,
        nation: 'england',
        allianceId: row.allianceId,
      });
      const share = row.screened / row.eligible;
      return {
        allianceId: row.allianceId,
        programme: row.programme,
        period: month,
        eligible: row.eligible,
        screened: row.screened,
        uptake: roundShare(share),
        target: target?.value ?? null,
        lower: target?.lower ?? null,
        status: target ? uptakeStatus(share, target) : null,
      };
    });
  }
}
