import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '#platform';
import { SCREENING_TARGET_MEASURES } from '#contracts';
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
import {
  coverageLookBack,
  type CervicalAgeBand,
  type ScreeningMeasureKind,
  type ScreeningProgramme,
} from './screening-measures.js';
import { judgeScreening, type ScreeningJudgement } from './screening-status.js';
import type { ScreeningQuery, ScreeningRowDto } from './screening.dto.js';
import { ALL_AGES, ScreeningResult } from './screening-result.entity.js';

export interface ScreeningRow extends ScreeningJudgement {
  allianceId: string;
  programme: ScreeningProgramme;
  measure: ScreeningMeasureKind;
  /** Cervical coverage's age band; null for every other measure. */
  ageBand: CervicalAgeBand | null;
  /** Coverage's look-back in years; null for uptake. */
  lookBackYears: number | null;
  /** YYYY-MM: for uptake the month of invitation. */
  period: string;
  /** Coverage: the day it is as at (the month's last); null for uptake. */
  asAt: string | null;
  eligible: number;
  screened: number;
  /** Screened over eligible, 0 to 1, to four places: the uptake or the coverage. */
  share: number;
}

/** The last day of a YYYY-MM month. */
function lastDay(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/**
 * Screening uptake and coverage by alliance, programme, measure, age band and month, each
 * judged against the target of its measure in force for the month (England's screening
 * standards: the target's value is the achievable level, its lower the acceptable one). The
 * routes keep their first name, `/screening-uptake`, though they carry coverage too.
 */
@Injectable()
export class ScreeningService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Inserts or replaces every row, or none: a bad row is a 422 naming it. */
  async save(dtos: readonly ScreeningRowDto[]): Promise<{ saved: number }> {
    const rows = dtos.map((dto) => {
      const measure = dto.measure ?? 'uptake';
      const ageBand = measure === 'coverage' ? (dto.ageBand ?? null) : null;
      return {
        ...dto,
        allianceId: dto.allianceId.toLowerCase(),
        measure,
        ageBand,
        lookBackYears: measure === 'coverage' ? coverageLookBack(dto.programme, ageBand) : null,
      };
    });
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
          (row) => `${row.allianceId} ${row.programme} ${row.measure} ${row.ageBand} ${row.period}`,
          'period',
          'alliance, programme, measure, age band and period',
        ),
      ];
      if (errors.length > 0) {
        throw rowErrors(inRowOrder(errors));
      }
      await upsertRows(
        manager,
        ScreeningResult,
        rows.map((row) => ({
          allianceId: row.allianceId,
          programme: row.programme,
          measure: row.measure,
          ageBand: row.ageBand ?? ALL_AGES,
          period: `${row.period}-01`,
          lookBackYears: row.lookBackYears,
          eligible: row.eligible,
          screened: row.screened,
        })),
        ['allianceId', 'programme', 'measure', 'ageBand', 'period'],
      );
      // The action keeps its first name: audit readers filter on it.
      await this.events.audit(manager, {
        action: 'performance.screening-uptake-saved',
        changes: {
          rows: rows.length,
          allianceIds: [...new Set(rows.map((row) => row.allianceId))],
          measures: [...new Set(rows.map((row) => row.measure))],
        },
      });
      return { saved: rows.length };
    });
  }

  async list(asked: ScreeningQuery): Promise<ScreeningRow[]> {
    const query = { ...asked, ...boundedRange(asked.from, asked.to, 'month', this.clock.today()) };
    const manager = this.dataSource.manager;
    const period = dateRange(
      query.from === undefined ? undefined : `${query.from}-01`,
      query.to === undefined ? undefined : `${query.to}-01`,
    );
    const [rows, targets] = await Promise.all([
      manager.find(ScreeningResult, {
        where: {
          ...(query.allianceId ? { allianceId: query.allianceId.toLowerCase() } : {}),
          ...(query.programme ? { programme: query.programme } : {}),
          ...(query.measure ? { measure: query.measure } : {}),
          ...(query.ageBand ? { ageBand: query.ageBand } : {}),
          ...(period ? { period } : {}),
        },
        order: {
          allianceId: 'ASC',
          programme: 'ASC',
          measure: 'DESC',
          ageBand: 'ASC',
          period: 'ASC',
        },
      }),
      manager.findBy(Target, { measure: In([...SCREENING_TARGET_MEASURES]) }),
    ]);
    return rows.map((row) => {
      const month = row.period.slice(0, 7);
      const ageBand = row.ageBand === ALL_AGES ? null : row.ageBand;
      const result = { ...row, ageBand, period: month };
      return {
        allianceId: row.allianceId,
        programme: row.programme,
        measure: row.measure,
        ageBand,
        lookBackYears: row.lookBackYears,
        period: month,
        asAt: row.measure === 'coverage' ? lastDay(month) : null,
        eligible: row.eligible,
        screened: row.screened,
        share: roundShare(row.screened / row.eligible),
        // An alliance's own target, if an admin set one, wins over England's.
        ...judgeScreening(targets, result),
      };
    });
  }
}
