import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  platformEvents,
  type EventTypeOf,
  type PayloadOf,
  type PlatformEventMap,
} from '#contracts';
import {
  deleteRedisKeys,
  isolatedTopicPrefix,
  MembershipProcess,
  serviceTestEnv,
  SmtpSink,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
} from '#testing';
import { createWorkflowApp } from '../src/bootstrap.js';
import {
  aBreach,
  aDecision,
  anAgendaItemAdded,
  aPolicyInSeconds,
  aRaisedCase,
} from './builders.js';

const PEOPLE = ['lungChair', 'lungLead', 'cagChair', 'cagLead', 'boardChair', 'boardLead'] as const;
type Person = (typeof PEOPLE)[number];

interface CaseBody {
  id: string;
  bodyId: string;
  level: string;
  status: string;
}

/**
 * The whole ladder from events on the real topics, as the issue asks: a breach opens a case at
 * the lung group, its acknowledge deadline passes and the case moves to the CAG, the CAG
 * decides to escalate, the Board decides it is resolved. E-mails arrive at a real SMTP server.
 */
describe('the escalation ladder end to end (real Kafka, PostgreSQL, Redis and SMTP)', () => {
  const run = uniqueName('wld');
  const queuePrefix = `q_${run}`;
  const kafka = testKafka();
  let membership: MembershipProcess;
  let app: INestApplication;
  let smtp: SmtpSink;
  let producer: Producer;
  let registry: ReturnType<typeof platformEvents.withTopicPrefix>;
  const emails = {} as Record<Person, string>;
  let allianceId: string;
  let bodies: { group: string; cag: string; board: string };
  let lungMembers: { lungChair: string; lungLead: string };

  let identity: TestIdentity;
  let admin: string;
  const api = () => request(app.getHttpServer());
  const caseOf = async (id: string) =>
    (await api().get(`/cases/${id}`).set('authorization', admin).expect(200)).body as CaseBody;
  async function send<T extends EventTypeOf<PlatformEventMap>>(
    type: T,
    data: PayloadOf<PlatformEventMap, T>,
    key: string,
  ) {
    const event = registry.build(type, data, { correlationId: run });
    await producer.send({
      topic: registry.topicOf(type),
      acks: -1,
      messages: [{ key, value: JSON.stringify(event) }],
    });
  }
  const mailCount = () =>
    Object.fromEntries(PEOPLE.map((person) => [person, smtp.to(emails[person]).length]));
  const waitForMail = (expected: Record<Person, number>, what: string) =>
    waitFor(what, () => JSON.stringify(mailCount()) === JSON.stringify(expected) && true);

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(kafka, run);
    registry = platformEvents.withTopicPrefix(prefix);
    smtp = await SmtpSink.start();
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    membership = await MembershipProcess.start({ run, prefix, identity });
    app = await createWorkflowApp({
      ...serviceTestEnv('workflow', { schema: `${run}_workflow`, prefix, identity }),
      QUEUE_PREFIX: queuePrefix,
      TIMER_SWEEP_SECONDS: '0.5',
      SMTP_URL: smtp.url,
      NOTIFICATION_BACKOFF_MS: '20',
      // The webhooks here go to this machine over http.
      WEBHOOK_ALLOW_INSECURE: 'true',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    });
    await app.startAllMicroservices();
    await app.init();
    producer = kafka.producer({ idempotent: true });
    await producer.connect();

    const ladder = await membership.ladder('WLD', {
      lungChair: { name: 'Dr Lung Chair', profession: 'doctor', role: 'chair' },
      lungLead: { name: 'Dr Lung Lead', profession: 'doctor', role: 'clinical-lead' },
    });
    allianceId = ladder.allianceId;
    lungMembers = ladder.members;
    bodies = { group: ladder.groupId, cag: ladder.cagId, board: ladder.boardId };
    for (const [person, bodyId, role] of [
      ['cagChair', ladder.cagId, 'chair'],
      ['cagLead', ladder.cagId, 'clinical-lead'],
      ['boardChair', ladder.boardId, 'chair'],
      ['boardLead', ladder.boardId, 'clinical-lead'],
    ] as const) {
      const memberId = await membership.create('/members', {
        name: `Dr ${person}`,
        email: `${person.toLowerCase()}.${run}@example.org`,
        profession: 'doctor',
      });
      await membership.create('/appointments', { memberId, bodyId, role, termStart: '2025-04-01' });
    }
    await waitFor(
      'the read model to seat every chair and lead, and the lung officers to have accounts',
      async () => {
        const rows = await app
          .get(DataSource)
          .query<{ id: string; email: string; body_id: string; role: string }[]>(
            `SELECT m.id, m.email, s.body_id, s.role FROM "${run}_workflow".member_view m
           JOIN "${run}_workflow".seat s ON s.member_id = m.id`,
          );
        const [accounts] = await app
          .get(DataSource)
          .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${run}_workflow".identity_link`);
        return rows.length === 6 && accounts?.n === 2;
      },
    );
    emails.lungChair = `lungchair.${run}_membership@example.org`;
    emails.lungLead = `lunglead.${run}_membership@example.org`;
    for (const person of ['cagChair', 'cagLead', 'boardChair', 'boardLead'] as const) {
      emails[person] = `${person.toLowerCase()}.${run}@example.org`;
    }
    // Seconds for the rehearsal: the group has 3 s to acknowledge; nothing else runs out.
    const current = (await api().get('/policy/1').set('authorization', admin).expect(200))
      .body as object;
    await api()
      .post('/policy')
      .set('authorization', admin)
      .send(aPolicyInSeconds(current, { group: { acknowledgeDays: 3 } }, { reminders: [] }))
      .expect(201);
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_workflow" CASCADE`);
    await app?.close();
    await membership?.stop();
    await identity?.stop();
    await smtp?.close();
    await deleteRedisKeys(queuePrefix);
  });

  it('opens at the lung group, times out to the CAG, is escalated to the Board and resolved there', async () => {
    await send(
      'performance.standard-breached.v1',
      aBreach({ allianceId, allianceCode: 'WLD', bodyId: bodies.group }),
      `${allianceId}:lung:fds-28`,
    );
    const none = {
      lungChair: 0,
      lungLead: 0,
      cagChair: 0,
      cagLead: 0,
      boardChair: 0,
      boardLead: 0,
    };
    // 1. Opened at the lung group: its chair and lead are told.
    await waitForMail({ ...none, lungChair: 1, lungLead: 1 }, 'the lung chair and lead to be told');
    const [opened] = smtp.to(emails.lungChair);
    expect(opened?.subject).toMatch(/^Action needed: .*lung/i);
    // The link opens the case page of the web app (WEB_BASE_URL's default here).
    const caseId = /http:\/\/127\.0\.0\.1:3000\/cases\/([0-9a-f-]{36})/.exec(
      opened?.text ?? '',
    )?.[1];
    expect(caseId).toBeDefined();
    expect(opened?.html).toContain(`<a href="http://127.0.0.1:3000/cases/${caseId!}"`);

    // 2. Nobody acknowledged within 3 s: the case moves to the CAG; both bodies are told.
    await waitForMail(
      { ...none, lungChair: 2, lungLead: 2, cagChair: 1, cagLead: 1 },
      'the timer to move the case to the CAG and tell both bodies',
    );
    expect(await caseOf(caseId!)).toMatchObject({
      bodyId: bodies.cag,
      level: 'cag',
      status: 'opened',
    });
    // The subject names the step; the lung chair's second e-mail replies in the case's thread.
    const moved = smtp.to(emails.lungChair)[1];
    expect(moved?.subject).toBe(
      `Escalated to the Clinical Advisory Group: ${opened!.subject.slice('Action needed: '.length)}`,
    );
    expect(moved?.headers['in-reply-to']).toBe(opened?.messageId);
    expect(moved?.headers['references']).toBe(opened?.messageId);
    expect(smtp.to(emails.cagChair)[0]?.subject).toMatch(
      /^Escalated to the Clinical Advisory Group: /,
    );

    const meetingAt = async (bodyId: string) => {
      const meetingId = randomUUID();
      const agendaItemId = randomUUID();
      await send(
        'meetings.agenda-item-added.v1',
        anAgendaItemAdded({ meetingId, bodyId, agendaItemId, externalReference: caseId! }),
        bodyId,
      );
      return { meetingId, agendaItemId };
    };
    const decide = async (
      bodyId: string,
      item: { meetingId: string; agendaItemId: string },
      outcome: 'escalated' | 'resolved',
    ) =>
      send(
        'meetings.decision-recorded.v1',
        aDecision({
          ...item,
          bodyId,
          externalReference: caseId!,
          outcome,
          votes: { for: 5, against: 0, abstained: 1 },
        }),
        bodyId,
      );

    // 3. Tabled at the CAG (its members are told), then the CAG escalates it to the Board.
    const cagItem = await meetingAt(bodies.cag);
    await waitForMail(
      { ...none, lungChair: 2, lungLead: 2, cagChair: 2, cagLead: 2 },
      'the CAG to be told it is tabled',
    );
    await decide(bodies.cag, cagItem, 'escalated');
    await waitForMail(
      { lungChair: 2, lungLead: 2, cagChair: 3, cagLead: 3, boardChair: 1, boardLead: 1 },
      'the CAG and the Board to be told of the escalation',
    );
    expect(await caseOf(caseId!)).toMatchObject({ bodyId: bodies.board, level: 'board' });

    // 4. Tabled at the Board, which resolves it: the case closes.
    const boardItem = await meetingAt(bodies.board);
    await waitForMail(
      { lungChair: 2, lungLead: 2, cagChair: 3, cagLead: 3, boardChair: 2, boardLead: 2 },
      'the Board to be told it is tabled',
    );
    await decide(bodies.board, boardItem, 'resolved');
    await waitForMail(
      { lungChair: 2, lungLead: 2, cagChair: 3, cagLead: 3, boardChair: 3, boardLead: 3 },
      'the Board to be told it is resolved',
    );
    await waitFor('the case to close', async () => (await caseOf(caseId!)).status === 'closed');
    expect(smtp.to(emails.boardChair).map((mail) => mail.subject.split(':')[0])).toEqual([
      'Escalated to the Alliance Board',
      'On the agenda',
      'Resolved',
    ]);

    const cases = await app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${run}_workflow".escalation_case`);
    expect(cases).toEqual([{ n: 1 }]);
    // One e-mail per step each: no message went twice.
    const ids = smtp.messages.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const verified = await api()
      .get(`/cases/${caseId!}/history/verify`)
      .set('authorization', admin)
      .expect(200);
    expect(verified.body).toMatchObject({ valid: true });
    const history = (await api().get(`/cases/${caseId!}`).set('authorization', admin).expect(200))
      .body as {
      history: { transition: string; cause: { kind: string } }[];
    };
    expect(history.history.map((entry) => `${entry.transition}/${entry.cause.kind}`)).toEqual([
      'opened/event',
      'escalated/timer',
      'tabled/event',
      'escalated/event',
      'tabled/event',
      'resolved/event',
      'closed/event',
    ]);
  });

  it('follows each member’s preferences: a signed webhook, the inbox, and a daily digest for what can wait', async () => {
    const received: { body: string; headers: IncomingHttpHeaders }[] = [];
    const hooks = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ body, headers: req.headers });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    const chairToken = await identity.token(['clinician'], lungMembers.lungChair);
    const leadToken = await identity.token(['clinician'], lungMembers.lungLead);
    try {
      const set = await api()
        .put(`/members/${lungMembers.lungChair}/preferences`)
        .set('authorization', chairToken)
        .send({
          channels: ['webhook', 'inbox'],
          digest: false,
          webhookUrl: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`,
        })
        .expect(200);
      const secret = (set.body as { webhookSecret: string }).webhookSecret;
      await api()
        .put(`/members/${lungMembers.lungLead}/preferences`)
        .set('authorization', chairToken)
        .send({ channels: ['email'], digest: true })
        .expect(403);
      await api()
        .put(`/members/${lungMembers.lungLead}/preferences`)
        .set('authorization', leadToken)
        .send({ channels: ['email', 'inbox'], digest: true })
        .expect(200);
      const before = smtp.to(emails.lungLead).length;

      // Opening is urgent: the webhook at once, and the lead's e-mail despite the digest.
      const raised = await api()
        .post('/cases')
        .set('authorization', chairToken)
        .send(
          aRaisedCase({
            bodyId: bodies.group,
            title: 'Pathology turnaround over 10 days',
            reason: 'Audit of March shows a median of 12 days',
          }),
        )
        .expect(201);
      const caseId = (raised.body as { id: string }).id;
      await waitFor('the webhook to be called', () => received.length === 1);
      const hook = received[0]!;
      const signed = `${hook.headers['webhook-id'] as string}.${hook.headers['webhook-timestamp'] as string}.${hook.body}`;
      const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
      expect(hook.headers['webhook-signature']).toBe(
        `v1,${createHmac('sha256', key).update(signed).digest('base64')}`,
      );
      expect(JSON.parse(hook.body)).toMatchObject({
        caseId,
        memberId: lungMembers.lungChair,
        urgent: true,
      });
      await waitFor(
        'the lead’s urgent e-mail',
        () => smtp.to(emails.lungLead).length === before + 1,
      );
      expect(smtp.to(emails.lungChair)).toHaveLength(2); // only the ladder test's: no e-mail channel now

      // Tabling is not urgent: the lead's e-mail waits for the digest; the webhook does not.
      await send(
        'meetings.agenda-item-added.v1',
        anAgendaItemAdded({ bodyId: bodies.group, title: 'Pathology', externalReference: caseId }),
        bodies.group,
      );
      await waitFor('the webhook to hear of the tabling', () => received.length === 2);
      const inbox = await api().get('/inbox').set('authorization', leadToken).expect(200);
      expect((inbox.body as { unread: number }).unread).toBeGreaterThanOrEqual(2);
      expect(smtp.to(emails.lungLead)).toHaveLength(before + 1);
      const digest = await api().post('/admin/digest').set('authorization', admin).expect(200);
      expect(digest.body).toMatchObject({ notifications: 1 });
      await waitFor('the digest e-mail', () => smtp.to(emails.lungLead).length === before + 2);
      expect(smtp.to(emails.lungLead).at(-1)?.subject).toBe('Escalations digest: 1 update');

      const items = (inbox.body as { items: { id: string }[] }).items;
      await api().post(`/inbox/${items[0]!.id}/read`).set('authorization', leadToken).expect(200);
      await api().post(`/inbox/${items[0]!.id}/read`).set('authorization', chairToken).expect(404);
      const after = await api().get('/inbox').set('authorization', leadToken).expect(200);
      expect((after.body as { unread: number }).unread).toBe(
        (inbox.body as { unread: number }).unread - 1,
      );
    } finally {
      await new Promise((resolve) => hooks.close(resolve));
    }
  });

  it('retries a failing webhook with backoff, then records the notification as failed and says so', async () => {
    let calls = 0;
    const failing = createServer((_req, res) => {
      calls += 1;
      res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const chairToken = await identity.token(['clinician'], lungMembers.lungChair);
    try {
      await api()
        .put(`/members/${lungMembers.lungChair}/preferences`)
        .set('authorization', chairToken)
        .send({
          channels: ['webhook'],
          digest: false,
          webhookUrl: `http://127.0.0.1:${(failing.address() as AddressInfo).port}/down`,
        })
        .expect(200);
      const raised = await api()
        .post('/cases')
        .set('authorization', chairToken)
        .send(
          aRaisedCase({
            bodyId: bodies.group,
            title: 'Radiology reporting backlog',
            reason: 'Over 6 weeks for CT reports',
          }),
        )
        .expect(201);
      const caseId = (raised.body as { id: string }).id;
      const dataSource = app.get(DataSource);
      const row = await waitFor('the webhook notification to be given up', async () => {
        const [notification] = await dataSource.query<
          { status: string; attempts: number; last_error: string; id: string }[]
        >(
          `SELECT id, status, attempts, last_error FROM "${run}_workflow".notification
            WHERE case_id = $1 AND member_id = $2 AND channel = 'webhook'`,
          [caseId, lungMembers.lungChair],
        );
        return notification?.status === 'failed' && notification;
      });
      expect(row).toMatchObject({ attempts: 5, last_error: 'The webhook answered 503' });
      expect(calls).toBe(5);
      const announced = await dataSource.query<{ envelope: { data: Record<string, unknown> } }[]>(
        `SELECT envelope FROM "${run}_workflow".outbox_message WHERE event_type = 'workflow.notification-failed.v1'`,
      );
      expect(announced.map((m) => m.envelope.data)).toEqual([
        expect.objectContaining({
          notificationId: row.id,
          caseId,
          channel: 'webhook',
          attempts: 5,
        }),
      ]);
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});
