import {
  Between,
  In,
  LessThanOrEqual,
  MoreThanOrEqual,
  type EntityManager,
  type FindOperator,
} from 'typeorm';
import { invalidField, type FieldError } from '#platform';
import { AllianceRef } from '../reference/alliance-ref.entity.js';

/** The most rows one upload may carry. */
export const MAX_ROWS = 5000;

const round = (n: number, places: number) => Number(n.toFixed(places));

/** A share (0 to 1) to four places, as the targets are stored. */
export const roundShare = (n: number) => round(n, 4);

/** A count with halves, to one place, dropping the float noise of sums and differences. */
export const roundCount = (n: number) => round(n, 1);

/**
 * Rows that repeat an earlier row's key. One upsert cannot touch a row twice (PostgreSQL refuses
 * the whole statement), and which of the two should win is the sender's to say.
 */
export function repeatedKeys<R>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  field: string,
  what: string,
): FieldError[] {
  const first = new Map<string, number>();
  const errors: FieldError[] = [];
  rows.forEach((row, index) => {
    const key = keyOf(row);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
    } else {
      errors.push({
        field: `rows.${index}.${field}`,
        messages: [`rows.${earlier} has the same ${what}`],
      });
    }
  });
  return errors;
}

/** Rows naming an alliance membership has not announced (ids compared in lower case). */
export async function unknownAlliances(
  manager: EntityManager,
  rows: readonly { allianceId: string }[],
): Promise<FieldError[]> {
  const ids = [...new Set(rows.map((row) => row.allianceId))];
  const known = new Set(
    (await manager.find(AllianceRef, { select: { id: true }, where: { id: In(ids) } })).map(
      (alliance) => alliance.id,
    ),
  );
  return rows.flatMap((row, index) =>
    known.has(row.allianceId)
      ? []
      : [
          {
            field: `rows.${index}.allianceId`,
            messages: [`no alliance ${row.allianceId} is known`],
          },
        ],
  );
}

/** Errors in the order of the rows they name, so a sender can fix them top to bottom. */
export function inRowOrder(errors: FieldError[]): FieldError[] {
  const index = (error: FieldError) => Number(/^rows\.(\d+)/.exec(error.field)?.[1] ?? -1);
  return [...errors].sort((a, b) => index(a) - index(b));
}

/** A date column between two days, both included; undefined when neither is given. */
export function dateRange(from?: string, to?: string): FindOperator<string> | undefined {
  if (from !== undefined && to !== undefined) {
    return Between(from, to);
  }
  if (from !== undefined) {
    return MoreThanOrEqual(from);
  }
  return to === undefined ? undefined : LessThanOrEqual(to);
}

/** A from..to filter must not run backwards (a 400 like the DTO's own). */
export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && to < from) {
    throw invalidField('to', 'to must not be before from');
  }
}

/** The most a measure query spans: ten years, as a chart does. */
export const MAX_RANGE_YEARS = 10;

/** `value` (YYYY-MM or YYYY-MM-DD) `years` earlier; 29 February falls to 1 March. */
function yearsBefore(value: string, years: number): string {
  const [year = 0, month = 1, day = 1] = value.split('-').map(Number);
  const shifted = new Date(Date.UTC(year - years, month - 1, day)).toISOString().slice(0, 10);
  return shifted.slice(0, value.length);
}

/**
 * A measure query's from..to, checked and bounded so that no query reads every row ever held:
 * it must not run backwards nor span more than ten years, and with no `from` it starts ten years
 * before `to` (or before today, for an open end). Months and days alike: `today` is cut to the
 * form of the query.
 */
export function boundedRange(
  from: string | undefined,
  to: string | undefined,
  unit: 'month' | 'day',
  today: string,
): { from: string; to?: string } {
  checkRange(from, to);
  const end = to ?? (unit === 'month' ? today.slice(0, 7) : today);
  const earliest = yearsBefore(end, MAX_RANGE_YEARS);
  if (from !== undefined && from < earliest) {
    throw invalidField(
      'from',
      `a query spans at most ${MAX_RANGE_YEARS} years: from must be ${earliest} or later`,
    );
  }
  return { from: from ?? earliest, ...(to === undefined ? {} : { to }) };
}
