import { request as httpRequest } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  isolatedTopicPrefix,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
} from '#testing';
import { createPerformanceApp } from '../src/bootstrap.js';
import { DetectionService } from '../src/detection/detection.service.js';
import { anFdsLine, csv, PROVIDER_HEADER } from './builders.js';

interface Run {
  id: string;
  status: string;
  fileName: string | null;
  rowsRead: number;
  problems: { line: number; problem: string }[];
}

/**
 * POST /imports against small caps, with the performance service alone (no membership: its
 * rows import as unmapped). Every attempt, whatever stopped it, is kept in GET /imports.
 */
describe('CSV imports: caps, and a record of every attempt (real PostgreSQL and Kafka)', () => {
  const run = uniqueName('perfimp');
  const schema = `${run}_performance`;
  let identity: TestIdentity;
  let admin: string;
  let app: INestApplication;
  let url: string;

  const api = () => request(app.getHttpServer());
  const importCsv = (body: string | Buffer, fileName: string) =>
    api()
      .post(`/imports?fileName=${fileName}`)
      .set('authorization', admin)
      .set('content-type', 'text/csv')
      .send(body);
  const runNamed = async (fileName: string): Promise<Run | undefined> => {
    const runs = await api().get('/imports?limit=200').set('authorization', admin).expect(200);
    return (runs.body as { items: Run[] }).items.find((r) => r.fileName === fileName);
  };
  /** Connections of this database holding a transaction over an import's staging table. */
  const stagingTransactions = async () => {
    const [row] = await app.get(DataSource).query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND xact_start IS NOT NULL
            AND query ILIKE '%cwt_staging%' AND pid <> pg_backend_pid()`,
    );
    return row!.n;
  };

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    app = await createPerformanceApp({
      ...serviceTestEnv('performance', { schema, prefix, identity }),
      IMPORT_MAX_BYTES: String(2 * 1024 * 1024),
      IMPORT_MAX_ROWS: '100',
      IMPORT_MAX_COLUMNS: '60',
      IMPORT_MAX_SECONDS: '3',
    });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  }, 120_000);

  afterAll(async () => {
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
    await identity?.stop();
  });

  it('refuses a 200,000-column header with a 422 naming the cap, and keeps the attempt', async () => {
    const extra = Array.from({ length: 200_000 - 9 }, (_, i) => `DAYS_${i}`);
    const header = [PROVIDER_HEADER, ...extra].join(',');
    const refused = await importCsv(csv(header, anFdsLine()), 'wide.csv').expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toMatch(/line 1 has more than 60 columns/);
    expect(refused.body.report).toMatchObject({ status: 'rejected', fileName: 'wide.csv' });
    expect(await runNamed('wide.csv')).toMatchObject({
      id: refused.body.report.importId,
      status: 'rejected',
      problems: [{ line: 1, problem: expect.stringMatching(/line 1 has more than 60 columns/) }],
    });
  });

  it('refuses a file over the byte cap with a 413, and keeps the attempt', async () => {
    // Under the row cap: 80 rows of 30,000 bytes.
    const line = `${anFdsLine({ cancerType: 'x'.repeat(30_000) })}\n`;
    const big = `${PROVIDER_HEADER}\n${line.repeat(80)}`;
    const refused = await importCsv(big, 'big.csv').expect(413);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 413,
      detail: expect.stringMatching(/larger than 2097152 bytes/),
      report: { status: 'rejected' },
    });
    expect(await runNamed('big.csv')).toMatchObject({
      status: 'rejected',
      problems: [{ line: 0, problem: expect.stringMatching(/larger than 2097152 bytes/) }],
    });
  });

  it('refuses a file over the row cap with a 422, and keeps the attempt', async () => {
    const rows = Array.from({ length: 101 }, (_, i) =>
      anFdsLine({ orgCode: `R${String(i).padStart(3, '0')}` }),
    );
    const refused = await importCsv(csv(PROVIDER_HEADER, rows), 'long.csv').expect(422);
    expect(refused.body.detail).toMatch(/more than 100 rows/);
    expect(await runNamed('long.csv')).toMatchObject({
      status: 'rejected',
      problems: [{ line: 102, problem: expect.stringMatching(/more than 100 rows/) }],
    });
    // The cap itself is allowed.
    await importCsv(csv(PROVIDER_HEADER, rows.slice(0, 100)), 'hundred.csv').expect(201);
  });

  it('keeps a file with a bad row, and one that failed unexpectedly', async () => {
    await importCsv(
      csv(PROVIDER_HEADER, anFdsLine({ within: 7, breaches: 2 })),
      'bad-row.csv',
    ).expect(422);
    expect(await runNamed('bad-row.csv')).toMatchObject({
      status: 'rejected',
      problems: [{ line: 2, problem: expect.stringContaining('do not add up') }],
    });

    const detection = app.get(DetectionService);
    const detect = detection.detect.bind(detection);
    detection.detect = () => Promise.reject(new Error('the detector fell over'));
    try {
      const failed = await importCsv(csv(PROVIDER_HEADER, anFdsLine()), 'failed.csv').expect(500);
      expect(failed.body.correlationId).toEqual(expect.any(String));
      expect(await runNamed('failed.csv')).toMatchObject({
        status: 'failed',
        rowsRead: 1,
        problems: [
          {
            line: 0,
            problem: `the import failed unexpectedly (correlation id ${failed.body.correlationId}): nothing was imported`,
          },
        ],
      });
    } finally {
      detection.detect = detect;
    }
    // Its rows were rolled back with it.
    const [row] = await app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${schema}".submission`);
    expect(row!.n).toBe(100);
  });

  it('names a repeated row in a file with no other bad row, and imports the rest when asked', async () => {
    // Every row reads well, so the row key finds the repeat as the rows are written.
    const body = csv(
      PROVIDER_HEADER,
      anFdsLine({ period: '2026-02', orgCode: 'RDP1' }),
      anFdsLine({ period: '2026-02', orgCode: 'RDP2' }),
      anFdsLine({ period: '2026-02', orgCode: 'RDP1', within: 6 }),
    );
    const repeat = {
      line: 4,
      problem:
        'the same month, standard, provider, basis, cancer type, route and modality as line 2',
    };
    const refused = await importCsv(body, 'repeat.csv').expect(422);
    expect(refused.body.report).toMatchObject({
      status: 'rejected',
      rowsRead: 3,
      rowsImported: 0,
      rowsRejected: 1,
      problems: [repeat],
    });
    const partial = await api()
      .post('/imports?fileName=repeat-good-rows.csv&mode=good-rows')
      .set('authorization', admin)
      .set('content-type', 'text/csv')
      .send(body)
      .expect(201);
    expect(partial.body).toMatchObject({
      status: 'imported',
      rowsRead: 3,
      rowsImported: 2,
      rowsRejected: 1,
      problems: [repeat],
    });
    const [row] = await app
      .get(DataSource)
      .query<{ within: string }[]>(
        `SELECT within FROM "${schema}".submission WHERE org_code = 'RDP1' AND period = '2026-02-01'`,
      );
    expect(Number(row!.within)).toBe(8);
  });

  it('reads a slow upload before opening a transaction, and stops it at the time cap', async () => {
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const upload = httpRequest(
        `${url}/imports?fileName=slow.csv`,
        { method: 'POST', headers: { authorization: admin, 'content-type': 'text/csv' } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            upload.destroy();
            resolve({ status: response.statusCode ?? 0, body });
          });
        },
      );
      upload.on('error', reject);
      upload.write(`${PROVIDER_HEADER}\n${anFdsLine()}\n`);
      // The rest never comes: the upload stalls, as a slow or hostile client's would.
    });
    let stalled = 0;
    const settled = answer.finally(() => (stalled = -1));
    while (stalled >= 0 && stalled < 25) {
      // While the upload stalls, no import transaction holds a connection.
      expect(await stagingTransactions()).toBe(0);
      stalled += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { status, body } = await settled;
    expect(status).toBe(408);
    expect(JSON.parse(body)).toMatchObject({
      status: 408,
      detail: expect.stringMatching(/took longer than 3 s/),
    });
    await waitFor('the slow attempt to be kept', async () => Boolean(await runNamed('slow.csv')));
    expect(await runNamed('slow.csv')).toMatchObject({
      status: 'rejected',
      problems: [{ line: 0, problem: expect.stringMatching(/took longer than 3 s/) }],
    });
  });
});
