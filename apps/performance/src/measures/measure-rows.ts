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
