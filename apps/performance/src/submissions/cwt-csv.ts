import { Transform } from 'node:stream';
import { readHeader, rowReader, type CwtLayout, type RowResult } from '../import/cwt-layout.js';
import { readPhsHeader, readPhsRow } from '../import/phs-layout.js';
import { CsvRecords } from './csv-records.js';
import type { RowStager } from './cwt-staging.js';
import { FileProblem } from './file-problem.js';

/**
 * Reads a CWT file in any published layout (England's two, PHS's two) from its bytes to COPY
 * text: the CSV records (csv-records.ts), the first of them the header that names the layout,
 * each later one read by the layout's reader and staged by `rows`. One stream, with no object
 * per row between stages: on a national year the per-row stream hops cost more than the
 * checks. `layout` is known once the header is read.
 */
export function cwtCsvStager(
  period: string | undefined,
  rows: RowStager,
): { stream: Transform; layout: () => CwtLayout | null } {
  let layout: CwtLayout | null = null;
  let read: ((cells: readonly string[]) => RowResult) | undefined;
  let text = '';
  const records = new CsvRecords((cells, line) => {
    if (read) {
      text += rows.add(line, read(cells));
      return;
    }
    try {
      // Public Health Scotland's quarterly files, or one of England's monthly layouts.
      const phs = readPhsHeader(cells);
      if (phs) {
        read = (row) => readPhsRow(phs, row);
        layout = phs.layout;
      } else {
        const header = readHeader(cells, period);
        read = rowReader(header);
        layout = header.layout;
      }
    } catch (error) {
      throw new FileProblem(line, (error as Error).message);
    }
  });
  const passOn = (stream: Transform) => {
    if (text.length > 0) {
      stream.push(text);
      text = '';
    }
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        records.write(chunk);
        passOn(this);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        records.end();
        passOn(this);
        done(read ? null : new FileProblem(1, 'the file is empty: no header row'));
      } catch (error) {
        done(error as Error);
      }
    },
  });
  return { stream, layout: () => layout };
}
