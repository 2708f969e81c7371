import {
  deleteRedisKeys,
  isolatedTopicPrefix,
  runScriptProcess,
  serviceTestEnv,
  SmtpSink,
  startServiceProcess,
  testKafka,
  TestIdentity,
  uniqueName,
  type ServiceProcess,
} from '#testing';
import { runEscalationScenario, type PlatformUrls } from '../scripts/escalation-scenario.js';

const SERVICES = ['membership', 'meetings', 'priorities', 'performance', 'workflow'] as const;
type Service = (typeof SERVICES)[number];

/**
 * The platform as npm start runs it: five services as separate processes, talking over Kafka,
 * with the membership seed run as its own command. The test speaks to them over HTTP only and
 * reads the e-mails at a real SMTP server: from the seed through a breach, tabling at the
 * group and the CAG, to resolution at the Board.
 */
describe('the platform across processes (HTTP and Kafka only)', () => {
  const run = uniqueName('plat');
  const queuePrefix = `q_${run}`;
  const processes = {} as Record<Service, ServiceProcess>;
  let smtp: SmtpSink;
  let identity: TestIdentity;
  const envOf = (service: Service, prefix: string) => ({
    ...serviceTestEnv(service, {
      schema: `${run}_${service}`,
      prefix,
      identity,
      logLevel: 'warn',
    }),
    QUEUE_PREFIX: queuePrefix,
    SMTP_URL: smtp.url,
    TIMER_SWEEP_SECONDS: '1',
  });

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    smtp = await SmtpSink.start();
    await Promise.all(
      SERVICES.map(async (service) => {
        processes[service] = await startServiceProcess(service, envOf(service, prefix));
      }),
    );
    await runScriptProcess('apps/membership/src/seed/seed.command.ts', envOf('membership', prefix));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(Object.values(processes).map((service) => service.stop()));
    await smtp?.close();
    await identity?.stop();
    await deleteRedisKeys(queuePrefix);
    const { Client } = (await import('pg')).default;
    const client = new Client({
      connectionString: serviceTestEnv('x', { schema: 'x' }).DATABASE_URL,
    });
    await client.connect();
    for (const service of SERVICES) {
      await client.query(`DROP SCHEMA IF EXISTS "${run}_${service}" CASCADE`);
    }
    await client.end();
  });

  it('escalates a lung FDS breach from the seed to resolution at the Board, telling each clinician once per step', async () => {
    const urls: PlatformUrls = {
      membership: processes.membership.url,
      meetings: processes.meetings.url,
      performance: processes.performance.url,
      workflow: processes.workflow.url,
    };
    // The scenario's admin signs in at the identity server the five services trust.
    const token = (await identity.token(['admin'])).replace(/^Bearer /, '');
    const steps: string[] = [];
    const result = await runEscalationScenario({
      urls,
      token,
      log: (line) => steps.push(line),
      stepTimeoutMs: 90_000,
    });
    expect(steps).toEqual([
      expect.stringMatching(/^East of England Cancer Alliance: Lung Cancer Network Group/),
      'Scheduled a meeting of each body a fortnight ahead',
      expect.stringMatching(
        /^Imported \d+ CWT rows for 2026-01 to 2026-04; breaches announced: 1$/,
      ),
      expect.stringMatching(/^Case [0-9a-f-]{36} opened at Lung Cancer Network Group$/),
      'Tabled at Lung Cancer Network Group',
      'Lung Cancer Network Group decided "escalated": the case is at the CAG',
      'Tabled at East of England Clinical Advisory Group',
      'East of England Clinical Advisory Group decided "escalated": the case is at the BOARD',
      'Tabled at East of England Cancer Alliance Board',
      'East of England Cancer Alliance Board decided "resolved": the case is closed',
    ]);

    // Who should have heard, step by step: the officers (chair, clinical lead) of the body
    // holding the case when it opens, moves or is resolved, and every member when it is tabled.
    const headers = { authorization: `Bearer ${token}` };
    const holders = async (bodyId: string) =>
      (await (
        await fetch(`${urls.membership}/bodies/${bodyId}/role-holders`, { headers })
      ).json()) as {
        role: string;
        member: { email: string };
      }[];
    const people = async (bodyId: string, officersOnly: boolean) => [
      ...new Set(
        (await holders(bodyId))
          .filter(
            (holder) => !officersOnly || holder.role === 'chair' || holder.role === 'clinical-lead',
          )
          .map((holder) => holder.member.email.toLowerCase()),
      ),
    ];
    const { group, cag, board } = result.bodies;
    const expected = new Map<string, number>();
    const tell = (emails: string[]) =>
      emails.forEach((email) => expected.set(email, (expected.get(email) ?? 0) + 1));
    tell(await people(group, true)); // opened at the group
    tell(await people(group, false)); // tabled at the group
    tell(await people(group, true)); // escalated: the group...
    tell(await people(cag, true)); // ...and the CAG
    tell(await people(cag, false)); // tabled at the CAG
    tell(await people(cag, true)); // escalated: the CAG...
    tell(await people(board, true)); // ...and the Board
    tell(await people(board, false)); // tabled at the Board
    tell(await people(board, true)); // resolved at the Board

    const received = () => {
      const counts = new Map<string, number>();
      for (const mail of smtp.messages.filter(
        (message) => message.headers['x-escalation-case'] === result.caseId,
      )) {
        for (const to of mail.to) {
          counts.set(to, (counts.get(to) ?? 0) + 1);
        }
      }
      return counts;
    };
    const deadline = Date.now() + 30_000;
    while (
      JSON.stringify([...received()].sort()) !== JSON.stringify([...expected].sort()) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect([...received()].sort()).toEqual([...expected].sort());
    expect(result.officers.group.length).toBeGreaterThan(0);

    const verify = await fetch(`${urls.workflow}/cases/${result.caseId}/history/verify`, {
      headers,
    });
    expect(await verify.json()).toMatchObject({ valid: true });
  });
});
