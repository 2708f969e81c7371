/** The caps on one import: what stopped it, when one did. */
export type ImportLimit = 'bytes' | 'rows' | 'columns' | 'seconds';

/**
 * A problem with the file as a whole (its header, its CSV syntax, one of the caps it passed):
 * nothing in it is imported. Line 0 is the file as a whole.
 */
export class FileProblem extends Error {
  constructor(
    readonly line: number,
    message: string,
    /** The cap it passed, when that is the problem. */
    readonly limit: ImportLimit | null = null,
  ) {
    super(message);
  }
}
