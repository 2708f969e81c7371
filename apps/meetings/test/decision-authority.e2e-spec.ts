import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  deleteRedisKeys,
  isolatedTopicPrefix,
  MembershipProcess,
  serviceTestEnv,
  startServiceProcess,
  testInfra,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
  type Ladder,
  type ServiceProcess,
} from '#testing';
import { createMeetingsApp } from '../src/bootstrap.js';
import { aDecision, aMeeting, anAttendance } from './builders.js';

type Person = 'chair' | 'lead' | 'nurse' | 'secretary' | 'observer';

interface CaseBody {
  status: string;
  history: { transition: string; details: Record<string, unknown> }[];
}

/**
 * Who may decide for a body, followed to the case the decision settles: meetings in this
 * process, membership and workflow as their own processes, over Kafka. An observer is refused;
 * the secretariat's decision closes the case, and the case history names them.
 */
describe('a decision on a case, recorded by the body’s secretariat (meetings and workflow)', () => {
  const run = uniqueName('dca');
  const queuePrefix = `q_${run}`;
  let identity: TestIdentity;
  let membership: MembershipProcess;
  let workflow: ServiceProcess;
  let meetings: INestApplication;
  let ladder: Ladder<Person>;
  let admin: string;
  const as = (who: Person) => identity.token(['clinician'], ladder.members[who]);
  const api = () => request(meetings.getHttpServer());
  const cases = () => request(workflow.url);

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    membership = await MembershipProcess.start({ run, prefix, identity });
    workflow = await startServiceProcess('workflow', {
      ...serviceTestEnv('workflow', {
        schema: `${run}_workflow`,
        prefix,
        identity,
        logLevel: 'warn',
      }),
      QUEUE_PREFIX: queuePrefix,
      NOTIFICATIONS_ENABLED: 'false',
      DIGEST_ENABLED: 'false',
    });
    meetings = await createMeetingsApp(
      serviceTestEnv('meetings', { schema: `${run}_meetings`, prefix, identity }),
    );
    await meetings.startAllMicroservices();
    await meetings.init();
    ladder = await membership.ladder('DCA', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      lead: { name: 'Dr Lead', profession: 'doctor', role: 'clinical-lead' },
      nurse: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
      secretary: { name: 'Network Manager', profession: 'manager', role: 'secretariat' },
      observer: { name: 'Visiting Observer', profession: 'doctor', role: 'observer' },
    });
    await waitFor('meetings to seat the five, with their accounts', async () => {
      const [row] = await meetings.get(DataSource).query<{ seats: number; accounts: number }[]>(
        `SELECT (SELECT count(*)::int FROM "${run}_meetings".seat WHERE body_id = $1) AS seats,
                (SELECT count(*)::int FROM "${run}_meetings".identity_link) AS accounts`,
        [ladder.groupId],
      );
      return row?.seats === 5 && row.accounts === 5;
    });
  }, 180_000);

  afterAll(async () => {
    await meetings?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_meetings" CASCADE`);
    await meetings?.close();
    await workflow?.stop();
    await membership?.stop();
    await identity?.stop();
    await deleteRedisKeys(queuePrefix);
    const { Client } = (await import('pg')).default;
    const client = new Client({ connectionString: testInfra.databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${run}_workflow" CASCADE`);
    await client.end();
  });

  it('refuses the observer’s decision and names the secretariat in the case history', async () => {
    const meeting = await api()
      .post(`/bodies/${ladder.groupId}/meetings`)
      .set('authorization', admin)
      .send(aMeeting({ startsAt: new Date(Date.now() + 14 * 86_400_000) }))
      .expect(201);
    const meetingId = (meeting.body as { id: string }).id;

    const raised = await waitFor(
      'workflow to know the group and raise a case there',
      async () => {
        const response = await cases()
          .post('/cases')
          .set('authorization', admin)
          .send({ bodyId: ladder.groupId, title: 'No EBUS capacity', reason: 'Patients travel' });
        return response.status === 201 && (response.body as { id: string }).id;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const item = await waitFor('the case on the meeting’s agenda', async () => {
      const agenda = await api()
        .get(`/meetings/${meetingId}/agenda`)
        .set('authorization', admin)
        .expect(200);
      return (agenda.body as { id: string; externalReference: string | null }[]).find(
        (entry) => entry.externalReference === raised,
      );
    });
    const caseOf = async () =>
      (await cases().get(`/cases/${raised}`).set('authorization', admin).expect(200))
        .body as CaseBody;
    await waitFor('the case to be tabled', async () => (await caseOf()).status === 'tabled');

    // The meeting started a moment ago; the secretariat records it.
    const startsAt = new Date(Date.now() - 60_000);
    await api()
      .post(`/meetings/${meetingId}/reschedule`)
      .set('authorization', admin)
      .send({
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      })
      .expect(200);
    const secretary = await as('secretary');
    await api()
      .put(`/meetings/${meetingId}/attendance`)
      .set('authorization', secretary)
      .send(
        anAttendance({
          present: [ladder.members.chair, ladder.members.lead, ladder.members.nurse],
        }),
      )
      .expect(200);
    await api().post(`/meetings/${meetingId}/hold`).set('authorization', secretary).expect(200);

    const resolve = aDecision({ outcome: 'resolved', rationale: 'Capacity funded' });
    const refused = await api()
      .post(`/agenda-items/${item.id}/decision`)
      .set('authorization', await as('observer'))
      .send(resolve)
      .expect(403);
    expect((refused.body as { detail: string }).detail).toMatch(
      /chair, deputy chair or secretariat/,
    );
    const decided = await api()
      .post(`/agenda-items/${item.id}/decision`)
      .set('authorization', secretary)
      .send(resolve)
      .expect(201);
    expect((decided.body as { recordedBy: string }).recordedBy).toBe(ladder.members.secretary);

    const closed = await waitFor('the decision to close the case', async () => {
      const current = await caseOf();
      return current.status === 'closed' && current;
    });
    const byDecision = closed.history.filter(
      (entry) => entry.details['decisionId'] === (decided.body as { id: string }).id,
    );
    expect(byDecision.map((entry) => entry.transition)).toEqual(['resolved', 'closed']);
    for (const entry of byDecision) {
      expect(entry.details['recordedBy']).toEqual({
        memberId: ladder.members.secretary,
        subject: identity.subjectFor(['clinician'], ladder.members.secretary),
        capacity: 'secretariat',
      });
    }
    const verify = await cases()
      .get(`/cases/${raised}/history/verify`)
      .set('authorization', admin)
      .expect(200);
    expect(verify.body).toMatchObject({ valid: true });
  });
});
