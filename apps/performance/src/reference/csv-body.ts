import type { Readable } from 'node:stream';
import { PayloadTooLargeException } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { rowProblems } from '../common/unprocessable-rows.error.js';
import { fold } from '../import/cwt-layout.js';

/** A small CSV file read whole: its header folded, and each row with its line. */
export interface CsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * Reads a small CSV request body (a reference list) whole, refusing one over `limit` bytes.
 * The size limit is the HTTP edge's (413); a file that is not CSV is a 422 naming the line.
 */
export async function readCsvBody(body: Readable, limit = 5 * 1024 * 1024): Promise<CsvTable> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new PayloadTooLargeException(`A reference list is at most ${limit} bytes`);
    }
    chunks.push(chunk);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(Buffer.concat(chunks), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw rowProblems([{ line: 0, problem: `not readable as CSV: ${(error as Error).message}` }]);
  }
  const [header, ...rows] = records;
  if (!header) {
    throw rowProblems([{ line: 1, problem: 'the file is empty: no header row' }]);
  }
  return {
    header: header.record.map(fold),
    rows: rows.map(({ record, info }) => ({ line: info.lines, cells: record })),
  };
}
