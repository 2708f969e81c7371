// Imports a Cancer Waiting Times CSV into the performance service, streaming it with a
// progress line, and prints what the import did (every bad row with its line):
//   npm run import:cwt -- <file.csv> [--good-rows] [--period YYYY-MM] [--url http://127.0.0.1:3004]
// Without --good-rows a file with any bad row imports nothing. --period gives the month of a
// file that has no PERIOD or MONTH column (the newer monthly CSV). Uses $TOKEN, or signs the
// demo admin in at the development identity server.
import { createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { devMemberToken } from './dev-token.js';

const USAGE =
  'Usage: npm run import:cwt -- <file.csv> [--good-rows] [--period YYYY-MM] [--url http://127.0.0.1:3004]';

interface Report {
  status: 'imported' | 'rejected';
  layout: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** Absent from a service that predates skipping retired standards. */
  skipped?: { standard: string; rows: number }[];
  notes?: string[];
  aggregateRows: number;
  rowsReplaced: number;
  byStandardAndPeriod: {
    standard: string;
    period: string;
    rowsCounted: number;
    rowsTotals: number;
  }[];
  periods: string[];
  problems: { line: number; problem: string }[];
  unmappedProviders: string[];
  unmappedCancerTypes: string[];
  detection: { subjects: number; breached: number; recovered: number } | null;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'good-rows': { type: 'boolean', default: false },
        period: { type: 'string' },
        url: { type: 'string', default: process.env['PERFORMANCE_URL'] ?? 'http://127.0.0.1:3004' },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const file = positionals[0] ?? fail('Which file?');
let size: number;
try {
  size = statSync(file).size;
} catch {
  fail(`Cannot read ${file}`);
}

async function token(): Promise<string> {
  // $TOKEN, or the demo admin signed in at the development identity server.
  return process.env['TOKEN'] ?? (await devMemberToken('admin@example.org'));
}

const query = new URLSearchParams({
  mode: values['good-rows'] ? 'good-rows' : 'all-or-nothing',
  fileName: path.basename(file),
  ...(values.period ? { period: values.period } : {}),
});
const target = new URL(`/imports?${query.toString()}`, values.url);
const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
let sent = 0;
let shown = -1;
const progress = new Transform({
  transform(chunk: Buffer, _encoding, done) {
    sent += chunk.length;
    const percent = Math.floor((sent / Math.max(size, 1)) * 100);
    if (percent !== shown) {
      shown = percent;
      process.stderr.write(
        `\r${path.basename(file)}: ${percent}% (${megabytes(sent)} of ${megabytes(size)} MB)`,
      );
    }
    done(null, chunk);
  },
});

const bearer = await token();
const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
  const req = request(
    target,
    {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        'content-length': size,
        authorization: `Bearer ${bearer}`,
      },
    },
    (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    },
  );
  req.on('error', reject);
  pipeline(createReadStream(file), progress, req)
    .then(() => process.stderr.write('\nsent; the service is checking and writing the rows...\n'))
    .catch(reject);
});

const parsed = JSON.parse(response.body || '{}') as Partial<Report> & {
  report?: Report;
  message?: unknown;
};
const report = parsed.report ?? (parsed.status ? (parsed as Report) : undefined);
if (!report) {
  fail(`The service answered ${response.status}: ${response.body}`);
}
console.log(
  `${report.status}: ${report.rowsImported} of ${report.rowsRead} rows imported (${report.layout ?? 'unknown'} layout), ` +
    `${report.rowsRejected} rejected, ${report.aggregateRows} ALL ... totals kept apart, ${report.rowsReplaced} replaced; ` +
    `months ${report.periods.join(', ') || 'none'}`,
);
for (const part of report.byStandardAndPeriod) {
  console.log(
    `  ${part.standard} ${part.period}: ${part.rowsCounted} rows counted, ${part.rowsTotals} taken as totals`,
  );
}
for (const { standard, rows } of report.skipped ?? []) {
  console.log(`  ${standard}: ${rows} rows skipped`);
}
for (const note of report.notes ?? []) {
  console.log(note);
}
for (const { line, problem } of report.problems.slice(0, 50)) {
  console.log(`  line ${line}: ${problem}`);
}
if (report.rowsRejected > 50) {
  console.log(`  ... and ${report.rowsRejected - 50} more (GET /imports for the first thousand)`);
}
if (report.unmappedProviders.length > 0) {
  console.log(
    `providers with no alliance (not counted for one): ${report.unmappedProviders.join(', ')}`,
  );
}
if (report.unmappedCancerTypes.length > 0) {
  console.log(`cancer types with no tumour site mapping: ${report.unmappedCancerTypes.join('; ')}`);
}
if (report.detection) {
  const { subjects, breached, recovered } = report.detection;
  console.log(
    `detection: ${subjects} subjects, ${breached} breaches and ${recovered} recoveries announced`,
  );
}
process.exit(report.status === 'imported' ? 0 : 1);
