import type { Readable } from 'node:stream';
import { PayloadTooLargeException, UnprocessableEntityException } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { fold } from '../import/cwt-layout.js';
import type { RowProblem } from '../submissions/import-run.entity.js';

/** Reads a small CSV request body (a reference list) whole, refusing one over `limit` bytes. */
export async function readCsvBody(
  body: Readable,
  limit = 5 * 1024 * 1024,
): Promise<{ header: string[]; rows: { line: number; cells: string[] }[] }> {
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

/** 422 naming every bad line; nothing was written. */
export function rowProblems(problems: RowProblem[]): UnprocessableEntityException {
  return new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: `${problems.length} bad row(s): nothing was imported`,
    problems,
  });
}
