import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  isolatedTopicPrefix,
  outboxDelivered,
  MembershipProcess,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  TopicRecorder,
  uniqueName,
  waitFor,
} from '#testing';
import { createPerformanceApp } from '../src/bootstrap.js';
import { aSubmissionRow, anFdsLine, csv, PROVIDER_HEADER } from './builders.js';

/** One month of RGT's FDS for a suspected cancer: `share` of `total` told in 28 days. */
const fds = (cancerType: string, period: string, share: number, total = 100) =>
  anFdsLine({ period, orgCode: 'RGT', cancerType, total, within: Math.round(total * share) });

/**
 * The targets model (docs/targets.md) against the seeded 2024/25 figures: the constitutional
 * standards always in force, the planning ambitions as trajectories an alliance may compare
 * with, recovery after two months, a minimum of 20 patients a month, and breaches withdrawn
 * by revised figures.
 */
describe('targets, trajectories and detection rules (real Kafka and PostgreSQL)', () => {
  const run = uniqueName('tgt');
  const kafka = testKafka();
  let prefix: string;
  let membership: MembershipProcess;
  let app: INestApplication;
  let recorder: TopicRecorder;
  let allianceId: string;
  let identity: TestIdentity;
  let admin: string;
  const api = () => request(app.getHttpServer());
  const importCsv = (body: string, query = '') =>
    api()
      .post(`/imports${query}`)
      .set('authorization', admin)
      .set('content-type', 'text/csv')
      .send(body)
      .expect(201);
  const events = (type: string, site: string, standard = 'fds-28') =>
    recorder
      .events(`${prefix}performance.events`, type)
      .filter((event) => event.subject === `${allianceId}:${site}:${standard}`);
  const settled = () =>
    outboxDelivered({
      dataSource: app.get(DataSource),
      schema: `${run}_performance`,
      recorder,
      topic: `${prefix}performance.events`,
    });
  const performance = async (site: string, standard = 'fds-28') => {
    const response = await api()
      .get('/performance')
      .query({ by: 'alliance-tumour-site', allianceId, standard, tumourSite: site })
      .set('authorization', admin)
      .expect(200);
    return (response.body as { items: Record<string, unknown>[] }).items;
  };

  beforeAll(async () => {
    prefix = await isolatedTopicPrefix(kafka, run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    membership = await MembershipProcess.start({ run, prefix, identity });
    app = await createPerformanceApp(
      serviceTestEnv('performance', { schema: `${run}_performance`, prefix, identity }),
    );
    await app.startAllMicroservices();
    await app.init();
    recorder = await TopicRecorder.start(kafka, [`${prefix}performance.events`]);
    const ladder = await membership.ladder('TGT', {});
    allianceId = ladder.allianceId;
    await membership.create('/organisations', {
      odsCode: 'RGT',
      name: 'Cambridge University Hospitals',
      type: 'acute-trust',
      allianceId,
    });
    await waitFor('membership to reach the reference data', async () => {
      const [row] = await app
        .get(DataSource)
        .query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${run}_performance".provider WHERE alliance_id = $1`,
          [allianceId],
        );
      return row?.n === 1;
    });
  }, 120_000);

  afterAll(async () => {
    await recorder?.close();
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_performance" CASCADE`);
    await app?.close();
    await membership?.stop();
    await identity?.stop();
  });

  it('keeps the constitutional standards open-ended and the planning ambitions as trajectories', async () => {
    const targets = await api()
      .get('/targets')
      .query({ on: '2030-01-01' })
      .set('authorization', admin)
      .expect(200);
    const values = Object.fromEntries(
      (targets.body as { items: { measure: string; value: number }[] }).items.map((t) => [
        t.measure,
        t.value,
      ]),
    );
    expect(values).toMatchObject({ 'fds-28': 0.75, 'combined-31': 0.96, 'combined-62': 0.85 });
    const trajectories = await api()
      .get('/trajectories')
      .query({ measure: 'combined-62' })
      .set('authorization', admin)
      .expect(200);
    expect(
      (
        trajectories.body as {
          items: { reachBy: string; value: number; confirmed: boolean; source: string }[];
        }
      ).items.map((t) => [t.reachBy, t.value, t.confirmed]),
    ).toEqual([
      ['2025-03-01', 0.7, true],
      ['2026-03-01', 0.75, true],
      ['2027-03-01', 0.8, false],
    ]);
  });

  it('finds 72% on the 62-day in 2024/25 below the 85% standard, and no recovery when the target is lowered', async () => {
    const rows = ['2024-10', '2024-11'].map((period) =>
      aSubmissionRow({
        period,
        standard: 'combined-62',
        cancerType: 'Lung',
        route: 'URGENT SUSPECTED CANCER',
        total: 100,
        within: 72,
        breaches: 28,
      }),
    );
    await api().post('/submissions').set('authorization', admin).send({ rows }).expect(201);
    await settled();
    expect(events('performance.standard-breached.v1', 'lung', 'combined-62')).toMatchObject([
      { data: { period: '2024-11', value: 0.72, target: 0.85 } },
    ]);
    expect(await performance('lung', 'combined-62')).toEqual([
      expect.objectContaining({
        period: '2024-10',
        target: 0.85,
        threshold: 0.85,
        trajectory: 0.7,
      }),
      expect.objectContaining({ period: '2024-11', target: 0.85 }),
    ]);

    // The alliance's own threshold of 70% for the year: 72% is then on it, but nothing recovers.
    await api()
      .post('/targets')
      .set('authorization', admin)
      .send({
        measure: 'combined-62',
        scopeKind: 'alliance',
        scopeValue: allianceId,
        value: 0.7,
        effectiveFrom: '2024-04-01',
        effectiveTo: '2025-03-31',
        source: 'Alliance board, for the test',
      })
      .expect(201);
    await api().post('/detection/run').set('authorization', admin).expect(200);
    await settled();
    expect(await performance('lung', 'combined-62')).toEqual([
      expect.objectContaining({ period: '2024-10', target: 0.7 }),
      expect.objectContaining({ period: '2024-11', target: 0.7 }),
    ]);
    expect(events('performance.standard-recovered.v1', 'lung', 'combined-62')).toEqual([]);
    expect(events('performance.standard-breach-withdrawn.v1', 'lung', 'combined-62')).toEqual([]);
  });

  it('neither breaches nor recovers on a month of 12 patients, and recovers only after two months', async () => {
    const skin = 'Suspected skin cancer';
    await importCsv(csv(PROVIDER_HEADER, fds(skin, '2024-10', 0.6), fds(skin, '2024-11', 0.5, 12)));
    await settled();
    expect(events('performance.standard-breached.v1', 'skin')).toEqual([]);
    await importCsv(csv(PROVIDER_HEADER, fds(skin, '2024-12', 0.6)));
    await settled();
    // The small month is passed over: October and December make the run.
    expect(events('performance.standard-breached.v1', 'skin')).toMatchObject([
      {
        data: {
          period: '2024-12',
          months: [{ period: '2024-10' }, { period: '2024-12' }],
        },
      },
    ]);
    await importCsv(csv(PROVIDER_HEADER, fds(skin, '2025-01', 0.9)));
    await importCsv(csv(PROVIDER_HEADER, fds(skin, '2025-02', 1, 12)));
    await settled();
    expect(events('performance.standard-recovered.v1', 'skin')).toEqual([]);
    await importCsv(csv(PROVIDER_HEADER, fds(skin, '2025-03', 0.9)));
    await settled();
    expect(events('performance.standard-recovered.v1', 'skin')).toMatchObject([
      { data: { period: '2025-03', breachedPeriod: '2024-12' } },
    ]);
  });

  it('withdraws a breach that final figures lift, and keeps each submission’s status', async () => {
    const gynae = 'Suspected gynaecological cancer';
    await importCsv(csv(PROVIDER_HEADER, fds(gynae, '2024-10', 0.6), fds(gynae, '2024-11', 0.6)));
    await settled();
    expect(events('performance.standard-breached.v1', 'gynaecology')).toHaveLength(1);
    const revised = await importCsv(
      csv(PROVIDER_HEADER, fds(gynae, '2024-11', 0.9)),
      '?dataStatus=final',
    );
    expect(revised.body).toMatchObject({ dataStatus: 'final', detection: { withdrawn: 1 } });
    await settled();
    expect(events('performance.standard-breach-withdrawn.v1', 'gynaecology')).toMatchObject([
      {
        data: {
          period: '2024-11',
          dataStatus: 'final',
          importId: revised.body.importId,
          months: [
            { period: '2024-10', value: 0.6 },
            { period: '2024-11', value: 0.9 },
          ],
        },
      },
    ]);
    const statusOf = async (period: string) => {
      const submissions = await api()
        .get('/submissions')
        .query({ orgCode: 'RGT', standard: 'fds-28', period })
        .set('authorization', admin)
        .expect(200);
      return (submissions.body as { items: { cancerType: string; dataStatus: string }[] }).items
        .filter((row) => row.cancerType === gynae)
        .map((row) => row.dataStatus);
    };
    expect(await statusOf('2024-11')).toEqual(['final']);
    expect(await statusOf('2024-10')).toEqual(['provisional']);
    // Announced once: the same revision again withdraws nothing more.
    await importCsv(csv(PROVIDER_HEADER, fds(gynae, '2024-11', 0.9)), '?dataStatus=final');
    await settled();
    expect(events('performance.standard-breach-withdrawn.v1', 'gynaecology')).toHaveLength(1);
    await api()
      .post('/imports?dataStatus=revised')
      .set('authorization', admin)
      .set('content-type', 'text/csv')
      .send(csv(PROVIDER_HEADER, fds(gynae, '2024-11', 0.9)))
      .expect(400)
      .expect(({ body }) => expect(JSON.stringify(body)).toContain('dataStatus must be'));
  });

  it('judges 76% FDS in 2024/25 by the standard, and by the trajectory when the policy says so', async () => {
    const lowerGi = 'Suspected lower gastrointestinal cancer';
    await importCsv(
      csv(
        PROVIDER_HEADER,
        ['2024-10', '2024-11', '2024-12'].map((p) => fds(lowerGi, p, 0.76)),
      ),
    );
    await settled();
    expect(events('performance.standard-breached.v1', 'lower-gi')).toEqual([]);
    expect((await performance('lower-gi'))[0]).toMatchObject({
      period: '2024-10',
      value: 0.76,
      target: 0.75,
      basis: 'standard',
      threshold: 0.75,
      // 75% in April to 77% by March, six months on.
      trajectory: 0.7609,
    });

    const policy = (body: object) =>
      api()
        .put(`/alliances/${allianceId}/performance-policy`)
        .set('authorization', admin)
        .send(body);
    await policy({ breachBasis: 'target' }).expect(400);
    const set = await policy({ breachBasis: 'trajectory', from: '2024-04' }).expect(200);
    expect(set.body).toMatchObject({ breachBasis: 'trajectory', figuresBasis: 'provider' });

    expect(await performance('lower-gi')).toEqual([
      expect.objectContaining({ period: '2024-10', basis: 'trajectory', target: 0.7609 }),
      expect.objectContaining({ period: '2024-11', target: 0.7627 }),
      expect.objectContaining({ period: '2024-12', target: 0.7645 }),
    ]);
    await api().post('/detection/run').set('authorization', admin).expect(200);
    await settled();
    expect(events('performance.standard-breached.v1', 'lower-gi')).toMatchObject([
      { data: { period: '2024-11', value: 0.76, target: 0.7627 } },
    ]);
  });

  it("adds up an alliance's figures on the commissioner basis from the month its policy says", async () => {
    await membership.create('/organisations', {
      odsCode: 'QUE',
      name: 'NHS Cambridgeshire and Peterborough ICB',
      type: 'integrated-care-board',
      allianceId,
    });
    await waitFor('the ICB to reach the reference data', async () => {
      const [row] = await app
        .get(DataSource)
        .query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${run}_performance".provider WHERE ods_code = 'QUE' AND alliance_id = $1`,
          [allianceId],
        );
      return row?.n === 1;
    });
    // The same patients told twice: by the trust that saw them and by the ICB that pays.
    const month = (period: string, provider: number, commissioner: number) =>
      importCsv(
        csv(
          'ORG_CODE,ORG_NAME,BASIS,STANDARD_OR_ITEM,REFERRAL_ROUTE_OR_STAGE,CANCER_TYPE,TREATMENT_MODALITY,TOTAL,WITHIN,AFTER',
          `RGT,Cambridge,Provider,FDS,URGENT SUSPECTED CANCER,Suspected skin cancer,,100,${provider},${100 - provider}`,
          `QUE,Cambridgeshire ICB,Commissioner,FDS,URGENT SUSPECTED CANCER,Suspected skin cancer,,80,${commissioner},${80 - commissioner}`,
        ),
        `?period=${period}`,
      );
    await month('2026-01', 90, 60);
    await month('2026-02', 90, 72);
    const figures = async () =>
      (await performance('skin'))
        .filter((row) => String(row['period']).startsWith('2026'))
        .map((row) => [row['period'], row['total'], row['within']]);
    expect(await figures()).toEqual([
      ['2026-01', 100, 90],
      ['2026-02', 100, 90],
    ]);
    const set = await api()
      .put(`/alliances/${allianceId}/performance-policy`)
      .set('authorization', admin)
      .send({ figuresBasis: 'commissioner', from: '2026-02' })
      .expect(200);
    expect(set.body).toMatchObject({ figuresBasis: 'commissioner' });
    // January stays on the provider basis; February on, the ICB's rows.
    expect(await figures()).toEqual([
      ['2026-01', 100, 90],
      ['2026-02', 80, 72],
    ]);
  });
});
