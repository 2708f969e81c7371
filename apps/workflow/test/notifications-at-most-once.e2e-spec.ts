import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricsService } from '#platform';
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
import { DailyDigestService } from '../src/notifications/daily-digest.service.js';

const OUTCOME_UNKNOWN = 'outcome unknown: the process stopped while sending';

interface NotificationRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
}

/**
 * Issue #16, "never lose an escalation": every planned notification reaches the SMTP server at
 * most once, or is recorded failed. Two digest runs at once send one digest per member, and a
 * process that stops between the SMTP server's acceptance and the row being marked sent leaves
 * a notification that is recorded failed, outcome unknown, and never sent again.
 */
describe('notifications at most once (real PostgreSQL, Redis and SMTP)', () => {
  const run = uniqueName('wam');
  const schema = `${run}_workflow`;
  const queuePrefix = `q_${run}`;
  const kafka = testKafka();
  let identity: TestIdentity;
  let smtp: SmtpSink;
  let app: INestApplication;
  const db = () => app.get(DataSource);

  async function aMember(): Promise<{ id: string; email: string }> {
    const id = randomUUID();
    const email = `member.${id}@example.org`;
    await db().query(
      `INSERT INTO "${schema}".member_view (id, name, email, clinician) VALUES ($1, 'Dr Test', $2, true)`,
      [id, email],
    );
    return { id, email };
  }

  /** An e-mail notification as the planner writes one. */
  async function aNotification(
    memberId: string,
    overrides: {
      status: 'pending' | 'held-for-digest';
      id?: string;
      address?: string;
      subject?: string;
    },
  ): Promise<string> {
    const id = overrides.id ?? randomUUID();
    await db().query(
      `INSERT INTO "${schema}".notification
         (id, dedup_key, member_id, channel, address, subject, body, urgent, status)
       VALUES ($1, $2, $3, 'email', $4, $5, 'What happened to the case', $6, $7)`,
      [
        id,
        `test:${id}`,
        memberId,
        overrides.address ?? null,
        overrides.subject ?? 'Case update',
        overrides.status === 'pending',
        overrides.status,
      ],
    );
    return id;
  }

  const rowsOf = (ids: string[]) =>
    db().query<NotificationRow[]>(
      `SELECT id, status, attempts, last_error, sent_at FROM "${schema}".notification
        WHERE id = ANY($1) ORDER BY id`,
      [ids],
    );

  /** The database refuses to record these notifications as sent: the crash window, made real. */
  async function refuseMarkingSent(ids: string[]): Promise<void> {
    await db().query(`
      CREATE OR REPLACE FUNCTION "${schema}".refuse_sent() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'the process stopped before the row was marked sent';
      END $$ LANGUAGE plpgsql`);
    await db().query(`
      CREATE TRIGGER refuse_sent BEFORE UPDATE ON "${schema}".notification FOR EACH ROW
      WHEN (NEW.status = 'sent' AND NEW.id IN (${ids.map((id) => `'${id}'`).join(', ')}))
      EXECUTE FUNCTION "${schema}".refuse_sent()`);
  }

  afterEach(async () => {
    await db().query(`DROP TRIGGER IF EXISTS refuse_sent ON "${schema}".notification`);
  });

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(kafka, run);
    identity = await TestIdentity.start();
    smtp = await SmtpSink.start();
    app = await createWorkflowApp({
      ...serviceTestEnv('workflow', { schema, prefix, identity }),
      QUEUE_PREFIX: queuePrefix,
      TIMERS_ENABLED: 'false',
      DIGEST_ENABLED: 'false',
      TIMER_SWEEP_SECONDS: '0.5',
      NOTIFICATION_BACKOFF_MS: '20',
      NOTIFICATION_SENDING_TIMEOUT_SECONDS: '1',
      SMTP_URL: smtp.url,
    });
    await app.init();
  }, 120_000);

  afterAll(async () => {
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
    await identity?.stop();
    await smtp?.close();
    await deleteRedisKeys(queuePrefix);
  });

  it('sends one digest per member when two digest runs start at once', async () => {
    const members = [await aMember(), await aMember()];
    const ids: string[] = [];
    for (const member of members) {
      ids.push(await aNotification(member.id, { status: 'held-for-digest', subject: 'First' }));
      ids.push(await aNotification(member.id, { status: 'held-for-digest', subject: 'Second' }));
    }
    const digest = app.get(DailyDigestService);

    const runs = await Promise.all([digest.run(), digest.run()]);

    for (const member of members) {
      expect(smtp.to(member.email).map((mail) => mail.subject)).toEqual([
        'Escalations digest: 2 updates',
      ]);
    }
    expect(runs[0].notifications + runs[1].notifications).toBe(4);
    expect((await rowsOf(ids)).map((row) => [row.status, row.attempts])).toEqual(
      ids.map(() => ['sent', 1]),
    );
  });

  it('records a digest whose sending was cut off as failed, outcome unknown, and never resends it', async () => {
    const member = await aMember();
    const ids = [await aNotification(member.id, { status: 'held-for-digest' })];
    await refuseMarkingSent(ids);
    const digest = app.get(DailyDigestService);

    // The first run sends and cannot record it; the second finds nothing left to send.
    await digest.run();
    expect(await digest.run()).toEqual({ members: 0, notifications: 0 });

    const [row] = await waitFor('the cut-off digest to be recorded, or sent again', async () => {
      const rows = await rowsOf(ids);
      return (rows[0]?.status === 'failed' || smtp.to(member.email).length > 1) && rows;
    });
    expect(smtp.to(member.email)).toHaveLength(1);
    expect(row).toMatchObject({ status: 'failed', last_error: OUTCOME_UNKNOWN, sent_at: null });
  });

  it('sends a notification whose sending was cut off once, then records it failed, outcome unknown', async () => {
    const member = await aMember();
    const id = randomUUID();
    // Before the row exists, so the first attempt already meets it.
    await refuseMarkingSent([id]);
    const messageId = `<${id}@cancer-network.invalid>`;
    const sent = () => smtp.messages.filter((mail) => mail.messageId === messageId);
    await aNotification(member.id, { status: 'pending', id, address: member.email });

    // The sweep queues it, the SMTP server accepts it, the mark fails; the job is retried.
    const [row] = await waitFor('the notification to be recorded, or sent again', async () => {
      const rows = await rowsOf([id]);
      return (rows[0]?.status === 'failed' || sent().length > 1) && rows;
    });

    expect(sent()).toHaveLength(1);
    expect(row).toMatchObject({ status: 'failed', last_error: OUTCOME_UNKNOWN, sent_at: null });
    const announced = await db().query<{ envelope: { data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM "${schema}".outbox_message
        WHERE event_type = 'workflow.notification-failed.v1' AND envelope->'data'->>'notificationId' = $1`,
      [id],
    );
    expect(announced.map((m) => m.envelope.data)).toEqual([
      expect.objectContaining({ notificationId: id, channel: 'email', error: OUTCOME_UNKNOWN }),
    ]);
    expect(await app.get(MetricsService).render()).toMatch(
      /workflow_notifications_outcome_unknown_total\{[^}]*channel="email"[^}]*\} [1-9]/,
    );
  });
});
