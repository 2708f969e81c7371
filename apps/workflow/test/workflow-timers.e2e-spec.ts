import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  deleteRedisKeys,
  isolatedTopicPrefix,
  MembershipProcess,
  serviceTestEnv,
  testInfra,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
  type Ladder,
} from '#testing';
import { createWorkflowApp } from '../src/bootstrap.js';
import { aPolicyInSeconds, aRaisedCase } from './builders.js';

interface CaseBody {
  id: string;
  bodyId: string;
  level: string;
  status: string;
  history: {
    transition: string;
    cause: { kind: string; ref: string };
    details: Record<string, unknown>;
  }[];
  deadlines: { kind: string; level: string; outcome: string | null }[];
}

describe('workflow deadlines on BullMQ timers (real Redis, PostgreSQL and Kafka)', () => {
  const run = uniqueName('wft');
  const queuePrefix = `q_${run}`;
  let membership: MembershipProcess;
  let app: INestApplication;
  let ladder: Ladder<'chair'>;
  let identity: TestIdentity;
  let admin: string;
  const api = () => request(app.getHttpServer());
  const caseOf = async (id: string) =>
    (await api().get(`/cases/${id}`).set('authorization', admin).expect(200)).body as CaseBody;
  const raise = async (title: string) =>
    (
      await api()
        .post('/cases')
        .set('authorization', admin)
        .send(
          aRaisedCase({
            bodyId: ladder.groupId,
            title,
            reason: 'Raised to test the deadline timers',
          }),
        )
        .expect(201)
    ).body as CaseBody;

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    membership = await MembershipProcess.start({ run, prefix, identity });
    app = await createWorkflowApp({
      ...serviceTestEnv('workflow', { schema: `${run}_workflow`, prefix, identity }),
      QUEUE_PREFIX: queuePrefix,
      TIMER_SWEEP_SECONDS: '0.5',
      // E-mail is the ladder test's concern; here only the inbox is written.
      NOTIFICATIONS_ENABLED: 'false',
    });
    await app.startAllMicroservices();
    await app.init();
    ladder = await membership.ladder('WFT', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
    });
    await waitFor('the read model to know the ladder', async () => {
      const rows = await app
        .get(DataSource)
        .query<unknown[]>(`SELECT 1 FROM "${run}_workflow".body_view WHERE id = ANY($1)`, [
          [ladder.groupId, ladder.cagId, ladder.boardId],
        ]);
      return rows.length === 3;
    });
    // A rehearsal policy in seconds: the group has 2 s to acknowledge, the CAG far longer.
    const current = (await api().get('/policy/1').set('authorization', admin).expect(200))
      .body as object;
    await api()
      .post('/policy')
      .set('authorization', admin)
      .send(aPolicyInSeconds(current, { group: { acknowledgeDays: 2 } }))
      .expect(201);
  }, 120_000);

  afterAll(async () => {
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_workflow" CASCADE`);
    await app?.close();
    await membership?.stop();
    await identity?.stop();
    await deleteRedisKeys(queuePrefix);
  });

  it('moves a case up a level when its acknowledge deadline passes, with the reason recorded', async () => {
    const raised = await raise('Acknowledge deadline test');
    const moved = await waitFor('the timer to move the case to the CAG', async () => {
      const escalation = await caseOf(raised.id);
      return escalation.level === 'cag' && escalation;
    });
    expect(moved).toMatchObject({ bodyId: ladder.cagId, status: 'opened' });
    const escalated = moved.history.find((entry) => entry.transition === 'escalated');
    expect(escalated?.cause.kind).toBe('timer');
    expect(escalated?.details['reason']).toMatch(
      /^The acknowledge deadline of \d{4}-\d{2}-\d{2} passed$/,
    );
    // The group's reminders fired before it; its other deadlines were cancelled on the move.
    expect(moved.history.filter((entry) => entry.transition === 'reminder-due')).toHaveLength(2);
    // The chair heard of each step, the subject naming it (seconds-long deadlines fall today).
    const subjects = await app.get(DataSource).query<{ subject: string }[]>(
      `SELECT subject FROM "${run}_workflow".notification
          WHERE case_id = $1 AND member_id = $2 AND channel = 'inbox' ORDER BY subject`,
      [raised.id, ladder.members.chair],
    );
    expect(subjects.map((row) => row.subject)).toEqual([
      'Action needed: Acknowledge deadline test',
      'Escalated to the Clinical Advisory Group: Acknowledge deadline test',
      'Reminder: Acknowledge deadline test due today',
      'Reminder: Acknowledge deadline test due today',
    ]);
    const group = moved.deadlines.filter((d) => d.level === 'group');
    expect(group.find((d) => d.kind === 'acknowledge')?.outcome).toBe('fired');
    expect(group.find((d) => d.kind === 'resolve')?.outcome).toBe('cancelled');
    const verified = await api()
      .get(`/cases/${raised.id}/history/verify`)
      .set('authorization', admin)
      .expect(200);
    expect(verified.body).toMatchObject({ valid: true });
  });

  it('loses no deadline when Redis loses its jobs: the sweep re-arms them and they still fire', async () => {
    const raised = await raise('Redis flush test');
    const redis = new Redis(testInfra.redisUrl);
    try {
      await waitFor(
        'the case’s timers to be armed',
        async () => (await redis.keys(`${queuePrefix}:*${raised.id}*`)).length > 0,
      );
      // What a restart of this machine's Redis does to the queue: every key gone.
      await deleteRedisKeys(queuePrefix);
      expect(await redis.keys(`${queuePrefix}:*${raised.id}*`)).toEqual([]);
    } finally {
      await redis.quit();
    }
    // Flushed before its 2 s deadline: only a re-armed timer can move it now.
    expect((await caseOf(raised.id)).level).toBe('group');
    const moved = await waitFor('the re-armed timer to move the case to the CAG', async () => {
      const escalation = await caseOf(raised.id);
      return escalation.level === 'cag' && escalation;
    });
    expect(moved.bodyId).toBe(ladder.cagId);
    expect(moved.history.find((entry) => entry.transition === 'escalated')?.cause.kind).toBe(
      'timer',
    );
  });

  it('removes a resolved case’s timers', async () => {
    const raised = await raise('Resolved before its deadline');
    const redis = new Redis(testInfra.redisUrl);
    const jobs = () => redis.keys(`${queuePrefix}:*${raised.id}*`);
    try {
      await waitFor('the case’s jobs to be armed', async () => (await jobs()).length > 0);
      await api()
        .post(`/cases/${raised.id}/resolve`)
        .set('authorization', admin)
        .send({ rationale: 'Resolved at the group before the deadline' })
        .expect(200);
      await waitFor('the case’s jobs to be removed', async () => (await jobs()).length === 0);
    } finally {
      await redis.quit();
    }
    const escalation = await caseOf(raised.id);
    expect(escalation).toMatchObject({ level: 'group', status: 'closed' });
    expect(escalation.deadlines.every((d) => d.outcome === 'cancelled')).toBe(true);
  });
});
