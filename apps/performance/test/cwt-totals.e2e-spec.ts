import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  isolatedTopicPrefix,
  MembershipProcess,
  outboxDelivered,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  TopicRecorder,
  uniqueName,
  waitFor,
} from '#testing';
import { createPerformanceApp } from '../src/bootstrap.js';
import { aCwtLine, aSubmissionRow, csv, PROVIDER_HEADER } from './builders.js';

/**
 * One provider's month of 28-day FDS as published: lung and breast by route, each with its
 * `ALL ROUTES` total beside it, every row carrying `modality`. Lung is `lungShare` within 28 days.
 */
const fdsMonth = (period: string, orgCode: string, lungShare: number, modality: string) => {
  const line = (cancerType: string, route: string, total: number, within: number) =>
    aCwtLine({ period, orgCode, cancerType, route, modality, total, within });
  const lung = 'Suspected lung cancer';
  const breast = 'Suspected breast cancer';
  return [
    line(lung, 'URGENT SUSPECTED CANCER', 80, 80 * lungShare),
    line(lung, 'NATIONAL SCREENING PROGRAMME', 20, 20 * lungShare),
    line(lung, 'ALL ROUTES', 100, 100 * lungShare),
    line(breast, 'URGENT SUSPECTED CANCER', 60, 57),
    line(breast, 'BREAST SYMPTOMATIC, CANCER NOT SUSPECTED', 40, 38),
    line(breast, 'ALL ROUTES', 100, 95),
  ];
};

/**
 * A winter of FDS for two trusts: lung at 70% and 65% against the 75% standard, then two months
 * back on it (85%, 90%), as recovery takes.
 */
const winter = (orgCodes: [string, string], modality: string) =>
  csv(
    PROVIDER_HEADER,
    (
      [
        ['2026-01', 0.7],
        ['2026-02', 0.65],
        ['2026-03', 0.85],
        ['2026-04', 0.9],
      ] as const
    ).flatMap(([period, share]) =>
      orgCodes.flatMap((orgCode) => fdsMonth(period, orgCode, share, modality)),
    ),
  );

/**
 * Totals decided by their siblings (#17): an `ALL ...` value is a total only where the file
 * breaks that dimension down. Two alliances get the same figures, one in a file whose FDS rows
 * all say `ALL MODALITIES`, the other with the modality blank.
 */
describe('CWT totals by their siblings (real PostgreSQL and Kafka, membership as its own process)', () => {
  const run = uniqueName('perftot');
  const schema = `${run}_performance`;
  const kafka = testKafka();
  let prefix: string;
  let identity: TestIdentity;
  let admin: string;
  let membership: MembershipProcess;
  let app: INestApplication;
  let recorder: TopicRecorder;
  const alliances: Record<'all' | 'blank', { id: string; groupId: string }> = {
    all: { id: '', groupId: '' },
    blank: { id: '', groupId: '' },
  };

  const api = () => request(app.getHttpServer());
  const importCsv = (body: string, query = '') =>
    api()
      .post(`/imports${query}`)
      .set('authorization', admin)
      .set('content-type', 'text/csv')
      .send(body);
  const events = (type: string, allianceId: string) =>
    recorder
      .events(`${prefix}performance.events`, type)
      .filter((event) => event.data.allianceId === allianceId);
  const settled = () =>
    outboxDelivered({
      dataSource: app.get(DataSource),
      schema,
      recorder,
      topic: `${prefix}performance.events`,
    });
  const lungFds = async (allianceId: string) =>
    (
      await api()
        .get('/performance')
        .query({ by: 'alliance-tumour-site', allianceId, standard: 'fds-28' })
        .set('authorization', admin)
        .expect(200)
    ).body as { items: object[] };

  beforeAll(async () => {
    prefix = await isolatedTopicPrefix(kafka, run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    membership = await MembershipProcess.start({ run, prefix, identity });
    app = await createPerformanceApp(serviceTestEnv('performance', { schema, prefix, identity }));
    await app.startAllMicroservices();
    await app.init();
    recorder = await TopicRecorder.start(kafka, [`${prefix}performance.events`]);

    for (const [key, code, trusts] of [
      ['all', 'TOA', ['RA1', 'RA2']],
      ['blank', 'TOB', ['RB1', 'RB2']],
    ] as const) {
      const ladder = await membership.ladder(code, {});
      alliances[key] = { id: ladder.allianceId, groupId: ladder.groupId };
      for (const odsCode of trusts) {
        await membership.create('/organisations', {
          odsCode,
          name: `Trust ${odsCode}`,
          type: 'acute-trust',
          allianceId: ladder.allianceId,
        });
      }
    }
    await waitFor('membership to reach the reference data', async () => {
      const [row] = await app.get(DataSource).query<{ providers: number; bodies: number }[]>(
        `SELECT (SELECT count(*)::int FROM "${schema}".provider WHERE alliance_id IS NOT NULL) AS providers,
                (SELECT count(*)::int FROM "${schema}".site_body) AS bodies`,
      );
      return row!.providers === 4 && row!.bodies >= 6;
    });
  }, 120_000);

  afterAll(async () => {
    await recorder?.close();
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
    await membership?.stop();
    await identity?.stop();
  });

  it('counts FDS rows that all say ALL MODALITIES exactly as rows with the modality blank', async () => {
    const withAll = await importCsv(winter(['RA1', 'RA2'], 'ALL MODALITIES')).expect(201);
    const blank = await importCsv(winter(['RB1', 'RB2'], '')).expect(201);
    const perMonth = (period: string) => ({
      standard: 'fds-28',
      period,
      rowsCounted: 8,
      rowsTotals: 4,
    });
    for (const report of [withAll.body, blank.body]) {
      expect(report).toMatchObject({
        status: 'imported',
        rowsRead: 48,
        rowsImported: 48,
        aggregateRows: 16,
        problems: [],
        byStandardAndPeriod: ['2026-01', '2026-02', '2026-03', '2026-04'].map(perMonth),
      });
    }
    const kept = await api()
      .get(`/imports/${withAll.body.importId as string}`)
      .set('authorization', admin)
      .expect(200);
    expect(kept.body.byStandardAndPeriod).toEqual(withAll.body.byStandardAndPeriod);

    // The same figures: the routes' details, never their ALL ROUTES totals as well.
    const figures = await lungFds(alliances.all.id);
    expect(figures.items.filter((row) => 'tumourSite' in row && row.tumourSite === 'lung')).toEqual(
      [
        expect.objectContaining({ period: '2026-01', total: 200, within: 140, value: 0.7 }),
        expect.objectContaining({ period: '2026-02', total: 200, within: 130, value: 0.65 }),
        expect.objectContaining({ period: '2026-03', total: 200, within: 170, value: 0.85 }),
        expect.objectContaining({ period: '2026-04', total: 200, within: 180, value: 0.9 }),
      ],
    );
    const strip = (rows: object[]) =>
      rows.map((row) => {
        const { allianceId: _id, allianceCode: _code, ...rest } = row as Record<string, unknown>;
        return rest;
      });
    expect(strip(figures.items)).toEqual(strip((await lungFds(alliances.blank.id)).items));

    // The same breach and recovery, each at its alliance's lung group.
    await settled();
    const announced = (key: 'all' | 'blank') => {
      const { id, groupId } = alliances[key];
      const breached = events('performance.standard-breached.v1', id);
      const recovered = events('performance.standard-recovered.v1', id);
      expect(breached.map((e) => e.data.bodyId)).toEqual([groupId]);
      return [...breached, ...recovered].map((event) => {
        const { allianceId: _id, allianceCode: _code, bodyId: _body, ...data } = event.data;
        return { type: event.type, data };
      });
    };
    const withAllEvents = announced('all');
    expect(withAllEvents).toEqual([
      {
        type: 'performance.standard-breached.v1',
        data: expect.objectContaining({
          tumourSite: 'lung',
          period: '2026-02',
          value: 0.65,
          months: [
            expect.objectContaining({ period: '2026-01', total: 200, within: 140 }),
            expect.objectContaining({ period: '2026-02', total: 200, within: 130 }),
          ],
        }),
      },
      {
        type: 'performance.standard-recovered.v1',
        data: expect.objectContaining({ tumourSite: 'lung', period: '2026-04', value: 0.9 }),
      },
    ]);
    expect(withAllEvents).toEqual(announced('blank'));
  });

  it('decides totals the same way for rows sent through POST /submissions', async () => {
    const row = (overrides: Parameters<typeof aSubmissionRow>[0]) =>
      aSubmissionRow({ orgCode: 'RC1', period: '2026-08', ...overrides });
    const answer = await api()
      .post('/submissions')
      .set('authorization', admin)
      .send({
        rows: [
          // FDS: ALL MODALITIES is the detail; ALL ROUTES totals the route beside it.
          row({
            standard: 'fds-28',
            cancerType: 'Suspected lung cancer',
            route: 'URGENT SUSPECTED CANCER',
            modality: 'ALL MODALITIES',
            total: 10,
            within: 8,
            breaches: 2,
          }),
          row({
            standard: 'fds-28',
            cancerType: 'Suspected lung cancer',
            route: 'ALL ROUTES',
            modality: 'ALL MODALITIES',
            total: 10,
            within: 8,
            breaches: 2,
          }),
          // A total in two dimensions of a row that breaks both down.
          row({ standard: 'combined-31', route: 'First Treatment', modality: 'Surgery' }),
          row({ standard: 'combined-31', route: 'ALL ROUTES', modality: 'ALL MODALITIES' }),
          // ALL CANCERS with no cancer type beside it: the detail.
          row({
            standard: 'combined-62',
            cancerType: 'ALL CANCERS',
            route: 'URGENT SUSPECTED CANCER',
          }),
        ],
      })
      .expect(201);
    expect(answer.body).toMatchObject({
      status: 'imported',
      aggregateRows: 2,
      byStandardAndPeriod: [
        { standard: 'combined-31', period: '2026-08', rowsCounted: 1, rowsTotals: 1 },
        { standard: 'combined-62', period: '2026-08', rowsCounted: 1, rowsTotals: 0 },
        { standard: 'fds-28', period: '2026-08', rowsCounted: 1, rowsTotals: 1 },
      ],
    });
    const stored = await api()
      .get('/submissions')
      .query({ orgCode: 'RC1', period: '2026-08', limit: 10 })
      .set('authorization', admin)
      .expect(200);
    const totals = (stored.body as { items: { route: string; aggregate: boolean }[] }).items
      .filter((item) => item.aggregate)
      .map((item) => item.route);
    expect(totals).toEqual(['ALL ROUTES', 'ALL ROUTES']);
  });

  it('imports an older extract with two-week-wait rows beside FDS rows whole, skipping them with a note', async () => {
    const twoWeekWait = (orgCode: string) => [
      aCwtLine({ period: '2026-09', standard: '2WW', orgCode, total: 50, within: 40 }),
      aCwtLine({ period: '2026-09', standard: 'Two Week Wait', orgCode, route: 'ALL ROUTES' }),
      aCwtLine({
        period: '2026-09',
        standard: '2WW Breast Symptomatic',
        orgCode,
        cancerType: 'Exhibited (non-cancer) breast symptoms',
        route: '',
        total: 30,
        within: 29,
      }),
    ];
    const older = csv(
      PROVIDER_HEADER,
      twoWeekWait('RA1'),
      fdsMonth('2026-09', 'RA1', 0.7, ''),
      twoWeekWait('RA2'),
      fdsMonth('2026-09', 'RA2', 0.7, ''),
    );
    const without = csv(
      PROVIDER_HEADER,
      fdsMonth('2026-09', 'RB1', 0.7, ''),
      fdsMonth('2026-09', 'RB2', 0.7, ''),
    );
    const note =
      'The two-week-wait standards were retired in October 2023 and their rows are not counted.';

    const imported = await importCsv(older).expect(201);
    expect(imported.body).toMatchObject({
      status: 'imported',
      mode: 'all-or-nothing',
      rowsRead: 18,
      rowsImported: 12,
      rowsRejected: 0,
      rowsSkipped: 6,
      skipped: [
        { standard: '2WW', rows: 4 },
        { standard: '2WW Breast Symptomatic', rows: 2 },
      ],
      notes: [note],
      problems: [],
      standards: ['fds-28'],
      byStandardAndPeriod: [
        { standard: 'fds-28', period: '2026-09', rowsCounted: 8, rowsTotals: 4 },
      ],
    });
    const kept = await api()
      .get(`/imports/${imported.body.importId as string}`)
      .set('authorization', admin)
      .expect(200);
    expect(kept.body).toMatchObject({
      status: 'imported',
      rowsSkipped: 6,
      skipped: imported.body.skipped,
      notes: [note],
    });
    const plain = await importCsv(without).expect(201);
    expect(plain.body).toMatchObject({ rowsRead: 12, rowsImported: 12, rowsSkipped: 0, notes: [] });

    // The same figures as the file without them: FDS only, no two-week-wait row stored.
    const september = async (allianceId: string) =>
      (await lungFds(allianceId)).items
        .filter((row) => 'period' in row && row.period === '2026-09')
        .map((row) => {
          const { allianceId: _id, allianceCode: _code, ...rest } = row as Record<string, unknown>;
          return rest;
        });
    const withSkipped = await september(alliances.all.id);
    expect(withSkipped).toContainEqual(
      expect.objectContaining({ tumourSite: 'lung', total: 200, within: 140, value: 0.7 }),
    );
    expect(withSkipped).toEqual(await september(alliances.blank.id));
    const [stored] = await app.get(DataSource).query<{ rows: number; standards: string[] }[]>(
      `SELECT count(*)::int AS rows, array_agg(DISTINCT standard) AS standards
         FROM "${schema}".submission WHERE org_code IN ('RA1', 'RA2') AND period = '2026-09-01'`,
    );
    expect(stored).toEqual({ rows: 12, standards: ['fds-28'] });
  });

  it('reports a file with no countable row: refused whole by default, listed in good-rows mode', async () => {
    const commissionerOnly = csv(
      'ORG_CODE,ORG_NAME,BASIS,STANDARD_OR_ITEM,REFERRAL_ROUTE_OR_STAGE,CANCER_TYPE,TREATMENT_MODALITY,TOTAL,WITHIN,AFTER',
      'RA1,Trust RA1,Commissioner,62D,URGENT SUSPECTED CANCER,Lung,Surgery,10,7,3',
      'RA1,Trust RA1,Commissioner,62D,ALL ROUTES,Lung,ALL MODALITIES,10,7,3',
    );
    const problem = {
      line: 2,
      problem: expect.stringMatching(/^combined-62 2026-06: no row to count .*1 are totals/),
    };
    const refused = await importCsv(commissionerOnly, '?period=2026-06').expect(422);
    expect(refused.body.detail).toMatch(
      /combined-62 2026-06: no row to count.*nothing was imported$/,
    );
    expect(refused.body.report).toMatchObject({
      status: 'rejected',
      rowsRejected: 0,
      problems: [problem],
      byStandardAndPeriod: [
        { standard: 'combined-62', period: '2026-06', rowsCounted: 0, rowsTotals: 1 },
      ],
    });

    const listed = await importCsv(commissionerOnly, '?period=2026-06&mode=good-rows').expect(201);
    expect(listed.body).toMatchObject({ status: 'imported', rowsImported: 2, problems: [problem] });
  });

  it('imports a PHS 62-day file as published: boards, quarters, and its totals kept apart', async () => {
    const header =
      'Quarter,HB,HBQF,HBT,CancerType,CancerTypeQF,NumberOfEligibleReferrals62DayStandard,NumberOfEligibleReferrals62DayStandardQF,NumberOfEligibleReferralsTreatedWithin62Days,NumberOfEligibleReferralsTreatedWithin62DaysQF';
    const answer = await importCsv(
      csv(
        header,
        '2024Q3,S08000031,,S08000031,Breast,,90,,80,',
        '2024Q3,S08000031,,S08000032,Breast,,10,,9,',
        '2024Q3,S08000031,,S92000003,Breast,,100,,89,',
        '2024Q3,S08000031,,S92000003,All Cancer Types,d,100,,89,',
        '2024Q3,S92000003,d,S92000003,Breast,,500,,480,',
        '2024Q4,S08000031,,S92000003,Cervical,,20,,19,',
      ),
      '?fileName=phs-62.csv',
    ).expect(201);
    expect(answer.body).toMatchObject({
      status: 'imported',
      layout: 'phs-62-day',
      standards: ['scotland-62'],
      periods: ['2024-07', '2024-10'],
      unmappedCancerTypes: [],
      byStandardAndPeriod: [
        // Greater Glasgow and Clyde's breast by treatment board; its Scotland-wide treatment
        // total, All Cancer Types and Scotland as a whole are totals.
        { standard: 'scotland-62', period: '2024-07', rowsCounted: 2, rowsTotals: 3 },
        // A board with no breakdown by treatment board: its one row is the detail.
        { standard: 'scotland-62', period: '2024-10', rowsCounted: 1, rowsTotals: 0 },
      ],
    });
  });
});
