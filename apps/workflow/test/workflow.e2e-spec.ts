import {
  createPublicKey,
  type JsonWebKey as CryptoJwk,
  randomUUID,
  verify as cryptoVerify,
} from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource, type EntityManager } from 'typeorm';
import {
  platformEvents,
  type EventEnvelope,
  type EventTypeOf,
  type PayloadOf,
  type PlatformEventMap,
} from '#contracts';
import {
  isolatedTopicPrefix,
  MembershipProcess,
  outboxDelivered,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  TopicRecorder,
  uniqueName,
  waitFor,
  type Ladder,
} from '#testing';
import { createWorkflowApp } from '../src/bootstrap.js';
import { entryHash, type HistoryEntryContent } from '../src/history/hash-chain.js';
import { aBreach, aDecision, anAgendaItemAdded, aRaisedCase, aRecovery } from './builders.js';

interface CaseBody {
  nextMeeting: { title: string; startsAt: string } | null;
  id: string;
  bodyId: string;
  level: string;
  status: string;
  severity: string;
  historyLength: number;
  headHash: string;
  history: { transition: string; cause: { kind: string; ref: string } }[];
  deadlines: { kind: string; level: string; dueOn: string; settledAt: string | null }[];
}

describe('workflow service: cases from the other services’ events (real Kafka and PostgreSQL)', () => {
  const run = uniqueName('wfl');
  const kafka = testKafka();
  let prefix: string;
  let membership: MembershipProcess;
  let app: INestApplication;
  let recorder: TopicRecorder;
  let producer: Producer;
  let ladder: Ladder<'chair' | 'lead' | 'member'>;
  let registry: ReturnType<typeof platformEvents.withTopicPrefix>;

  let identity: TestIdentity;
  /** Tokens of the admin and of the seated people's linked accounts, signed in once. */
  let admin: string;
  const tokens = {} as Record<'chair' | 'lead' | 'member', string>;
  const as = (member: 'chair' | 'lead' | 'member') => tokens[member];
  const api = () => request(app.getHttpServer());
  const schema = () => `${run}_workflow`;
  const events = (type: string) => recorder.events(`${prefix}workflow.events`, type);
  const settled = () =>
    outboxDelivered({
      dataSource: app.get(DataSource),
      schema: schema(),
      recorder,
      topic: `${prefix}workflow.events`,
    });
  /** Sends an event as its producing service would; returns it. */
  async function send<T extends EventTypeOf<PlatformEventMap>>(
    type: T,
    data: PayloadOf<PlatformEventMap, T>,
    subject: string,
    id?: string,
  ): Promise<EventEnvelope> {
    const event = {
      ...registry.build(type, data, { correlationId: run }),
      ...(id ? { id } : {}),
    };
    await producer.send({
      topic: registry.topicOf(type),
      acks: -1,
      messages: [{ key: subject, value: JSON.stringify(event) }],
    });
    return event;
  }
  const caseOf = async (id: string, token = admin) =>
    (await api().get(`/cases/${id}`).set('authorization', token).expect(200)).body as CaseBody;
  const verify = (id: string) =>
    api().get(`/cases/${id}/history/verify`).set('authorization', admin).expect(200);
  /** Writes as someone who owns the database and switches its triggers off, as an attacker might. */
  const asDatabaseOwner = (write: (manager: EntityManager) => Promise<unknown>) =>
    app.get(DataSource).transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await write(manager);
    });
  const handled = (eventId: string) =>
    waitFor(`event ${eventId} to be handled`, async () => {
      const rows = await app
        .get(DataSource)
        .query<unknown[]>(`SELECT 1 FROM "${schema()}".processed_event WHERE event_id = $1`, [
          eventId,
        ]);
      return rows.length === 1;
    });
  const breach = (gap: number) =>
    aBreach({ allianceId: ladder.allianceId, allianceCode: 'WFL', bodyId: ladder.groupId, gap });

  beforeAll(async () => {
    prefix = await isolatedTopicPrefix(kafka, run);
    registry = platformEvents.withTopicPrefix(prefix);
    identity = await TestIdentity.start();
    membership = await MembershipProcess.start({ run, prefix, identity });
    app = await createWorkflowApp({
      ...serviceTestEnv('workflow', { schema: schema(), prefix, identity }),
      // The ladder test reads the e-mails; here the inbox is enough.
      NOTIFICATIONS_ENABLED: 'false',
    });
    await app.startAllMicroservices();
    await app.init();
    recorder = await TopicRecorder.start(kafka, [`${prefix}workflow.events`]);
    producer = kafka.producer({ idempotent: true });
    await producer.connect();
    ladder = await membership.ladder('WFL', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      lead: { name: 'Dr Lead', profession: 'doctor', role: 'clinical-lead' },
      member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
    });
    await waitFor('the read model to seat the lung group, with their accounts', async () => {
      const [row] = await app.get(DataSource).query<{ n: number; accounts: number }[]>(
        `SELECT (SELECT count(*)::int FROM "${schema()}".seat WHERE body_id = $1) AS n,
                  (SELECT count(*)::int FROM "${schema()}".identity_link) AS accounts`,
        [ladder.groupId],
      );
      return row?.n === 3 && row.accounts === 3;
    });
    admin = await identity.token(['admin']);
    for (const who of ['chair', 'lead', 'member'] as const) {
      tokens[who] = await identity.token(['clinician'], ladder.members[who]);
    }
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.close();
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema()}" CASCADE`);
    await app?.close();
    await membership?.stop();
    await identity?.stop();
  });

  it('opens one case per subject at the lung group, tables it, and follows the decisions up the ladder', async () => {
    const first = await send(
      'performance.standard-breached.v1',
      breach(0.08),
      `${ladder.allianceId}:lung:fds-28`,
    );
    await handled(first.id);
    const [opened] = events('workflow.escalation-opened.v1');
    await settled();
    expect(events('workflow.escalation-opened.v1')).toHaveLength(1);
    const caseId = String(events('workflow.escalation-opened.v1')[0]!.data.caseId);
    expect(opened?.data ?? events('workflow.escalation-opened.v1')[0]!.data).toMatchObject({
      subjectKey: `standard:${ladder.allianceId}:lung:fds-28`,
      bodyId: ladder.groupId,
      level: 'group',
      severity: 'high',
      // Version 3: the migrations' service-gap thresholds (8 and 15, version 2) and resolve
      // deadlines that fit each body's meeting cadence, on version 1.
      policyVersion: 3,
      cause: { kind: 'event', ref: first.id },
    });
    const startsAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const scheduled = await send(
      'meetings.meeting-scheduled.v1',
      {
        meetingId: randomUUID(),
        bodyId: ladder.groupId,
        kind: 'quarterly-network-meeting',
        title: 'Lung network group, quarterly',
        startsAt,
        endsAt: startsAt,
        location: null,
        onlineUrl: null,
      },
      ladder.groupId,
    );
    await handled(scheduled.id);
    let escalation = await caseOf(caseId);
    expect(escalation).toMatchObject({
      bodyId: ladder.groupId,
      level: 'group',
      status: 'opened',
      nextMeeting: { title: 'Lung network group, quarterly', startsAt },
    });
    // Acknowledge, table and resolve, each with reminders at half and four fifths.
    expect(escalation.deadlines.map((d) => d.kind).sort()).toEqual([
      'acknowledge',
      'acknowledge@0.5',
      'acknowledge@0.8',
      'resolve',
      'resolve@0.5',
      'resolve@0.8',
      'table',
      'table@0.5',
      'table@0.8',
    ]);
    const tableBy = escalation.deadlines.find((d) => d.kind === 'table')!.dueOn;
    expect(events('workflow.agenda-item-requested.v1')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          bodyId: ladder.groupId,
          externalReference: caseId,
          tableBy,
        }),
      }),
    ]);

    // The same subject again: the case's severity changes, never a second case.
    const worse = await send(
      'performance.standard-breached.v1',
      breach(0.12),
      `${ladder.allianceId}:lung:fds-28`,
    );
    await handled(worse.id);
    // And the first event redelivered: handled once already, so nothing.
    await send(
      'performance.standard-breached.v1',
      breach(0.08),
      `${ladder.allianceId}:lung:fds-28`,
      first.id,
    );
    // Behind it on the same partition, a recovery for another alliance: once it is handled,
    // so was the redelivery.
    const sentinel = await send(
      'performance.standard-recovered.v1',
      aRecovery({ allianceId: randomUUID(), bodyId: ladder.groupId, breachedPeriod: null }),
      `${ladder.allianceId}:lung:fds-28`,
    );
    await handled(sentinel.id);
    escalation = await caseOf(caseId);
    // Now extreme, it cannot wait for a meeting: the chair is asked to act at once.
    expect(escalation).toMatchObject({ severity: 'extreme', historyLength: 3 });
    expect(escalation.history.map((h) => h.transition)).toEqual([
      'opened',
      'trigger-updated',
      'chair-action-requested',
    ]);
    const counted = await app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${schema()}".escalation_case`);
    expect(counted).toEqual([{ n: 1 }]);

    await api().post(`/cases/${caseId}/acknowledge`).set('authorization', as('member')).expect(403);
    await api().post(`/cases/${caseId}/acknowledge`).set('authorization', as('chair')).expect(200);
    const again = await api()
      .post(`/cases/${caseId}/acknowledge`)
      .set('authorization', as('lead'))
      .expect(409);
    expect(again.body.message).toMatch(/acknowledged/);

    const meetingId = randomUUID();
    const table = async (bodyId: string) => {
      const added = await send(
        'meetings.agenda-item-added.v1',
        anAgendaItemAdded({ meetingId, bodyId, externalReference: caseId }),
        bodyId,
      );
      await handled(added.id);
    };
    await table(ladder.groupId);
    expect((await caseOf(caseId)).status).toBe('tabled');

    const decide = async (bodyId: string, outcome: 'escalated' | 'resolved') => {
      const decision = await send(
        'meetings.decision-recorded.v1',
        aDecision({ meetingId, bodyId, externalReference: caseId, outcome }),
        bodyId,
      );
      await handled(decision.id);
    };
    await decide(ladder.groupId, 'escalated');
    escalation = await caseOf(caseId);
    expect(escalation).toMatchObject({ bodyId: ladder.cagId, level: 'cag', status: 'opened' });
    expect(
      escalation.deadlines.filter((d) => d.level === 'group').every((d) => d.settledAt !== null),
    ).toBe(true);
    // A late decision at the group, which no longer holds the case, changes nothing.
    await decide(ladder.groupId, 'resolved');
    expect((await caseOf(caseId)).status).toBe('opened');
    await table(ladder.cagId);
    await decide(ladder.cagId, 'resolved');
    expect((await caseOf(caseId)).status).toBe('closed');

    await settled();
    expect(events('workflow.escalation-escalated.v1')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          fromBodyId: ladder.groupId,
          bodyId: ladder.cagId,
          level: 'cag',
        }),
      }),
    ]);
    expect(events('workflow.agenda-item-requested.v1').map((e) => e.data.bodyId)).toEqual([
      ladder.groupId,
      ladder.cagId,
    ]);
    expect(events('workflow.escalation-resolved.v1')).toHaveLength(1);

    // The group's members still see the case that passed through them; the chain verifies.
    await api().get(`/cases/${caseId}`).set('authorization', as('member')).expect(200);
    const verified = await api()
      .get(`/cases/${caseId}/history/verify`)
      .set('authorization', admin)
      .expect(200);
    // Ten entries: each body asked for the chair's action on the extreme case as it arrived.
    expect(verified.body).toEqual({ valid: true, length: 10, checkpoints: 0 });

    // A signed checkpoint anchors the chain's head; the published copy verifies with the key.
    const taken = await api()
      .post('/admin/history-checkpoints')
      .set('authorization', admin)
      .expect(200);
    expect(taken.body).toMatchObject({ checkpoints: 1, refused: [] });
    expect((await verify(caseId)).body).toEqual({ valid: true, length: 10, checkpoints: 1 });
    await settled();
    const [checkpointed] = events('workflow.history-checkpointed.v1');
    const checkpoint = checkpointed?.data as PayloadOf<
      PlatformEventMap,
      'workflow.history-checkpointed.v1'
    >;
    expect(checkpoint.heads).toContainEqual({
      caseId,
      length: 10,
      headHash: (await caseOf(caseId)).headHash,
    });
    const jwk = (await api().get('/history/checkpoint-key').set('authorization', admin).expect(200))
      .body as CryptoJwk & { kid: string };
    expect(jwk.kid).toBe(checkpoint.keyId);
    expect(
      cryptoVerify(
        null,
        Buffer.from(checkpoint.digest),
        createPublicKey({ key: jwk, format: 'jwk' }),
        Buffer.from(checkpoint.signature, 'base64url'),
      ),
    ).toBe(true);

    // The service's own connection cannot change the history at all.
    const dataSource = app.get(DataSource);
    await expect(
      dataSource.query(`DELETE FROM "${schema()}".case_history WHERE case_id = $1`, [caseId]),
    ).rejects.toThrow(/append-only/);

    // A writer who gets past the triggers and edits one entry breaks the chain…
    await asDatabaseOwner((manager) =>
      manager.query(
        `UPDATE "${schema()}".case_history SET details = details || '{"severity":"moderate"}' WHERE case_id = $1 AND sequence = 2`,
        [caseId],
      ),
    );
    expect((await verify(caseId)).body).toMatchObject({ valid: false, brokenAt: 2 });

    // …and one who rehashes the whole history and the case's head to match is caught by the
    // checkpoint signed before the rewrite.
    await asDatabaseOwner(async (manager) => {
      const entries = await manager.query<(HistoryEntryContent & { hash: string })[]>(
        `SELECT case_id AS "caseId", sequence, at, transition, from_status AS "fromStatus",
                to_status AS "toStatus", level, cause, details, hash
         FROM "${schema()}".case_history WHERE case_id = $1 ORDER BY sequence`,
        [caseId],
      );
      let previous: string | null = null;
      for (const entry of entries) {
        const hash = entryHash(previous, entry);
        await manager.query(
          `UPDATE "${schema()}".case_history SET hash = $3, previous_hash = $4 WHERE case_id = $1 AND sequence = $2`,
          [caseId, entry.sequence, hash, previous],
        );
        previous = hash;
      }
      await manager.query(`UPDATE "${schema()}".escalation_case SET head_hash = $2 WHERE id = $1`, [
        caseId,
        previous,
      ]);
    });
    expect((await verify(caseId)).body).toEqual({
      valid: false,
      checkpoints: 1,
      reason: expect.stringMatching(/does not match checkpoint 1 .*entry 10/),
    });
  });

  it("tables a case on the group's next meeting after its tabling deadline, asks the chair, and closes it once the chair's action is ratified", async () => {
    const raised = await api()
      .post('/cases')
      .set('authorization', as('member'))
      .send(aRaisedCase({ bodyId: ladder.groupId, title: 'Late for the quarterly meeting' }))
      .expect(201);
    const caseId = (raised.body as { id: string }).id;
    const meetingId = randomUUID();
    const agendaItemId = randomUUID();
    const late = {
      tableBy: '2027-01-15',
      reason:
        'The next meeting with its papers deadline open, on 2027-03-11, is after the date it was to be tabled by (2027-01-15)',
    };
    const added = await send(
      'meetings.agenda-item-added.v1',
      anAgendaItemAdded({
        meetingId,
        agendaItemId,
        bodyId: ladder.groupId,
        externalReference: caseId,
        late,
      }),
      ladder.groupId,
    );
    await handled(added.id);
    let escalation = await caseOf(caseId);
    expect(escalation.status).toBe('tabled');
    expect(escalation.history.map((entry) => entry.transition).slice(-2)).toEqual([
      'tabled',
      'chair-action-requested',
    ]);
    // The chair hears at once, told why and by when to act.
    const resolveBy = escalation.deadlines.find(
      (d) => d.kind === 'resolve' && d.level === 'group',
    )?.dueOn;
    const inbox = await api().get('/inbox').set('authorization', as('chair')).expect(200);
    const asked = (
      inbox.body as { items: { subject: string; body: string; caseId: string }[] }
    ).items.filter((n) => n.caseId === caseId && n.subject.startsWith("Chair's action needed"));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.body).toContain(late.reason);
    expect(asked[0]?.body).toContain(`by ${resolveBy}`);

    const chairsActionId = randomUUID();
    const recorded = await send(
      'meetings.chairs-action-recorded.v1',
      {
        chairsActionId,
        bodyId: ladder.groupId,
        externalReference: caseId,
        title: 'Late for the quarterly meeting',
        outcome: 'resolved',
        rationale: 'Capacity agreed with the trusts; cannot wait for March',
        recordedBy: { memberId: ladder.members.chair, subject: 'chair', capacity: 'chair' },
        ratificationMeetingId: meetingId,
      },
      ladder.groupId,
    );
    await handled(recorded.id);
    escalation = await caseOf(caseId);
    // Resolved by the chair's action, but open until the meeting ratifies it.
    expect(escalation.status).toBe('resolved');
    expect(escalation.deadlines.every((d) => d.settledAt !== null)).toBe(true);

    const ratified = await send(
      'meetings.chairs-action-ratified.v1',
      {
        meetingId,
        bodyId: ladder.groupId,
        chairsActionId,
        agendaItemId,
        decisionId: randomUUID(),
        externalReference: caseId,
        ratified: true,
      },
      ladder.groupId,
    );
    await handled(ratified.id);
    escalation = await caseOf(caseId);
    expect(escalation.status).toBe('closed');
    expect(escalation.history.map((entry) => entry.transition).slice(-3)).toEqual([
      'resolved',
      'chairs-action-ratified',
      'closed',
    ]);
    await verify(caseId).expect((response) => expect(response.body).toMatchObject({ valid: true }));
  });

  it("asks the chair for a chair's action at once on an extreme case", async () => {
    const raised = await api()
      .post('/cases')
      .set('authorization', as('member'))
      .send(aRaisedCase({ bodyId: ladder.groupId, severity: 'extreme' }))
      .expect(201);
    const escalation = await caseOf((raised.body as { id: string }).id);
    expect(escalation.history.map((entry) => entry.transition)).toEqual([
      'opened',
      'chair-action-requested',
    ]);
    expect(escalation.status).toBe('opened');
  });

  it('lets a member raise a case by hand at their body, and no one else', async () => {
    const raise = (token: string) =>
      api()
        .post('/cases')
        .set('authorization', token)
        .send(
          aRaisedCase({ bodyId: ladder.groupId, evidenceUrl: 'https://example.org/audit.pdf' }),
        );
    const raised = await raise(as('member')).expect(201);
    expect(raised.body).toMatchObject({
      kind: 'manual',
      level: 'group',
      status: 'opened',
      bodyId: ladder.groupId,
    });
    // An account linked to no member is refused, saying how to get linked.
    const unlinked = await identity.token(['clinician'], randomUUID());
    await raise(unlinked).expect(403);
    const refused = await api().get('/cases').set('authorization', unlinked).expect(403);
    expect((refused.body as { message: string }).message).toMatch(/not linked to a member yet/);
    // A member seated on no body raises nothing there and sees no case.
    const strangerId = await membership.create('/members', {
      name: 'Dr Elsewhere',
      email: `elsewhere.${run}@example.org`,
      profession: 'doctor',
    });
    await membership.create(`/members/${strangerId}/identities`, {
      issuer: identity.issuer,
      subject: identity.subjectFor(['clinician'], strangerId),
    });
    await waitFor("the stranger's account to reach the read model", async () => {
      const [row] = await app
        .get(DataSource)
        .query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${schema()}".identity_link WHERE member_id = $1`,
          [strangerId],
        );
      return row?.n === 1;
    });
    const strangerToken = await identity.token(['clinician'], strangerId);
    await raise(strangerToken).expect(403);
    const stranger = await api().get('/cases').set('authorization', strangerToken).expect(200);
    expect(stranger.body.total).toBe(0);
    const mine = await api()
      .get('/cases')
      .query({ bodyId: ladder.groupId })
      .set('authorization', as('member'))
      .expect(200);
    const raisedId = (raised.body as { id: string }).id;
    expect((mine.body as { items: { id: string }[] }).items.map((c) => c.id)).toContain(raisedId);
    // Each listed case says what its body must do next and by when, in working days.
    const listed = (
      mine.body as {
        items: {
          id: string;
          nextDeadline: { kind: string; dueOn: string; workingDaysLeft: number } | null;
        }[];
      }
    ).items.find((c) => c.id === raisedId);
    const detail = await api().get(`/cases/${raisedId}`).set('authorization', as('member'));
    const acknowledge = (
      detail.body as { deadlines: { kind: string; level: string; dueOn: string }[] }
    ).deadlines.find((d) => d.kind === 'acknowledge' && d.level === 'group');
    expect(listed?.nextDeadline).toEqual({
      kind: 'acknowledge',
      dueOn: acknowledge?.dueOn,
      workingDaysLeft: expect.any(Number),
    });
    expect(listed?.nextDeadline?.workingDaysLeft).toBeGreaterThan(0);
  });

  it('publishes a new policy version only when it is valid', async () => {
    // A version number beyond PostgreSQL's integer is the caller's error, not a 500.
    await api().get('/policy/2147483648').set('authorization', admin).expect(400);
    // A day that is not a real calendar day is named, not taken for one that was not found.
    for (const day of ['not-a-date', '2025-02-30', '0000-01-01']) {
      const put = await api()
        .put(`/calendar/bank-holidays/${day}`)
        .set('authorization', admin)
        .send({ name: 'Made-up holiday' })
        .expect(400);
      expect(put.body).toMatchObject({ errors: [{ field: 'date' }] });
      await api().delete(`/calendar/bank-holidays/${day}`).set('authorization', admin).expect(400);
    }
    const current = (await api().get('/policy/1').set('authorization', admin).expect(200))
      .body as Record<string, unknown>;
    const bad = await api()
      .post('/policy')
      .set('authorization', admin)
      .send({ ...current, reminders: [0.8, 0.5] })
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'reminders' })]);
    const next = await api()
      .post('/policy')
      .set('authorization', admin)
      .send({ ...current, maxDeferrals: 3 })
      .expect(201);
    expect(next.body).toMatchObject({ version: 4, policy: { version: 4, maxDeferrals: 3 } });
    // The versions, newest first, a page at a time.
    const versions = await api()
      .get('/policy')
      .query({ limit: 1, offset: 1 })
      .set('authorization', admin)
      .expect(200);
    expect(versions.body).toEqual({
      items: [
        expect.objectContaining({
          version: 3,
          policy: expect.objectContaining({
            triggers: expect.objectContaining({ serviceGap: { openAt: 8, cagAt: 15 } }),
            levels: {
              group: { acknowledgeDays: 5, tableDays: 20, resolveDays: 75 },
              cag: { acknowledgeDays: 5, tableDays: 15, resolveDays: 95 },
              board: { acknowledgeDays: 5, tableDays: 20, resolveDays: 55 },
            },
          }),
        }),
      ],
      total: 4,
      limit: 1,
      offset: 1,
    });
    const tooMany = await api()
      .get('/policy')
      .query({ limit: 201 })
      .set('authorization', admin)
      .expect(400);
    expect(tooMany.body).toMatchObject({ errors: [{ field: 'limit' }] });
  });

  it('escalates a chair left empty too long and an action long overdue, once each, from the daily check', async () => {
    const daysAgo = (days: number) =>
      new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const vacated = await send(
      'membership.role-vacated.v1',
      {
        bodyId: ladder.cagId,
        role: 'chair',
        vacantSince: daysAgo(200),
        previousAppointmentId: null,
        previousMemberId: null,
      },
      ladder.cagId,
    );
    const assigned = await send(
      'meetings.action-assigned.v1',
      {
        meetingId: randomUUID(),
        bodyId: ladder.groupId,
        actionId: randomUUID(),
        agendaItemId: null,
        description: 'Write to the trust about EBUS capacity',
        ownerMemberId: ladder.members.member,
        dueOn: daysAgo(60),
      },
      ladder.groupId,
    );
    await handled(vacated.id);
    await handled(assigned.id);
    const first = await api().post('/admin/daily-triggers').set('authorization', admin).expect(200);
    expect(first.body).toEqual({ roleVacancies: 1, overdueActions: 1 });
    const again = await api().post('/admin/daily-triggers').set('authorization', admin).expect(200);
    expect(again.body).toEqual({ roleVacancies: 0, overdueActions: 0 });
    const atCag = await api()
      .get('/cases')
      .query({ bodyId: ladder.cagId, status: 'opened' })
      .set('authorization', admin)
      .expect(200);
    expect((atCag.body as { items: { kind: string; severity: string }[] }).items).toEqual([
      expect.objectContaining({ kind: 'role-vacant', severity: 'high' }),
    ]);
    const atGroup = await api()
      .get('/cases')
      .query({ bodyId: ladder.groupId })
      .set('authorization', admin)
      .expect(200);
    expect((atGroup.body as { items: { kind: string }[] }).items.map((c) => c.kind)).toContain(
      'action-overdue',
    );
  });
});
