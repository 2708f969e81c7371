import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `numeric` arrives as a string (to keep its precision); counts with halves and
 * shares to four places fit a double exactly enough, so the entities read them as numbers.
 */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
