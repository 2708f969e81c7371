// The CWT importer on a generated national-size year, beside a raw PostgreSQL COPY of the
// same file in the same run. Prints rows a second, peak memory and the ratio.
//   npm run bench:cwt-import -- [--providers 130] [--months 12] [--scale 1]
// --scale 2 and 4 write twice and four times the default file (the providers multiplied), to
// show whether memory stays flat as the file grows. The last line reads `ratio cwt-import: 0.NN`.
// What it measures and why: docs/performance.md.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { createPerformanceApp } from '../apps/performance/src/bootstrap.js';
import { SubmissionImportService } from '../apps/performance/src/submissions/submission-import.service.js';
import {
  closeAppsDroppingSchema,
  isolatedTopicPrefix,
  testInfra,
  testKafka,
  uniqueName,
} from '#testing';

const { values } = parseArgs({
  options: {
    providers: { type: 'string', default: '130' },
    months: { type: 'string', default: '12' },
    scale: { type: 'string', default: '1' },
  },
});
const providers = Number(values.providers) * Number(values.scale);
const months = Number(values.months);

const FDS_TYPES = [
  'Suspected breast cancer',
  'Suspected lung cancer',
  'Suspected lower gastrointestinal cancer',
  'Suspected upper gastrointestinal cancer',
  'Suspected urological malignancies (excluding testicular)',
  'Suspected testicular cancer',
  'Suspected gynaecological cancer',
  'Suspected head & neck cancer',
  'Suspected haematological malignancies (excluding acute leukaemia)',
  'Suspected acute leukaemia',
  'Suspected skin cancer',
  'Suspected brain/central nervous system tumours',
  'Suspected sarcoma',
  "Suspected children's cancer",
  'Exhibited (non-cancer) breast symptoms - cancer not initially suspected',
  'Other suspected cancer (not listed)',
];
const TREATED_TYPES = [
  'Breast',
  'Lung',
  'Lower Gastrointestinal',
  'Upper Gastrointestinal - Oesophagus & Stomach',
  'Upper Gastrointestinal - Hepatobiliary',
  'Urological - Prostate',
  'Urological - Bladder',
  'Urological - Kidney',
  'Urological - Testicular',
  'Urological - Other',
  'Gynaecological',
  'Head & Neck',
  'Haematological - Lymphoma',
  'Haematological - Other (a)',
  'Skin',
  'Brain/CNS',
  'Sarcoma',
  'Other (a)',
];
const MODALITIES = [
  'Surgery',
  'Anti-cancer drug regimen',
  'Radiotherapy',
  'Other',
  'ALL MODALITIES',
];
const STANDARDS: [string, string[], string[], string[]][] = [
  [
    '28-day FDS',
    FDS_TYPES,
    [
      'URGENT SUSPECTED CANCER',
      'BREAST SYMPTOMATIC, CANCER NOT SUSPECTED',
      'NATIONAL SCREENING PROGRAMME',
    ],
    [''],
  ],
  ['31-day Combined', TREATED_TYPES, ['First Treatment', 'Subsequent Treatment'], MODALITIES],
  [
    '62-day Combined',
    TREATED_TYPES,
    ['URGENT SUSPECTED CANCER', 'NATIONAL SCREENING PROGRAMME', 'Consultant Upgrade'],
    MODALITIES,
  ],
];
const orgCode = (i: number) =>
  `R${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`;
const quote = (text: string) => (/[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Writes the year in the provider-extract layout; returns the data rows written. */
async function generate(file: string): Promise<number> {
  const out = createWriteStream(file);
  let rows = 0;
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const write = (line: string) =>
    out.write(`${line}\n`)
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    'PERIOD,STANDARD,ORG CODE,CANCER TYPE,STAGE/ROUTE,TREATMENT MODALITY,TOTAL,WITHIN STANDARD,BREACHES',
  );
  for (let m = 0; m < months; m += 1) {
    const period = `${2025 + Math.floor((3 + m) / 12)}-${String(((3 + m) % 12) + 1).padStart(2, '0')}`;
    for (let p = 0; p < providers; p += 1) {
      for (const [standard, types, routes, modalities] of STANDARDS) {
        for (const type of types) {
          for (const route of routes) {
            for (const modality of modalities) {
              const total = 1 + Math.floor(random() * 60);
              const breaches = Math.floor(random() * total * 0.3 * 2) / 2;
              await write(
                [
                  period,
                  standard,
                  orgCode(p),
                  quote(type),
                  quote(route),
                  modality,
                  total,
                  total - breaches,
                  breaches,
                ].join(','),
              );
              rows += 1;
            }
          }
        }
      }
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return rows;
}

/** Runs `work`, sampling this process's resident memory; returns seconds and the peak. */
async function measured(
  work: () => Promise<unknown>,
): Promise<{ seconds: number; peakRssMb: number; baseRssMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  await work();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakRssMb: peak / 2 ** 20, baseRssMb: base / 2 ** 20 };
}

/**
 * The least an import that keeps the file's checks could take, over the raw COPY's table:
 * the COPY itself, then the passes no import can skip, each as cheap as SQL can make it and
 * with parsing, validation and the detection of breaches counted as free. The search for
 * repeated rows over the row key, the search for totals among their siblings (the grouping
 * alone, not the marking), and the write into a table of the submission's columns with no
 * index at all. Measured in the same run, so its ratio shows how far the goal can be reached
 * on this machine.
 */
async function least(client: PoolClient, copySeconds: number) {
  const t = `"${schema}"`;
  const parts: [string, string][] = [
    [
      'repeats',
      `SELECT count(*) FROM (SELECT 1 FROM ${t}.raw_cwt
         GROUP BY period, standard, org_code, cancer_type, route, modality HAVING count(*) > 1) r`,
    ],
    [
      'totals',
      `SELECT count(*) FROM (SELECT 1 FROM ${t}.raw_cwt
         GROUP BY period, standard, org_code, cancer_type, route
        HAVING bool_or(modality <> 'ALL MODALITIES')) g`,
    ],
    [
      'write',
      `INSERT INTO ${t}.unindexed_submission
       SELECT to_date(period, 'YYYY-MM'), standard, org_code, 'provider', cancer_type,
              cancer_type, route, modality, total, within, breaches, false,
              '00000000-0000-4000-8000-000000000000', 'provisional'
         FROM ${t}.raw_cwt`,
    ],
  ];
  await client.query(
    `CREATE TABLE ${t}.unindexed_submission (period date, standard varchar(20), org_code varchar(9),
       basis varchar(12), cancer_type varchar(200), cancer_type_key varchar(200), route varchar(200),
       modality varchar(200), total numeric(12,1), within numeric(12,1), breaches numeric(12,1),
       aggregate boolean, import_id uuid, data_status varchar(12))`,
  );
  await client.query(`ANALYZE ${t}.raw_cwt`);
  let seconds = copySeconds;
  const timed = [`COPY ${copySeconds.toFixed(2)} s`];
  for (const [name, sql] of parts) {
    const start = performance.now();
    await client.query(sql);
    const took = (performance.now() - start) / 1000;
    seconds += took;
    timed.push(`${name} ${took.toFixed(2)} s`);
  }
  return { seconds, parts: timed.join(', ') };
}

const schema = uniqueName('bench_perf');
const file = path.join(os.tmpdir(), `cwt-year-${randomUUID()}.csv`);
let app: INestApplication | undefined;
try {
  process.stdout.write(`generating ${providers} providers x ${months} months ... `);
  const rows = await generate(file);
  const megabytes = statSync(file).size / 2 ** 20;
  console.log(`${rows} rows, ${megabytes.toFixed(0)} MB`);

  app = await createPerformanceApp({
    NODE_ENV: 'production',
    DATABASE_URL: testInfra.databaseUrl,
    DATABASE_SCHEMA: schema,
    KAFKA_BROKERS: testInfra.kafkaBrokers.join(','),
    // The platform's topics under a prefix of this run's own, so its events reach a real topic.
    KAFKA_TOPIC_PREFIX: await isolatedTopicPrefix(testKafka(), schema),
    // Nothing is called over HTTP: the issuer is named only because production requires one.
    AUTH_ISSUER: 'http://127.0.0.1:3010',
    LOG_LEVEL: 'warn',
    // A national year is past the default caps (a national month fits them): raised to admit it.
    IMPORT_MAX_BYTES: String(statSync(file).size),
    IMPORT_MAX_ROWS: String(rows),
    IMPORT_MAX_SECONDS: '600',
  });
  await app.init();
  const dataSource = app.get(DataSource);
  // 21 alliances, the providers shared among them, so detection has real subjects.
  const alliances = Array.from({ length: 21 }, () => randomUUID());
  for (const [index, id] of alliances.entries()) {
    await dataSource.query(
      `INSERT INTO "${schema}".alliance_ref (id, code, name, nation) VALUES ($1, $2, $3, 'england')`,
      [id, `A${index}`, `Alliance ${index}`],
    );
  }
  for (let p = 0; p < providers; p += 1) {
    await dataSource.query(
      `INSERT INTO "${schema}".provider (ods_code, alliance_id, source) VALUES ($1, $2, 'admin')`,
      [orgCode(p), alliances[p % alliances.length]],
    );
  }

  const importer = app.get(SubmissionImportService);
  let report: Awaited<ReturnType<SubmissionImportService['importCsv']>> | undefined;
  const phases: string[] = [];
  const imported = await measured(async () => {
    report = await importer.importCsv(createReadStream(file), {
      source: 'csv',
      fileName: path.basename(file),
      mode: 'all-or-nothing',
      submittedBy: 'bench',
      onPhase: (name, ms) => phases.push(`${name} ${(ms / 1000).toFixed(2)} s`),
    });
  });
  if (report?.status !== 'imported' || report.rowsImported !== rows) {
    throw new Error(
      `import did not take every row: ${JSON.stringify({ ...report, problems: report?.problems.slice(0, 3) })}`,
    );
  }

  // The floor: the same bytes straight into a table of text columns, no parsing in Node.
  await dataSource.query(
    `CREATE TABLE "${schema}".raw_cwt (period text, standard text, org_code text, cancer_type text, route text, modality text, total numeric, within numeric, breaches numeric)`,
  );
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const raw = await measured(() =>
    pipeline(
      createReadStream(file),
      client.query(copyFrom(`COPY "${schema}".raw_cwt FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    ),
  );
  const ceiling = await least(client, raw.seconds);
  await runner.release();

  const rate = (seconds: number) => Math.round(rows / seconds);
  console.log(
    `rows: ${rows} (${report.aggregateRows} ALL ... totals), ${report.detection?.subjects ?? 0} subjects detected, ${report.detection?.breached ?? 0} breaches announced`,
  );
  console.log(
    `importer: ${imported.seconds.toFixed(1)} s, ${rate(imported.seconds)} rows/s, peak RSS ${imported.peakRssMb.toFixed(0)} MB (${(imported.peakRssMb - imported.baseRssMb).toFixed(0)} MB above the ${imported.baseRssMb.toFixed(0)} MB before it)`,
  );
  console.log(`importer phases: ${phases.join(', ')}`);
  console.log(`raw COPY: ${raw.seconds.toFixed(1)} s, ${rate(raw.seconds)} rows/s`);
  console.log(`file ${megabytes.toFixed(0)} MB`);
  console.log(
    `least any import keeping the checks could take: ${ceiling.seconds.toFixed(1)} s (${ceiling.parts}), so at best ${(raw.seconds / ceiling.seconds).toFixed(2)} of the raw COPY on this machine`,
  );
  console.log(`ratio cwt-import: ${(raw.seconds / imported.seconds).toFixed(2)}`);
} finally {
  await closeAppsDroppingSchema(app ? [app] : [], schema);
  unlinkSync(file);
}
