import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { connectEventConsumer } from '#messaging';
import { Clock, configureHttpApp, loadConfig, MetricsService } from '#platform';
import {
  deleteRedisKeys,
  isolatedTopicPrefix,
  MembershipProcess,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
  type Ladder,
} from '#testing';
import { WorkflowModule } from '../src/app.module.js';
import { workflowConfigSchema } from '../src/config.js';
import { aRaisedCase } from './builders.js';

interface CaseBody {
  id: string;
  calendarWarning: string | null;
  deadlines: { kind: string; level: string; dueOn: string }[];
}

/** A clock the test sets: the day a case opens decides which holidays its deadlines meet. */
class SetClock extends Clock {
  at = new Date();
  override now(): Date {
    return new Date(this.at);
  }
}

/**
 * Each case counts working days on its alliance's nation's calendar, learnt from membership's
 * alliance events (real Kafka, PostgreSQL and Redis; the membership service as its own process).
 */
describe('working-day calendars per nation (real Kafka, PostgreSQL and Redis)', () => {
  const run = uniqueName('wfcal');
  const queuePrefix = `q_${run}`;
  const clock = new SetClock();
  let membership: MembershipProcess;
  let app: INestApplication;
  let identity: TestIdentity;
  let admin: string;
  let england: Ladder<'englishChair'>;
  let scotland: Ladder<'scottishChair' | 'secretary'>;
  const api = () => request(app.getHttpServer());
  const schema = `${run}_workflow`;

  const raiseOn = async (day: string, bodyId: string, title: string) => {
    clock.at = new Date(`${day}T12:00:00Z`);
    const raised = await api()
      .post('/cases')
      .set('authorization', admin)
      .send(aRaisedCase({ bodyId, title }))
      .expect(201);
    return (
      await api()
        .get(`/cases/${(raised.body as { id: string }).id}`)
        .set('authorization', admin)
        .expect(200)
    ).body as CaseBody;
  };
  const due = (escalation: CaseBody, kind: string) =>
    escalation.deadlines.find((deadline) => deadline.level === 'group' && deadline.kind === kind)
      ?.dueOn;

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    membership = await MembershipProcess.start({ run, prefix, identity });
    const env = {
      ...serviceTestEnv('workflow', { schema, prefix, identity }),
      QUEUE_PREFIX: queuePrefix,
      // The deadlines fall years ahead: this test reads them, it does not wait for them.
      TIMERS_ENABLED: 'false',
      NOTIFICATIONS_ENABLED: 'false',
    };
    const config = loadConfig(workflowConfigSchema, env);
    const moduleRef = await Test.createTestingModule({ imports: [WorkflowModule.forRoot(env)] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    configureHttpApp(app, { config, title: 'Workflow service', description: 'test' });
    connectEventConsumer(app, { consumer: config.CONSUMER_GROUP });
    await app.startAllMicroservices();
    await app.init();
    england = await membership.ladder('CALE', {
      englishChair: { name: 'Dr England', profession: 'doctor', role: 'chair' },
    });
    scotland = await membership.ladder(
      'CALS',
      {
        scottishChair: { name: 'Dr Scotland', profession: 'doctor', role: 'chair' },
        secretary: { name: 'Network Manager', profession: 'manager', role: 'secretariat' },
      },
      { nation: 'scotland' },
    );
    await waitFor('the workflow to know both alliances and their groups', async () => {
      const [nations, bodies] = await Promise.all([
        app
          .get(DataSource)
          .query<unknown[]>(
            `SELECT 1 FROM "${schema}".alliance_nation WHERE alliance_id = ANY($1)`,
            [[england.allianceId, scotland.allianceId]],
          ),
        app
          .get(DataSource)
          .query<unknown[]>(`SELECT 1 FROM "${schema}".body_view WHERE id = ANY($1)`, [
            [england.groupId, scotland.groupId],
          ]),
      ]);
      return nations.length === 2 && bodies.length === 2;
    });
  }, 120_000);

  afterAll(async () => {
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
    await membership?.stop();
    await identity?.stop();
    await deleteRedisKeys(queuePrefix);
  });

  it('skips 3 January 2028 for a 5-day deadline opened in England on 23 December 2027', async () => {
    const opened = await raiseOn('2027-12-23', england.groupId, 'England over New Year');
    expect(due(opened, 'acknowledge')).toBe('2028-01-04');
    expect(opened.calendarWarning).toBeNull();
  });

  it("counts a Scottish network's case on Scotland's calendar: St Andrew's Day off, Easter Monday on", async () => {
    const standrews = await raiseOn('2026-11-25', scotland.groupId, "Over St Andrew's Day");
    // Thu 26, Fri 27, (Mon 30 St Andrew's Day), Tue 1, Wed 2, Thu 3 December.
    expect(due(standrews, 'acknowledge')).toBe('2026-12-03');
    const easter = await raiseOn('2026-03-31', scotland.groupId, 'Over Easter');
    // Wed 1, Thu 2, (Good Friday 3), Mon 6 (Easter Monday, worked in Scotland), Tue 7, Wed 8.
    expect(due(easter, 'acknowledge')).toBe('2026-04-08');
    const inEngland = await raiseOn('2026-03-31', england.groupId, 'Over Easter in England');
    // England also takes Easter Monday off: Wed 1, Thu 2, Tue 7, Wed 8, Thu 9.
    expect(due(inEngland, 'acknowledge')).toBe('2026-04-09');
  });

  it('flags a deadline in 2029 on the case, counts it and tells the secretariat', async () => {
    const before = await app
      .get(MetricsService)
      .registry.getSingleMetricAsString('workflow_deadlines_past_calendar_total');
    expect(before).not.toMatch(/calendar="scotland"/);
    const late = await raiseOn('2028-12-01', scotland.groupId, 'Opened late in 2028');
    expect(due(late, 'resolve')?.startsWith('2029-')).toBe(true);
    expect(late.calendarWarning).toBe(
      `Deadline ${due(late, 'resolve')} is after 2028-12-31, the last day the scotland calendar has bank holidays for: holidays after it count as working days until the calendar is extended`,
    );
    const after = await app
      .get(MetricsService)
      .registry.getSingleMetricAsString('workflow_deadlines_past_calendar_total');
    expect(after).toMatch(/workflow_deadlines_past_calendar_total\{calendar="scotland"[^}]*\} 1$/m);
    const notices = await app.get(DataSource).query<{ member_id: string; subject: string }[]>(
      `SELECT member_id, subject FROM "${schema}".notification
          WHERE case_id = $1 AND channel = 'inbox' AND subject LIKE 'Bank holidays%'`,
      [late.id],
    );
    expect(notices).toEqual([
      {
        member_id: scotland.members.secretary,
        subject: 'Bank holidays missing for a deadline: Opened late in 2028',
      },
    ]);
  });

  it('lists and filters the calendars and their coverage, and names a calendar it does not know', async () => {
    const coverage = await api().get('/calendar/coverage').set('authorization', admin).expect(200);
    expect(coverage.body).toEqual([
      { calendar: 'england-and-wales', coveredThrough: '2028-12-31' },
      { calendar: 'northern-ireland', coveredThrough: '2028-12-31' },
      { calendar: 'scotland', coveredThrough: '2028-12-31' },
    ]);
    const scottish = await api()
      .get('/calendar/bank-holidays?calendar=scotland')
      .set('authorization', admin)
      .expect(200);
    const days = (scottish.body as { date: string; name: string }[]).filter((h) =>
      h.date.startsWith('2028-'),
    );
    expect(days.map((h) => h.date)).toEqual([
      '2028-01-03',
      '2028-01-04',
      '2028-04-14',
      '2028-05-01',
      '2028-05-29',
      '2028-08-07',
      '2028-11-30',
      '2028-12-25',
      '2028-12-26',
    ]);
    const wrong = await api()
      .get('/calendar/bank-holidays?calendar=wales')
      .set('authorization', admin)
      .expect(400);
    expect(JSON.stringify(wrong.body)).toContain(
      'calendar must be one of england-and-wales, scotland, northern-ireland',
    );
  });
});
