import { Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { readHeader, readRow, type CwtLayout, type RowResult } from '../import/cwt-layout.js';
import { readPhsHeader, readPhsRow } from '../import/phs-layout.js';
import type { StagedRow } from './cwt-staging.js';
import { FileProblem } from './file-problem.js';

/**
 * The streams that read a CWT file in any published layout (England's two, PHS's two) into StagedRows: csv-parse, then
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
  const file: {
    layout: CwtLayout | null;
    read?: (cells: readonly string[]) => RowResult;
  } = { layout: null };
  const reader = new Transform({
    objectMode: true,
    transform(chunk: { record: string[]; info: { lines: number } }, _encoding, done) {
      if (file.read) {
        done(null, {
          line: chunk.info.lines,
          result: file.read(chunk.record),
        } satisfies StagedRow);
        return;
      }
      try {
        // Public Health Scotland's quarterly files, or one of England's monthly layouts.
        const phs = readPhsHeader(chunk.record);
        if (phs) {
          file.read = (cells) => readPhsRow(phs, cells);
          file.layout = phs.layout;
        } else {
          const header = readHeader(chunk.record, period);
          file.read = (cells) => readRow(header, cells);
          file.layout = header.layout;
        }
        done();
      } catch (error) {
        done(new FileProblem(chunk.info.lines, (error as Error).message));
      }
    },
    flush(done) {
      done(file.read ? null : new FileProblem(1, 'the file is empty: no header row'));
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
