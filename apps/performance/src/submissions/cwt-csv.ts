import { Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { readHeader, readRow, type CwtHeader, type CwtLayout } from '../import/cwt-layout.js';
import type { StagedRow } from './cwt-staging.js';
import { FileProblem } from './file-problem.js';

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
