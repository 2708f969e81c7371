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
import {
  aBacklogWeek,
  aCoverageRow,
  aSubmissionRow,
  aTarget,
  anFdsLine,
  anUptakeRow,
  csv,
  PROVIDER_HEADER,
  type SubmissionRow,
} from './builders.js';

/**
 * A month of lung FDS for the alliance's two trusts, with the breast detail and the
 * provider's ALL CANCERS total as published. `lungShare` is the alliance's lung performance.
 */
const fdsMonth = (period: string, lungShare: number) => [
  anFdsLine({ period, orgCode: 'RGT', total: 100, within: Math.round(100 * lungShare) }),
  anFdsLine({ period, orgCode: 'RGN', total: 50, within: Math.round(50 * lungShare) }),
  anFdsLine({ period, cancerType: 'Suspected breast cancer', total: 200, within: 190 }),
  // Counting this total with the details above would lift lung above target.
  anFdsLine({ period, cancerType: 'ALL CANCERS', total: 300, within: 300 }),
];

describe('performance service with membership as its own process (real Kafka and PostgreSQL)', () => {
  const run = uniqueName('perf');
  const kafka = testKafka();
  let prefix: string;
  let membership: MembershipProcess;
  let app: INestApplication;
  let recorder: TopicRecorder;
  let allianceId: string;
  let lungGroupId: string;

  let identity: TestIdentity;
  let admin: string;
  const api = () => request(app.getHttpServer());
  const importCsv = (body: string, query = '') =>
    api()
      .post(`/imports${query}`)
      .set('authorization', admin)
      .set('content-type', 'text/csv')
      .send(body);
  const importProviders = (body: string) =>
    api()
      .post('/providers/import')
      .set('authorization', admin)
      .set('content-type', 'text/csv')
      .send(body);
  const submit = (rows: SubmissionRow[], token = admin) =>
    api().post('/submissions').set('authorization', token).send({ rows });
  const events = (type: string) => recorder.events(`${prefix}performance.events`, type);
  const count = async (table: string) => {
    const [row] = await app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${run}_performance".${table}`);
    return row!.n;
  };
  const settled = () =>
    outboxDelivered({
      dataSource: app.get(DataSource),
      schema: `${run}_performance`,
      recorder,
      topic: `${prefix}performance.events`,
    });

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

    const ladder = await membership.ladder('PRF', {});
    allianceId = ladder.allianceId;
    lungGroupId = ladder.groupId;
    for (const [odsCode, name] of [
      ['RGT', 'Cambridge University Hospitals'],
      ['RGN', 'North West Anglia'],
    ]) {
      await membership.create('/organisations', { odsCode, name, type: 'acute-trust', allianceId });
    }
    await waitFor('membership to reach the reference data', async () => {
      const providers = await count(`provider WHERE alliance_id = '${allianceId}'`);
      const bodies = await count(`site_body WHERE body_id = '${lungGroupId}'`);
      return providers === 2 && bodies === 1;
    });
  }, 120_000);

  afterAll(async () => {
    await recorder?.close();
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_performance" CASCADE`);
    await app?.close();
    await membership?.stop();
    await identity?.stop();
  });

  // Judged against the 75% FDS standard (no longer 80% read as a threshold), and recovered
  // after two months back on target (no longer one).
  it('announces lung FDS below target three months running once, its recovery once, and nothing on re-import', async () => {
    const winter = csv(
      PROVIDER_HEADER,
      fdsMonth('2026-01', 0.7),
      fdsMonth('2026-02', 0.72),
      fdsMonth('MAR-26', 0.74),
    );
    const first = await importCsv(winter, '?fileName=winter.csv').expect(201);
    expect(first.body).toMatchObject({
      status: 'imported',
      layout: 'provider-extract',
      rowsRead: 12,
      rowsImported: 12,
      aggregateRows: 3,
      rowsReplaced: 0,
      periods: ['2026-01', '2026-02', '2026-03'],
      standards: ['fds-28'],
      unmappedProviders: [],
      unmappedCancerTypes: [],
    });
    const spring = csv(PROVIDER_HEADER, fdsMonth('2026-04', 0.82), fdsMonth('2026-05', 0.8));
    await importCsv(spring).expect(201);
    await settled();

    const breached = events('performance.standard-breached.v1');
    expect(breached).toHaveLength(1);
    expect(breached[0]).toMatchObject({
      subject: `${allianceId}:lung:fds-28`,
      data: {
        allianceId,
        allianceCode: 'PRF',
        tumourSite: 'lung',
        bodyId: lungGroupId,
        standard: 'fds-28',
        period: '2026-02',
        value: 0.72,
        target: 0.75,
        gap: 0.03,
        monthsToBreach: 2,
        months: [
          { period: '2026-01', total: 150, within: 105, breaches: 45, value: 0.7, target: 0.75 },
          { period: '2026-02', total: 150, within: 108, breaches: 42, value: 0.72, target: 0.75 },
        ],
      },
    });
    const recovered = events('performance.standard-recovered.v1');
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toMatchObject({
      subject: `${allianceId}:lung:fds-28`,
      data: { period: '2026-05', value: 0.8, target: 0.75, breachedPeriod: '2026-02' },
    });
    // Breast stayed on target: nothing for it.
    expect(breached.concat(recovered).every((e) => e.data.tumourSite === 'lung')).toBe(true);

    const rows = await count('submission');
    const again = await importCsv(winter).expect(201);
    expect(again.body).toMatchObject({ rowsImported: 12, rowsReplaced: 12 });
    await importCsv(spring).expect(201);
    await api().post('/detection/run').set('authorization', admin).expect(200);
    await settled();
    expect(await count('submission')).toBe(rows);
    expect(events('performance.standard-breached.v1')).toHaveLength(1);
    expect(events('performance.standard-recovered.v1')).toHaveLength(1);
    expect(events('performance.submission-received.v1')).toHaveLength(4);

    const performance = await api()
      .get('/performance')
      .query({ by: 'alliance-tumour-site', allianceId, standard: 'fds-28', tumourSite: 'lung' })
      .set('authorization', admin)
      .expect(200);
    expect(performance.body).toEqual({
      items: [
        expect.objectContaining({
          period: '2026-01',
          total: 150,
          value: 0.7,
          target: 0.75,
          basis: 'standard',
          threshold: 0.75,
          // Shown beside it: the 2025/26 FDS trajectory's point (77% in April to 80% by March).
          trajectory: 0.7945,
          gap: 0.05,
        }),
        expect.objectContaining({ period: '2026-02', value: 0.72 }),
        expect.objectContaining({ period: '2026-03', value: 0.74, trajectory: 0.8 }),
        expect.objectContaining({ period: '2026-04', value: 0.82, gap: -0.07 }),
        expect.objectContaining({ period: '2026-05', value: 0.8 }),
      ],
      total: 5,
      limit: 50,
      offset: 0,
    });
    // A page at a time, in the same order; never more than 200 rows.
    const lung = { by: 'alliance-tumour-site', allianceId, standard: 'fds-28', tumourSite: 'lung' };
    const page = await api()
      .get('/performance')
      .query({ ...lung, limit: 2, offset: 1 })
      .set('authorization', admin)
      .expect(200);
    expect(page.body).toEqual({
      items: [
        expect.objectContaining({ period: '2026-02' }),
        expect.objectContaining({ period: '2026-03' }),
      ],
      total: 5,
      limit: 2,
      offset: 1,
    });
    await api()
      .get('/performance')
      .query({ ...lung, limit: 201 })
      .set('authorization', admin)
      .expect(400);
    const byProvider = await api()
      .get('/performance')
      .query({ by: 'provider', orgCode: 'RGT', standard: 'fds-28', from: '2026-01', to: '2026-01' })
      .set('authorization', admin)
      .expect(200);
    // Lung and breast details of RGT, not its ALL CANCERS total.
    expect(byProvider.body.items).toEqual([
      expect.objectContaining({ orgCode: 'RGT', total: 300, within: 260 }),
    ]);
  });

  it('refuses a row that is no object, and a count in exponent notation, with 400 naming them', async () => {
    const notObject = await api()
      .post('/submissions')
      .set('authorization', admin)
      .send({ rows: [[]] })
      .expect(400);
    expect(notObject.body).toMatchObject({ errors: [expect.objectContaining({ field: 'rows' })] });
    const tiny = await submit([aSubmissionRow({ within: -9e-323 })]).expect(400);
    expect(tiny.body).toMatchObject({
      errors: [expect.objectContaining({ field: 'rows.0.within' })],
    });
  });

  it('lists announcements a page at a time', async () => {
    const page = await api()
      .get('/announcements')
      .query({ limit: 1 })
      .set('authorization', admin)
      .expect(200);
    expect(page.body).toEqual({
      items: expect.any(Array),
      total: expect.any(Number),
      limit: 1,
      offset: 0,
    });
    expect(page.body.items.length).toBeLessThanOrEqual(1);
    const refused = await api()
      .get('/announcements?limit=201')
      .set('authorization', admin)
      .expect(400);
    expect(refused.body).toMatchObject({ errors: [expect.objectContaining({ field: 'limit' })] });
  });

  it('rejects a file with bad rows whole, naming each line; imports the good rows when asked', async () => {
    const before = await count('submission');
    const body = csv(
      PROVIDER_HEADER,
      // A month no other test imports: the good row replaces nothing.
      anFdsLine({ period: '2026-08' }),
      anFdsLine({ period: '2026-08', cancerType: 'Suspected skin cancer', within: 7, breaches: 2 }),
      anFdsLine({ period: '2026-13', orgCode: 'RGN' }),
      anFdsLine({ period: '2026-08', within: 9 }),
    );
    const rejected = await importCsv(body).expect(422);
    expect(rejected.body.errors).toContainEqual({
      field: 'line 3',
      line: 3,
      messages: ['within (7) and breaches (2) do not add up to total (10)'],
    });
    expect(rejected.body.report).toMatchObject({
      status: 'rejected',
      rowsRead: 4,
      rowsImported: 0,
      rowsRejected: 3,
      problems: [
        { line: 3, problem: 'within (7) and breaches (2) do not add up to total (10)' },
        { line: 4, problem: 'unreadable period "2026-13"' },
        {
          line: 5,
          problem:
            'the same month, standard, provider, basis, cancer type, route and modality as line 2',
        },
      ],
    });
    expect(await count('submission')).toBe(before);

    const partial = await importCsv(body, '?mode=good-rows').expect(201);
    expect(partial.body).toMatchObject({ status: 'imported', rowsImported: 1, rowsRejected: 3 });
    expect(await count('submission')).toBe(before + 1);

    const unreadable = await importCsv(
      csv(PROVIDER_HEADER, anFdsLine({ orgCode: 'RGN' }), '2026-05,"FDS,RGT'),
    ).expect(422);
    expect(unreadable.body.report.problems).toEqual([
      { line: 3, problem: expect.stringMatching(/^not readable as CSV: /) },
    ]);
    expect(await count('submission')).toBe(before + 1);

    const runs = await api().get('/imports').set('authorization', admin).expect(200);
    expect((runs.body as { items: object[] }).items.slice(0, 3)).toMatchObject([
      { status: 'rejected', rowsImported: 0 },
      { status: 'imported', mode: 'good-rows' },
      { status: 'rejected', mode: 'all-or-nothing', rowsRejected: 3 },
    ]);
  });

  it('reads the newer monthly CSV as found, with its month given by the uploader', async () => {
    const body = csv(
      'org_code,Org_Name,BASIS,Standard_Or_Item,REFERRAL_ROUTE_OR_STAGE,CANCER_TYPE,TREATMENT_MODALITY,TOTAL,WITHIN,AFTER,DAYS_0_62',
      'RGT,Cambridge,Provider,62D,URGENT SUSPECTED CANCER,Lung,Surgery,10,7.5,2.5,7.5',
      'RGT,Cambridge,Commissioner,62D,URGENT SUSPECTED CANCER,Lung,Surgery,12,8,4,8',
      'RGT,Cambridge,Provider,62D,ALL ROUTES,Lung,ALL MODALITIES,10,7.5,2.5,7.5',
    );
    const missingMonth = await importCsv(body).expect(422);
    expect(missingMonth.body.report.problems).toEqual([
      { line: 1, problem: expect.stringContaining('no column for period') },
    ]);
    const imported = await importCsv(body, '?period=2026-06').expect(201);
    expect(imported.body).toMatchObject({
      layout: 'monthly-csv',
      periods: ['2026-06'],
      aggregateRows: 1,
    });
    const result = await api()
      .get('/performance')
      .query({
        by: 'alliance',
        allianceId,
        standard: 'combined-62',
        from: '2026-06',
        to: '2026-06',
      })
      .set('authorization', admin)
      .expect(200);
    // Provider basis, details only: 7.5 of 10, judged against the 85% standard (no longer the
    // interim 75% in its place), with the 2026/27 trajectory's point beside it.
    expect(result.body.items).toEqual([
      expect.objectContaining({
        total: 10,
        within: 7.5,
        breaches: 2.5,
        value: 0.75,
        target: 0.85,
        basis: 'standard',
        threshold: 0.85,
        trajectory: 0.7591,
        gap: 0.1,
      }),
    ]);
  });

  it('draws the lung FDS series against its target as a standalone SVG', async () => {
    // A chart of eight thousand years would hold the service for seconds: ten years at most.
    const tooLong = await api()
      .get('/charts/performance.svg')
      .query({ allianceId, tumourSite: 'lung', standard: 'fds-28', from: '2025-01', to: '2100-12' })
      .set('authorization', admin)
      .expect(400);
    expect(tooLong.body).toMatchObject({ errors: [{ field: 'to' }] });
    await api()
      .get('/charts/performance.svg')
      .query({ allianceId, tumourSite: 'lung', standard: 'fds-28', from: '2025-01', to: '9999-12' })
      .set('authorization', admin)
      .expect(400);
    const chart = await api()
      .get('/charts/performance.svg')
      .query({ allianceId, tumourSite: 'lung', standard: 'fds-28', from: '2026-01', to: '2026-06' })
      .set('authorization', admin)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => done(null, text));
      })
      .expect(200)
      .expect('content-type', /image\/svg\+xml/);
    const svg = chart.body as string;
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('PRF Alliance: lung, 28-day Faster Diagnosis Standard');
    for (const month of ['Jan 26', 'Feb 26', 'Mar 26', 'Apr 26', 'Jun 26']) {
      expect(svg).toContain(month);
    }
    expect(svg).toContain('Jan 26: 70.0% (target 75%)');
    expect(svg).toContain('Target 75%');
    await api()
      .get('/charts/performance.svg')
      .query({ allianceId, tumourSite: 'lung', standard: 'fds-99' })
      .set('authorization', admin)
      .expect(400);
  });

  it('keeps targets as spans: a new figure ends the open one, an overlap is refused', async () => {
    const set = (body: object) => api().post('/targets').set('authorization', admin).send(body);
    const target = aTarget({ scopeValue: allianceId });
    await set(target).expect(201);
    await set({ ...target, value: 0.79, effectiveFrom: '2026-03-01' }).expect(201);
    const spans = await api()
      .get('/targets')
      .query({ measure: 'fds-28' })
      .set('authorization', admin)
      .expect(200);
    expect(spans.body).toMatchObject({ limit: 50, offset: 0 });
    const { total } = spans.body as { total: number };
    const last = await api()
      .get('/targets')
      .query({ measure: 'fds-28', limit: 1, offset: total - 1 })
      .set('authorization', admin)
      .expect(200);
    expect(last.body).toMatchObject({ total, limit: 1, offset: total - 1 });
    expect((last.body as { items: unknown[] }).items).toHaveLength(1);
    expect(
      (
        spans.body as {
          items: {
            scopeValue: string;
            value: number;
            effectiveFrom: string;
            effectiveTo: string | null;
          }[];
        }
      ).items
        .filter((t) => t.scopeValue === allianceId)
        .map((t) => [t.value, t.effectiveFrom, t.effectiveTo]),
    ).toEqual([
      [0.78, '2026-01-01', '2026-02-28'],
      [0.79, '2026-03-01', null],
    ]);
    const overlap = await set({
      ...target,
      effectiveFrom: '2026-02-01',
      effectiveTo: '2026-02-15',
    }).expect(409);
    expect(overlap.body.message).toMatch(/already in force/);
    await set({ ...target, scopeKind: 'nation', scopeValue: 'scotland' }).expect(400);

    // The alliance's own trajectory now judges its months.
    const jan = await api()
      .get('/performance')
      .query({
        by: 'alliance-tumour-site',
        allianceId,
        standard: 'fds-28',
        tumourSite: 'lung',
        from: '2026-01',
        to: '2026-01',
      })
      .set('authorization', admin)
      .expect(200);
    expect(jan.body.items).toEqual([expect.objectContaining({ tumourSite: 'lung', target: 0.78 })]);
  });

  it('edits and loads reference data, naming bad lines', async () => {
    await api()
      .put('/cancer-types')
      .set('authorization', admin)
      .send({ label: 'Suspected  SKIN cancer', tumourSite: 'skin' })
      .expect(200);
    const loaded = await importProviders(
      csv('ORG_CODE,ALLIANCE,NAME', 'RM1,PRF,Norfolk and Norwich', 'R0A,,Manchester'),
    ).expect(200);
    expect(loaded.body).toEqual({ loaded: 2 });
    const bad = await importProviders(csv('ORG_CODE,ALLIANCE', 'RM1,NOPE', 'R M1,PRF')).expect(422);
    expect(bad.body.errors).toEqual([
      { field: 'line 2', line: 2, messages: ['no alliance "NOPE" is known'] },
      { field: 'line 3', line: 3, messages: ['invalid ODS code "R M1"'] },
    ]);
    const providers = await api()
      .get('/providers')
      .query({ allianceId })
      .set('authorization', admin)
      .expect(200);
    expect(
      (providers.body as { items: { odsCode: string }[] }).items.map((p) => p.odsCode),
    ).toEqual(['RGN', 'RGT', 'RM1']);
    // A page at a time, by ODS code, at most 200 to a page.
    const second = await api()
      .get('/providers')
      .query({ allianceId, limit: 1, offset: 1 })
      .set('authorization', admin)
      .expect(200);
    expect(second.body).toEqual({
      items: [expect.objectContaining({ odsCode: 'RGT' })],
      total: 3,
      limit: 1,
      offset: 1,
    });
    const tooMany = await api()
      .get('/providers')
      .query({ limit: 201 })
      .set('authorization', admin)
      .expect(400);
    expect(tooMany.body).toMatchObject({ errors: [{ field: 'limit' }] });
    await api().get('/targets').query({ limit: 201 }).set('authorization', admin).expect(400);
  });

  it('takes submissions by API with the same rules', async () => {
    // The month before the calendar began is the caller's error, not a 500.
    await api().get('/submissions?period=0000-01').set('authorization', admin).expect(400);
    const row = aSubmissionRow();
    const accepted = await submit([row]).expect(201);
    expect(accepted.body).toMatchObject({
      source: 'api',
      rowsImported: 1,
      standards: ['combined-31'],
    });
    const bad = await submit([row, aSubmissionRow({ within: 19 })]).expect(422);
    expect(bad.body.errors).toEqual([
      { field: 'rows.1', messages: ['within (19) and breaches (0.5) do not add up to total (20)'] },
    ]);
    await submit([aSubmissionRow({ standard: '14-day' })]).expect(400);
    await submit([row], await identity.token(['clinician'])).expect(403);
  });

  it('keeps screening uptake, treatment volumes against baseline and the 62-day backlog', async () => {
    const put = (path: string, rows: object[]) =>
      api().put(path).set('authorization', admin).send({ rows });
    const get = (path: string, query: object) =>
      api().get(path).query(query).set('authorization', admin).expect(200);

    await put('/screening-uptake', [
      anUptakeRow({ allianceId, programme: 'breast', screened: 750 }),
      anUptakeRow({ allianceId, programme: 'cervical', screened: 700 }),
    ]).expect(200);
    const tooMany = await put('/screening-uptake', [
      anUptakeRow({ allianceId, programme: 'bowel', eligible: 10, screened: 11 }),
    ]).expect(422);
    expect(tooMany.body.errors).toEqual([
      { field: 'rows.0.screened', messages: [expect.stringContaining('eligible')] },
    ]);
    // No query reads every row ever held: ten years at most.
    const tooLong = await api()
      .get('/screening-uptake')
      .query({ allianceId, from: '2006-01', to: '2026-12' })
      .set('authorization', admin)
      .expect(400);
    expect(tooLong.body.errors).toEqual([
      { field: 'from', messages: [expect.stringMatching(/at most 10 years/)] },
    ]);
    const uptake = await get('/screening-uptake', { allianceId });
    // Breast: 75% is between acceptable (70%) and achievable (80%). Cervical uptake has no
    // NHS standard (cervical is judged on coverage, by age band), so no status.
    expect(uptake.body).toEqual([
      expect.objectContaining({
        programme: 'breast',
        measure: 'uptake',
        ageBand: null,
        lookBackYears: null,
        asAt: null,
        share: 0.75,
        target: 0.8,
        lower: 0.7,
        status: 'acceptable',
      }),
      expect.objectContaining({
        programme: 'cervical',
        measure: 'uptake',
        share: 0.7,
        status: null,
      }),
    ]);

    // Coverage beside uptake: cervical by age band, each with its look-back, and breast's.
    await put('/screening-uptake', [
      aCoverageRow({ allianceId, ageBand: '25-49', screened: 780 }),
      aCoverageRow({ allianceId, ageBand: '50-64', screened: 820, lookBackYears: 5.5 }),
      aCoverageRow({ allianceId, programme: 'breast', ageBand: undefined, screened: 690 }),
    ]).expect(200);
    const coverage = await get('/screening-uptake', { allianceId, measure: 'coverage' });
    expect(coverage.body).toEqual([
      expect.objectContaining({
        programme: 'breast',
        measure: 'coverage',
        ageBand: null,
        lookBackYears: 3,
        period: '2026-03',
        asAt: '2026-03-31',
        share: 0.69,
        status: 'below',
      }),
      expect.objectContaining({
        programme: 'cervical',
        ageBand: '25-49',
        lookBackYears: 3.5,
        share: 0.78,
        target: 0.8,
        lower: 0.75,
        status: 'acceptable',
      }),
      expect.objectContaining({
        programme: 'cervical',
        ageBand: '50-64',
        lookBackYears: 5.5,
        share: 0.82,
        status: 'achievable',
      }),
    ]);
    const older = await get('/screening-uptake', { allianceId, ageBand: '50-64' });
    expect(older.body).toEqual([expect.objectContaining({ ageBand: '50-64', screened: 820 })]);
    // Replacing a band's month leaves the other band and the uptake as they were.
    await put('/screening-uptake', [
      aCoverageRow({ allianceId, ageBand: '50-64', screened: 700 }),
    ]).expect(200);
    const all = await get('/screening-uptake', { allianceId, programme: 'cervical' });
    const held = all.body as { measure: string; ageBand: string | null; screened: number }[];
    expect(held.map((row) => [row.measure, row.ageBand, row.screened])).toEqual([
      ['uptake', null, 700],
      ['coverage', '25-49', 780],
      ['coverage', '50-64', 700],
    ]);

    // A bad combination is a 400 naming the field, and nothing is saved.
    const badCombinations = await put('/screening-uptake', [
      aCoverageRow({ allianceId, ageBand: undefined }),
      anUptakeRow({ allianceId, ageBand: '25-49' }),
      anUptakeRow({ allianceId, lookBackYears: 3 }),
      aCoverageRow({ allianceId, programme: 'breast', ageBand: undefined, lookBackYears: 5 }),
    ]).expect(400);
    expect(badCombinations.body.errors).toEqual([
      {
        field: 'rows.0.ageBand',
        messages: ['ageBand is required for cervical coverage: 25-49 or 50-64'],
      },
      {
        field: 'rows.1.ageBand',
        messages: ['ageBand is only for cervical coverage; breast uptake has no age bands'],
      },
      {
        field: 'rows.2.lookBackYears',
        messages: ['lookBackYears is only for coverage; uptake counts those invited in the period'],
      },
      {
        field: 'rows.3.lookBackYears',
        messages: ['lookBackYears must be 3: breast coverage looks back 3 years'],
      },
    ]);
    await api()
      .get('/screening-uptake')
      .query({ measure: 'both' })
      .set('authorization', admin)
      .expect(400);

    // The API test's July 31-day row for RGT lung (20 treated) against a baseline of 40.
    await put('/treatment-baselines', [
      { allianceId, tumourSite: 'lung', month: 7, volume: 40 },
    ]).expect(200);
    const volumes = await get('/treatment-volumes', {
      allianceId,
      tumourSite: 'lung',
      from: '2026-07',
    });
    expect(volumes.body).toEqual([
      expect.objectContaining({
        period: '2026-07',
        volume: 20,
        baseline: 40,
        shareOfBaseline: 0.5,
        difference: -20,
      }),
    ]);

    await put('/backlog', [
      aBacklogWeek({ weekEnding: '2026-03-01', days63To104: 10 }),
      aBacklogWeek({ weekEnding: '2026-03-08', days63To104: 6 }),
    ]).expect(200);
    // Not a Sunday.
    await put('/backlog', [aBacklogWeek({ weekEnding: '2026-03-09' })]).expect(400);
    const backlog = await get('/backlog', { allianceId, tumourSite: 'lung' });
    expect(backlog.body).toEqual([
      expect.objectContaining({
        weekEnding: '2026-03-01',
        backlog: 12,
        total: 72,
        backlogChange: null,
      }),
      expect.objectContaining({ weekEnding: '2026-03-08', backlog: 8, backlogChange: -4 }),
    ]);
  });
});
