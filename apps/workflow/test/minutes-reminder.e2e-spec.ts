import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { platformEvents } from '#contracts';
import {
  deleteRedisKeys,
  isolatedTopicPrefix,
  serviceTestEnv,
  SmtpSink,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
} from '#testing';
import { createWorkflowApp } from '../src/bootstrap.js';

interface NotificationRow {
  member_id: string;
  channel: string;
  case_id: string | null;
  subject: string;
  status: string;
}

describe('the secretariat reminded of overdue draft minutes (real Kafka, PostgreSQL, Redis and SMTP)', () => {
  const run = uniqueName('wmin');
  const schema = `${run}_workflow`;
  const queuePrefix = `q_${run}`;
  const prefix = `${run}.`;
  const registry = platformEvents.withTopicPrefix(prefix);
  const kafka = testKafka();
  const bodyId = randomUUID();
  const meetingId = randomUUID();
  let identity: TestIdentity;
  let smtp: SmtpSink;
  let app: INestApplication;
  let producer: Producer;
  const db = () => app.get(DataSource);

  async function aSeat(role: string): Promise<{ id: string; email: string }> {
    const id = randomUUID();
    const email = `${role}.${id}@example.org`;
    await db().query(
      `INSERT INTO "${schema}".member_view (id, name, email, clinician) VALUES ($1, $2, $3, false)`,
      [id, `The ${role}`, email],
    );
    await db().query(
      `INSERT INTO "${schema}".seat (appointment_id, body_id, member_id, role, term_start)
       VALUES ($1, $2, $3, $4, '2020-01-01')`,
      [randomUUID(), bodyId, id, role],
    );
    return { id, email };
  }

  /** The meetings service's announcement, as its daily check writes it. */
  async function announce(): Promise<string> {
    const event = registry.build(
      'meetings.minutes-overdue.v1',
      {
        meetingId,
        bodyId,
        title: 'Lung network group, Q3',
        startsAt: '2026-11-02T10:00:00.000Z',
        heldOn: '2026-11-02',
        dueOn: '2026-11-16',
        daysSinceHeld: 14,
      },
      { correlationId: run },
    );
    await producer.send({
      topic: registry.topicOf('meetings.minutes-overdue.v1'),
      acks: -1,
      messages: [{ key: bodyId, value: JSON.stringify(event) }],
    });
    return JSON.stringify(event);
  }

  beforeAll(async () => {
    await isolatedTopicPrefix(kafka, run);
    identity = await TestIdentity.start();
    smtp = await SmtpSink.start();
    app = await createWorkflowApp({
      ...serviceTestEnv('workflow', { schema, prefix, identity }),
      QUEUE_PREFIX: queuePrefix,
      TIMERS_ENABLED: 'false',
      DIGEST_ENABLED: 'false',
      SMTP_URL: smtp.url,
    });
    await app.startAllMicroservices();
    await app.init();
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
    await identity?.stop();
    await smtp?.close();
    await deleteRedisKeys(queuePrefix);
  });

  it('tells the body’s secretariat once, by e-mail and inbox, and no one else; no case opens', async () => {
    await db().query(
      `INSERT INTO "${schema}".body_view (id, alliance_id, kind, name, parent_body_id)
       VALUES ($1, $2, 'tumour-site-group', 'Lung network group', NULL)`,
      [bodyId, randomUUID()],
    );
    const secretary = await aSeat('secretariat');
    const chair = await aSeat('chair');

    // The same event delivered twice, then a second announcement of the same meeting.
    const first = await announce();
    await producer.send({
      topic: registry.topicOf('meetings.minutes-overdue.v1'),
      acks: -1,
      messages: [{ key: bodyId, value: first }],
    });
    await announce();

    const subject = 'Draft minutes due: Lung network group, Q3 held on 2 November 2026';
    await waitFor('the reminder e-mail', () => smtp.to(secretary.email).length === 1, {
      timeoutMs: 30_000,
    });
    // A last event on the body's partition, handled after the three above: nothing came later.
    const sentinel = randomUUID();
    await producer.send({
      topic: registry.topicOf('meetings.meeting-scheduled.v1'),
      acks: -1,
      messages: [
        {
          key: bodyId,
          value: JSON.stringify(
            registry.build(
              'meetings.meeting-scheduled.v1',
              {
                meetingId: sentinel,
                bodyId,
                kind: 'quarterly-network-meeting',
                title: 'Lung network group, Q4',
                startsAt: '2027-02-01T10:00:00.000Z',
                endsAt: '2027-02-01T12:00:00.000Z',
                location: null,
                onlineUrl: null,
              },
              { correlationId: run },
            ),
          ),
        },
      ],
    });
    await waitFor('the sentinel meeting in the read model', async () => {
      const rows = await db().query<unknown[]>(
        `SELECT 1 FROM "${schema}".meeting_view WHERE id = $1`,
        [sentinel],
      );
      return rows.length === 1;
    });

    const rowsNow = () =>
      db().query<NotificationRow[]>(
        `SELECT member_id, channel, case_id, subject, status FROM "${schema}".notification ORDER BY channel`,
      );
    await waitFor('the e-mail recorded sent', async () =>
      (await rowsNow()).every((row) => row.status === 'sent'),
    );
    const rows = await rowsNow();
    expect(rows).toEqual([
      { member_id: secretary.id, channel: 'email', case_id: null, subject, status: 'sent' },
      { member_id: secretary.id, channel: 'inbox', case_id: null, subject, status: 'sent' },
    ]);
    expect(smtp.to(secretary.email).map((mail) => mail.subject)).toEqual([subject]);
    expect(smtp.to(chair.email)).toEqual([]);
    const cases = await db().query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${schema}".escalation_case`,
    );
    expect(cases).toEqual([{ count: 0 }]);
  }, 60_000);
});
