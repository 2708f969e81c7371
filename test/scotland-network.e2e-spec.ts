import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  deleteRedisKeys,
  isolatedTopicPrefix,
  MembershipProcess,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
} from '#testing';
import { csv } from '../apps/performance/test/builders.js';
import { createPerformanceApp } from '../apps/performance/src/bootstrap.js';
import { createWorkflowApp } from '../apps/workflow/src/bootstrap.js';

/** Public Health Scotland's quarterly file as published: the 62-day or the 31-day one. */
const phsHeader = (days: 31 | 62) =>
  [
    'Quarter',
    'HB',
    'HBQF',
    'HBT',
    'HBTQF',
    'CancerType',
    'CancerTypeQF',
    `NumberOfEligibleReferrals${days}DayStandard`,
    `NumberOfEligibleReferrals${days}DayStandardQF`,
    `NumberOfEligibleReferralsTreatedWithin${days}Days`,
    `NumberOfEligibleReferralsTreatedWithin${days}DaysQF`,
  ].join(',');

/** One board's cancer type in a quarter, treated by the same board (`hbt` otherwise). */
const phsLine = (
  quarter: string,
  hb: string,
  cancerType: string,
  eligible: number,
  within: number,
  { hbt = hb, derived = false } = {},
) =>
  [
    quarter,
    hb,
    hb === SCOTLAND ? 'd' : '',
    hbt,
    '',
    cancerType,
    derived ? 'd' : '',
    eligible,
    '',
    within,
    '',
  ].join(',');

const SCOTLAND = 'S92000003';
const GLASGOW = 'S08000031';
const LANARKSHIRE = 'S08000032';
const AYRSHIRE = 'S08000015';
const LOTHIAN = 'S08000024';

/**
 * A WoSCAN quarter: lung at `lungShare` (in tenths) across three of its boards (100 patients), breast well
 * within the standard, the boards' All Cancer Types and Scotland's figures beside them as
 * published, and Lothian (of another network) within the standard.
 */
const woscanQuarter = (quarter: string, lungShare: number) => [
  phsLine(quarter, GLASGOW, 'Lung', 50, Math.round(50 * lungShare)),
  phsLine(quarter, LANARKSHIRE, 'Lung', 30, Math.round(30 * lungShare), { hbt: GLASGOW }),
  phsLine(quarter, AYRSHIRE, 'Lung', 20, Math.round(20 * lungShare)),
  phsLine(quarter, GLASGOW, 'Breast', 80, 79),
  phsLine(quarter, GLASGOW, 'All Cancer Types', 130, 79 + Math.round(50 * lungShare), {
    derived: true,
  }),
  phsLine(quarter, LOTHIAN, 'Lung', 40, 40),
  phsLine(quarter, SCOTLAND, 'Lung', 400, 390),
];

/**
 * Issue #17's Scottish done-when: Public Health Scotland's files for WoSCAN's boards, lung below
 * 95% for two quarters on the 62-day standard, open one case at WoSCAN's lung group. The boards
 * reach WoSCAN through the health-board table (preloaded, edited by admins), resolved to the
 * alliance membership announced. Membership as its own process; performance and workflow in
 * this one, on schemas and topics of the run's own, with the real Kafka, PostgreSQL and Redis.
 */
describe('Scotland: PHS files for WoSCAN’s boards, from import to a case at its network group', () => {
  const run = uniqueName('scot');
  const queuePrefix = `q_${run}`;
  let identity: TestIdentity;
  let admin: string;
  let membership: MembershipProcess;
  let performance: INestApplication;
  let workflow: INestApplication;
  let woscan: { allianceId: string; groupId: string };

  const api = () => request(performance.getHttpServer());
  const importPhs = (days: 31 | 62, lines: string[]) =>
    api()
      .post(`/imports?fileName=phs-${days}-day.csv`)
      .set('authorization', admin)
      .set('content-type', 'text/csv')
      .send(csv(phsHeader(days), lines));
  const boards = async () =>
    (await api().get('/health-boards').set('authorization', admin).expect(200)).body as {
      boardCode: string;
      networkCode: string | null;
      allianceId: string | null;
    }[];
  const providerAlliance = async (odsCode: string) => {
    const answer = await api()
      .get('/providers')
      .query({ limit: 100 })
      .set('authorization', admin)
      .expect(200);
    const items = (answer.body as { items: { odsCode: string; allianceId: string | null }[] })
      .items;
    return items.find((item) => item.odsCode === odsCode)?.allianceId;
  };

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    membership = await MembershipProcess.start({ run, prefix, identity });
    const envOf = (service: string) => ({
      ...serviceTestEnv(service, { schema: `${run}_${service}`, prefix, identity }),
      QUEUE_PREFIX: queuePrefix,
    });
    performance = await createPerformanceApp(envOf('performance'));
    workflow = await createWorkflowApp({ NOTIFICATIONS_ENABLED: 'false', ...envOf('workflow') });
    for (const app of [performance, workflow]) {
      await app.startAllMicroservices();
      await app.init();
    }
    const ladder = await membership.ladder('WOSCAN', {}, { nation: 'scotland' });
    woscan = { allianceId: ladder.allianceId, groupId: ladder.groupId };
    await waitFor(
      'performance to know WoSCAN and its lung group',
      async () => {
        const [row] = await performance
          .get(DataSource)
          .query<{ alliances: number; groups: number }[]>(
            `SELECT (SELECT count(*)::int FROM "${run}_performance".alliance_ref WHERE code = 'WOSCAN') AS alliances,
                    (SELECT count(*)::int FROM "${run}_performance".site_body WHERE body_id = $1) AS groups`,
            [woscan.groupId],
          );
        return row?.alliances === 1 && row.groups === 1;
      },
      { timeoutMs: 60_000 },
    );
  }, 180_000);

  afterAll(async () => {
    for (const [service, app] of [
      ['performance', performance],
      ['workflow', workflow],
    ] as const) {
      await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_${service}" CASCADE`);
      await app?.close();
    }
    await membership?.stop();
    await identity?.stop();
    await deleteRedisKeys(queuePrefix);
  });

  it('maps WoSCAN’s four boards to WoSCAN out of the box, resolved to the alliance membership announced', async () => {
    expect(await boards()).toEqual([
      expect.objectContaining({ boardCode: AYRSHIRE, networkCode: 'WOSCAN' }),
      expect.objectContaining({ boardCode: 'S08000019', networkCode: 'WOSCAN' }),
      expect.objectContaining({ boardCode: GLASGOW, networkCode: 'WOSCAN' }),
      expect.objectContaining({ boardCode: LANARKSHIRE, networkCode: 'WOSCAN' }),
    ]);
    expect(new Set((await boards()).map((board) => board.allianceId))).toEqual(
      new Set([woscan.allianceId]),
    );
  });

  it('opens one case at WoSCAN’s lung group for lung below 95% two quarters running on the 62-day standard', async () => {
    const sixtyTwo = await importPhs(62, [
      ...woscanQuarter('2024Q2', 1),
      ...woscanQuarter('2024Q3', 0.9),
      ...woscanQuarter('2024Q4', 0.8),
    ]).expect(201);
    expect(sixtyTwo.body).toMatchObject({
      status: 'imported',
      layout: 'phs-62-day',
      standards: ['scotland-62'],
      periods: ['2024-04', '2024-07', '2024-10'],
      // Lothian is in no network here, and Scotland's rows are totals.
      unmappedProviders: [LOTHIAN, SCOTLAND],
      unmappedCancerTypes: [],
      byStandardAndPeriod: ['2024-04', '2024-07', '2024-10'].map((period) => ({
        standard: 'scotland-62',
        period,
        rowsCounted: 5,
        rowsTotals: 2,
      })),
      detection: { breached: 1 },
    });
    // The 31-day standard, by board of treatment, well within 95% for the same quarters.
    const thirtyOne = await importPhs(
      31,
      ['2024Q2', '2024Q3', '2024Q4'].flatMap((quarter) => [
        phsLine(quarter, GLASGOW, 'Lung', 60, 59),
        phsLine(quarter, LANARKSHIRE, 'Lung', 40, 40),
        phsLine(quarter, GLASGOW, 'All Cancer Types', 100, 99, { derived: true }),
      ]),
    ).expect(201);
    expect(thirtyOne.body).toMatchObject({
      status: 'imported',
      layout: 'phs-31-day',
      standards: ['scotland-31'],
      unmappedProviders: [],
      detection: { breached: 0 },
    });

    // WoSCAN's lung figures are its boards' (Lothian's and Scotland's rows aside).
    const figures = await api()
      .get('/performance')
      .query({ by: 'alliance-tumour-site', allianceId: woscan.allianceId, standard: 'scotland-62' })
      .set('authorization', admin)
      .expect(200);
    const lung = (figures.body as { items: { tumourSite?: string }[] }).items.filter(
      (row) => row.tumourSite === 'lung',
    );
    expect(lung).toEqual([
      expect.objectContaining({ period: '2024-04', total: 100, within: 100 }),
      expect.objectContaining({ period: '2024-07', total: 100, within: 90 }),
      expect.objectContaining({ period: '2024-10', total: 100, within: 80 }),
    ]);

    const cases = async () =>
      (
        await request(workflow.getHttpServer())
          .get('/cases')
          .query({ bodyId: woscan.groupId })
          .set('authorization', admin)
          .expect(200)
      ).body as { items: { allianceId: string; level: string; status: string; title: string }[] };
    const opened = await waitFor('the case at WoSCAN’s lung group', async () => {
      const { items } = await cases();
      return items.length > 0 ? items : undefined;
    });
    expect(opened).toEqual([
      expect.objectContaining({
        allianceId: woscan.allianceId,
        level: 'group',
        status: 'opened',
      }),
    ]);
    expect(opened[0]!.title).toMatch(/^Lung: .* below target in WOSCAN, 80.0% against 95.0%/);

    // Importing the same file again announces nothing new, and no twin case opens.
    const again = await importPhs(62, [
      ...woscanQuarter('2024Q2', 1),
      ...woscanQuarter('2024Q3', 0.9),
      ...woscanQuarter('2024Q4', 0.8),
    ]).expect(201);
    expect(again.body).toMatchObject({ status: 'imported', detection: { breached: 0 } });
    expect((await cases()).items).toHaveLength(1);
  });

  it('lets an admin map a board to a network, refusing what is wrong by name', async () => {
    const put = (boardCode: string, body: object) =>
      api().put(`/health-boards/${boardCode}`).set('authorization', admin).send(body);

    const invalid = await put(LOTHIAN, { networkCode: 'woscan' }).expect(400);
    expect(invalid.body.errors).toEqual([
      { field: 'networkCode', messages: [expect.stringMatching(/^networkCode must be/)] },
    ]);
    const unknown = await put(LOTHIAN, { networkCode: 'SCAN' }).expect(404);
    expect(unknown.body.detail).toMatch(/^Network SCAN not found/);
    const scotland = await put(SCOTLAND, { networkCode: 'WOSCAN' }).expect(422);
    expect(scotland.body.errors).toEqual([
      { field: 'boardCode', messages: [`${SCOTLAND} is Scotland as a whole, not a health board`] },
    ]);
    const malformed = await put('S0800', { networkCode: 'WOSCAN' }).expect(422);
    expect(malformed.body.errors).toEqual([
      { field: 'boardCode', messages: ['invalid board code "S0800" (as S08000031)'] },
    ]);
    // A board's network is the board table's to say, not a provider mapping's.
    const asProvider = await api()
      .put(`/providers/${GLASGOW}`)
      .set('authorization', admin)
      .send({ allianceId: null })
      .expect(422);
    expect(asProvider.body.errors[0].messages).toEqual([
      `${GLASGOW} is a health board: map it to its network with PUT /health-boards/${GLASGOW}`,
    ]);
    // Lothian's figures were imported above, but with no board row it is no one's yet.
    expect(await providerAlliance(LOTHIAN)).toBeUndefined();

    // Lothian, imported above with no network, counts towards WoSCAN once mapped, and not once unmapped.
    const mapped = await put(LOTHIAN, { networkCode: 'WOSCAN', name: 'NHS Lothian' }).expect(200);
    expect(mapped.body).toEqual({
      boardCode: LOTHIAN,
      name: 'NHS Lothian',
      networkCode: 'WOSCAN',
      allianceId: woscan.allianceId,
    });
    expect(await providerAlliance(LOTHIAN)).toBe(woscan.allianceId);
    const unmapped = await put(LOTHIAN, { networkCode: null }).expect(200);
    expect(unmapped.body).toMatchObject({
      name: 'NHS Lothian',
      networkCode: null,
      allianceId: null,
    });
    expect(await providerAlliance(LOTHIAN)).toBeNull();
    expect((await boards()).map((board) => board.boardCode)).toContain(LOTHIAN);
  });

  it('takes a Scottish board membership registers as a board of its network, by its ONS code', async () => {
    const HIGHLAND = 'S08000022';
    // Lower case is upper-cased; the event says the code is ONS, not ODS.
    await membership.create('/organisations', {
      odsCode: HIGHLAND.toLowerCase(),
      name: 'NHS Highland',
      type: 'health-board',
      allianceId: woscan.allianceId,
    });
    await waitFor('the board to reach the health-board table', async () =>
      (await boards()).some((board) => board.boardCode === HIGHLAND),
    );
    expect((await boards()).find((board) => board.boardCode === HIGHLAND)).toEqual({
      boardCode: HIGHLAND,
      name: 'NHS Highland',
      networkCode: 'WOSCAN',
      allianceId: woscan.allianceId,
    });
    expect(await providerAlliance(HIGHLAND)).toBe(woscan.allianceId);
  });
});
