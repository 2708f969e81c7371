import { UnprocessableError, type FieldError } from '#platform';

/** A bad line of a submission and what is wrong with it. */
export interface RowProblem {
  /** The line of the file, counting the header as line 1. */
  line: number;
  problem: string;
}

/**
 * A bad line as the platform's one list of field errors says it: `field` is `line <n>` (the
 * header is line 1; line 0 is the file as a whole) and `line` the number, for machines.
 */
export type LineError = FieldError & { readonly line: number };

export function lineErrorOf(problem: RowProblem): LineError {
  return { field: `line ${problem.line}`, line: problem.line, messages: [problem.problem] };
}

/**
 * What a 422 names besides its message, in the one shape every error with particulars has:
 * `errors: [{ field, messages }]` (each bad line, or each bad row's field), and for an import
 * its whole report beside them.
 */
export type RowsDetails = {
  readonly errors: readonly FieldError[];
  readonly report?: object;
};

/**
 * A 422 that says which rows are wrong, not only that some are; nothing was written.
 * DomainErrorFilter answers it with its details beside the message.
 */
export class UnprocessableRowsError extends UnprocessableError {
  constructor(message: string, details: RowsDetails) {
    super(message, details);
  }
}

/** 422 naming every bad line; nothing was written. */
export function rowProblems(problems: RowProblem[]): UnprocessableRowsError {
  return new UnprocessableRowsError(`${problems.length} bad row(s): nothing was imported`, {
    errors: problems.map(lineErrorOf),
  });
}

/**
 * A 422 naming each bad row's field (`rows.3.screened`) for rules the DTO cannot check alone
 * (one field against another, or against the database); nothing was written.
 */
export function rowErrors(errors: FieldError[]): UnprocessableRowsError {
  return new UnprocessableRowsError('Validation failed', { errors });
}
