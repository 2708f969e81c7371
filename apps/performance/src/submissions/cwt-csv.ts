import { Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { readHeader, readRow, type CwtHeader, type CwtLayout } from '../import/cwt-layout.js';
import type { StagedRow } from './cwt-staging.js';
import type { ImportLimit } from './import-limits.js';

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

/**
 * The streams that read a CWT file in either published layout into StagedRows: csv-parse, then
 * the layout reader, which takes the first record as the header. `layout` is known once the
 * header is read.
 */
export function cwtCsvReader(period: string | undefined): {
  streams: [Transform, Transform];
  layout: () => CwtLayout | null;
} {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  const file: { layout: CwtLayout | null; header?: CwtHeader } = { layout: null };
  const reader = new Transform({
    objectMode: true,
    transform(chunk: { record: string[]; info: { lines: number } }, _encoding, done) {
      if (file.header) {
        done(null, {
          line: chunk.info.lines,
          result: readRow(file.header, chunk.record),
        } satisfies StagedRow);
        return;
      }
      try {
        file.header = readHeader(chunk.record, period);
        file.layout = file.header.layout;
        done();
      } catch (error) {
        done(new FileProblem(chunk.info.lines, (error as Error).message));
      }
    },
    flush(done) {
      done(file.header ? null : new FileProblem(1, 'the file is empty: no header row'));
    },
  });
  return { streams: [parser, reader], layout: () => file.layout };
}

/** What went wrong reading a file: CSV that csv-parse cannot read is a FileProblem too. */
export function asFileProblem(caught: unknown): unknown {
  return caught instanceof CsvError
    ? new FileProblem(Number(caught.lines ?? 0), `not readable as CSV: ${caught.message}`)
    : caught;
}
