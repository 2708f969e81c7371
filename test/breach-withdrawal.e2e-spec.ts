import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  isolatedTopicPrefix,
  MembershipProcess,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
  type Ladder,
} from '#testing';
import { anFdsLine, csv, PROVIDER_HEADER } from '../apps/performance/test/builders.js';
import { createPerformanceApp } from '../apps/performance/src/bootstrap.js';
import { createWorkflowApp } from '../apps/workflow/src/bootstrap.js';

interface CaseView {
  id: string;
  status: string;
  history: { transition: string; details: Record<string, unknown> }[];
}

/** A month of RGT's lung FDS: `share` of 100 patients told within 28 days. */
const lungMonth = (period: string, share: number) =>
  anFdsLine({ period, orgCode: 'RGT', total: 100, within: Math.round(100 * share) });

/**
 * From a submission to a case and back: provisional figures below the 75% FDS standard for two
 * months breach it at performance, the workflow opens a case at the lung group; a final
 * revision lifts the breach month, performance withdraws the breach, and the case shows the
 * withdrawal and waits, offered for closure, for a person to close it. Membership runs as its
 * own process; performance and workflow in this one, on the real Kafka and PostgreSQL.
 */
describe('a breach withdrawn by final figures, from performance to the case', () => {
  const run = uniqueName('wdr');
  let identity: TestIdentity;
  let membership: MembershipProcess;
  let performance: INestApplication;
  let workflow: INestApplication;
  let ladder: Ladder<'chair'>;
  let admin: string;

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    membership = await MembershipProcess.start({ run, prefix, identity });
    const envOf = (service: 'performance' | 'workflow') =>
      serviceTestEnv(service, { schema: `${run}_${service}`, prefix, identity });
    performance = await createPerformanceApp(envOf('performance'));
    workflow = await createWorkflowApp({ NOTIFICATIONS_ENABLED: 'false', ...envOf('workflow') });
    for (const app of [performance, workflow]) {
      await app.startAllMicroservices();
      await app.init();
    }
    ladder = await membership.ladder('WDR', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
    });
    await membership.create('/organisations', {
      odsCode: 'RGT',
      name: 'Cambridge University Hospitals',
      type: 'acute-trust',
      allianceId: ladder.allianceId,
    });
    await waitFor(
      'performance to map RGT and workflow to seat the lung group',
      async () => {
        const [mapped] = await performance
          .get(DataSource)
          .query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM "${run}_performance".provider WHERE alliance_id = $1`,
            [ladder.allianceId],
          );
        const [seated] = await workflow
          .get(DataSource)
          .query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM "${run}_workflow".seat WHERE body_id = $1`,
            [ladder.groupId],
          );
        return mapped?.n === 1 && seated?.n === 1;
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
  });

  const importCsv = (body: string, dataStatus: 'provisional' | 'final') =>
    request(performance.getHttpServer())
      .post(`/imports?dataStatus=${dataStatus}`)
      .set('authorization', admin)
      .set('content-type', 'text/csv')
      .send(body)
      .expect(201);
  const lungCase = async (): Promise<CaseView | undefined> => {
    const list = await request(workflow.getHttpServer())
      .get('/cases')
      .query({ bodyId: ladder.groupId })
      .set('authorization', admin)
      .expect(200);
    const [first] = (list.body as { items: { id: string }[] }).items;
    if (!first) {
      return undefined;
    }
    const one = await request(workflow.getHttpServer())
      .get(`/cases/${first.id}`)
      .set('authorization', admin)
      .expect(200);
    return one.body as CaseView;
  };

  it('withdraws the breach a final revision lifts, and the case shows it, offered for closure', async () => {
    const provisional = await importCsv(
      csv(PROVIDER_HEADER, lungMonth('2025-01', 0.6), lungMonth('2025-02', 0.62)),
      'provisional',
    );
    expect(provisional.body).toMatchObject({ detection: { breached: 1 } });
    const opened = await waitFor('the workflow to open the lung case', lungCase, {
      timeoutMs: 60_000,
    });
    expect(opened.status).toBe('opened');

    const final = await importCsv(csv(PROVIDER_HEADER, lungMonth('2025-02', 0.8)), 'final');
    expect(final.body).toMatchObject({
      dataStatus: 'final',
      detection: { breached: 0, recovered: 0, withdrawn: 1 },
    });
    const withdrawn = await waitFor(
      'the case to record the withdrawal',
      async () => {
        const current = await lungCase();
        return current?.history.some((entry) => entry.transition === 'breach-withdrawn')
          ? current
          : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(withdrawn.id).toBe(opened.id);
    // Offered for closure, not closed: that stays a person's decision.
    expect(withdrawn.status).toBe('resolved');
    expect(withdrawn.history.at(-1)).toMatchObject({
      transition: 'breach-withdrawn',
      details: {
        period: '2025-02',
        dataStatus: 'final',
        importId: final.body.importId,
        months: [
          { period: '2025-01', value: 0.6 },
          { period: '2025-02', value: 0.8 },
        ],
      },
    });
    await request(workflow.getHttpServer())
      .post(`/cases/${opened.id}/close`)
      .set('authorization', admin)
      .send({ rationale: 'Final figures show February on target' })
      .expect(200);
    expect((await lungCase())?.status).toBe('closed');
  });
});
