import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  isolatedTopicPrefix,
  outboxDelivered,
  MembershipProcess,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  TopicRecorder,
  uniqueName,
  waitFor,
} from '#testing';
import { createPrioritiesApp } from '../src/bootstrap.js';
import { Priority } from '../src/priorities/priority.entity.js';
import {
  aPathway,
  aPriority,
  aProgramme,
  aServiceGap,
  anAudit,
  aVersion,
  aWorkforceRecommendation,
} from './builders.js';

describe('priorities service with membership as its own process (real Kafka and PostgreSQL)', () => {
  const run = uniqueName('pri');
  const kafka = testKafka();
  let prefix: string;
  let membership: MembershipProcess;
  let app: INestApplication;
  let recorder: TopicRecorder;
  let lungId: string;
  let chairId: string;
  let memberId: string;

  let identity: TestIdentity;
  /** Tokens of the admin and of the two seated members' linked accounts, signed in once. */
  let admin: string;
  let chairToken: string;
  let memberToken: string;
  const chair = () => chairToken;
  const api = () => request(app.getHttpServer());
  /** A write request, by the chair unless someone else is named. */
  const post = (path: string, body: object, authorization = chair()) =>
    api().post(path).set('authorization', authorization).send(body);
  const idOf = (response: request.Response) => (response.body as { id: string }).id;
  const events = (type: string) => recorder.events(`${prefix}priorities.events`, type);
  const settled = () =>
    outboxDelivered({
      dataSource: app.get(DataSource),
      schema: `${run}_priorities`,
      recorder,
      topic: `${prefix}priorities.events`,
    });

  beforeAll(async () => {
    prefix = await isolatedTopicPrefix(kafka, run);
    identity = await TestIdentity.start();
    membership = await MembershipProcess.start({ run, prefix, identity });
    app = await createPrioritiesApp(
      serviceTestEnv('priorities', { schema: `${run}_priorities`, prefix, identity }),
    );
    await app.startAllMicroservices();
    await app.init();
    recorder = await TopicRecorder.start(kafka, [`${prefix}priorities.events`]);

    const ladder = await membership.ladder('PRI', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
    });
    lungId = ladder.groupId;
    chairId = ladder.members.chair;
    memberId = ladder.members.member;
    const dataSource = app.get(DataSource);
    await waitFor(
      'the read model to seat the chair and the member, with their accounts',
      async () => {
        const [row] = await dataSource.query<{ n: number; accounts: number }[]>(
          `SELECT (SELECT count(*)::int FROM "${run}_priorities".seat WHERE body_id = $1) AS n,
                (SELECT count(*)::int FROM "${run}_priorities".identity_link) AS accounts`,
          [lungId],
        );
        return row?.n === 2 && row.accounts === 2;
      },
    );
    admin = await identity.token(['admin']);
    chairToken = await identity.token(['clinician'], chairId);
    memberToken = await identity.token(['clinician'], memberId);
  }, 120_000);

  afterAll(async () => {
    await recorder?.close();
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_priorities" CASCADE`);
    await app?.close();
    await membership?.stop();
    await identity?.stop();
  });

  it('announces a priority turning red exactly once; only the chair or lead (or an admin) may set it', async () => {
    const priorityId = idOf(await post('/priorities', aPriority({ bodyId: lungId })).expect(201));
    const rag = `/priorities/${priorityId}/rag`;
    await post(rag, { rag: 'red', reason: 'x' }, memberToken).expect(403);
    await post(rag, { rag: 'amber', reason: 'Two trusts behind plan' }).expect(200);
    await post(rag, { rag: 'red', reason: 'No CNS funding in two trusts' }).expect(200);
    await post(rag, { rag: 'red', reason: 'Still no funding' }).expect(200);
    await post(rag, { rag: 'purple', reason: 'x' }).expect(400);
    await settled();
    const changes = events('priorities.rag-changed.v1').map(
      (e) => e.data as { from: string; to: string; setBy: string },
    );
    expect(changes.map(({ from, to }) => [from, to])).toEqual([
      ['green', 'amber'],
      ['amber', 'red'],
    ]);
    expect(changes.filter((c) => c.to === 'red')).toHaveLength(1);
    expect(events('priorities.priority-created.v1')).toHaveLength(1);
  });

  it('announces a service gap with a current risk of 15 exactly once, scored on the NHS 5x5 matrix', async () => {
    await post(
      '/service-gaps',
      aServiceGap({ bodyId: lungId, initialRisk: { likelihood: 6, consequence: 1 } }),
    ).expect(400);
    const gapId = idOf(
      await post(
        '/service-gaps',
        aServiceGap({ bodyId: lungId, initialRisk: { likelihood: 3, consequence: 5 } }),
      ).expect(201),
    );
    const rescore = `/service-gaps/${gapId}/rescore`;
    await post(rescore, {
      currentRisk: { likelihood: 3, consequence: 5 },
      reason: 'unchanged',
    }).expect(200);
    await post(rescore, {
      currentRisk: { likelihood: 2, consequence: 5 },
      reason: 'Mobile unit agreed',
    }).expect(200);
    const mitigated = await post(`/service-gaps/${gapId}/status`, { status: 'mitigated' }).expect(
      200,
    );
    expect(mitigated.body).toMatchObject({ status: 'mitigated' });
    await settled();
    const gaps = events('priorities.service-gap-raised.v1');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.data).toMatchObject({
      gapId,
      currentRisk: { likelihood: 3, consequence: 5, score: 15, level: 'extreme' },
    });
    expect(events('priorities.risk-rescored.v1').map((e) => e.data)).toMatchObject([
      {
        gapId,
        previousRisk: { score: 15 },
        currentRisk: { score: 10, level: 'high' },
        reason: 'Mobile unit agreed',
      },
    ]);
  });

  const approve = async (versionId: string) => {
    for (const status of ['consultation', 'approved']) {
      await post(`/pathway-versions/${versionId}/advance`, { status }).expect(200);
    }
  };

  it('announces a pathway review passing its date exactly once, and a new version supersedes the old', async () => {
    const pathwayId = idOf(await post('/pathways', aPathway({ bodyId: lungId })).expect(201));
    const versions = `/pathways/${pathwayId}/versions`;
    const v1Id = idOf(await post(versions, aVersion({ version: '1.0' })).expect(201));
    await post(
      versions,
      aVersion({
        version: '1.0',
        documentUrl: 'https://example.org/x.pdf',
        changeSummary: 'again',
      }),
    ).expect(409);
    await approve(v1Id);
    await post(`/pathway-versions/${v1Id}/publish`, { publishedOn: '2024-06-01' }).expect(200);

    const first = await post('/admin/daily-check', { on: '2026-07-01' }, admin).expect(200);
    expect(first.body).toEqual({
      ran: true,
      milestonesMissed: 0,
      reviewsDue: 0,
      reviewsOverdue: 1,
    });
    const again = await post('/admin/daily-check', { on: '2026-07-02' }, admin).expect(200);
    expect(again.body).toMatchObject({ reviewsOverdue: 0 });

    const v2Id = idOf(await post(versions, aVersion({ version: '2.0' })).expect(201));
    const early = await post(`/pathway-versions/${v2Id}/publish`, {
      publishedOn: '2026-07-03',
    }).expect(409);
    expect((early.body as { message: string }).message).toMatch(
      /is draft: a version is published once approved by clinical consensus/,
    );
    await post(`/pathway-versions/${v2Id}/advance`, { status: 'approved' }).expect(409);
    await approve(v2Id);
    await post(`/pathway-versions/${v2Id}/publish`, {
      publishedOn: '2026-07-03',
      reviewDueOn: '2026-08-31',
    }).expect(200);
    const detail = await api()
      .get(`/pathways/${pathwayId}`)
      .set('authorization', admin)
      .expect(200);
    expect(
      (detail.body as { versions: { version: string; status: string }[] }).versions.map((v) => [
        v.version,
        v.status,
      ]),
    ).toEqual([
      ['1.0', 'superseded'],
      ['2.0', 'published'],
    ]);
    const due = await post('/admin/daily-check', { on: '2026-07-10' }, admin).expect(200);
    expect(due.body).toMatchObject({ reviewsDue: 1, reviewsOverdue: 0 });

    await settled();
    expect(events('priorities.pathway-review-overdue.v1').map((e) => e.data)).toEqual([
      { pathwayId, bodyId: lungId, versionId: v1Id, reviewDueOn: '2026-06-01' },
    ]);
    expect(events('priorities.pathway-review-due.v1').map((e) => e.data)).toEqual([
      { pathwayId, bodyId: lungId, versionId: v2Id, reviewDueOn: '2026-08-31', daysRemaining: 52 },
    ]);
    expect(
      events('priorities.pathway-published.v1').map(
        (e) => (e.data as { supersedesVersionId: string | null }).supersedesVersionId,
      ),
    ).toEqual([null, v1Id]);
  });

  it('marks a milestone missed once the daily check passes its date', async () => {
    const priorityId = idOf(
      await post(
        '/priorities',
        aPriority({
          bodyId: lungId,
          title: 'FDS recovery plan',
          source: 'national',
          category: 'faster-diagnosis',
        }),
        admin,
      ).expect(201),
    );
    await post(
      `/priorities/${priorityId}/milestones`,
      { title: 'Straight-to-test in all trusts', dueOn: '2026-09-30' },
      admin,
    ).expect(201);
    const check = await post('/admin/daily-check', { on: '2026-10-01' }, admin).expect(200);
    expect(check.body).toMatchObject({ milestonesMissed: 1 });
    await post('/admin/daily-check', { on: '2026-10-02' }, admin).expect(200);
    await settled();
    expect(events('priorities.milestone-missed.v1').map((e) => e.data)).toMatchObject([
      { priorityId, dueOn: '2026-09-30' },
    ]);
    await post('/priorities', aPriority({ bodyId: randomUUID() }), admin).expect(404);
  });

  it('moves a workforce recommendation through its statuses in order, announcing each', async () => {
    const id = idOf(
      await post(
        '/workforce-recommendations',
        aWorkforceRecommendation({
          bodyId: lungId,
          staffGroup: 'Lung CNS',
          shortfallWte: 3.4,
          estimatedCost: 210000,
          fundingNeeded: true,
        }),
      ).expect(201),
    );
    const status = `/workforce-recommendations/${id}/status`;
    const skipped = await post(status, { status: 'funded' }).expect(409);
    expect((skipped.body as { message: string }).message).toBe(
      'A proposed recommendation can become endorsed or rejected, not funded',
    );
    await post(status, { status: 'endorsed' }).expect(200);
    await post(status, { status: 'funded' }, admin).expect(200);
    await settled();
    expect(events('priorities.workforce-recommendation-raised.v1').map((e) => e.data)).toEqual([
      {
        recommendationId: id,
        bodyId: lungId,
        staffGroup: 'Lung CNS',
        shortfallWte: 3.4,
        estimatedCost: 210000,
        fundingNeeded: true,
      },
    ]);
    expect(
      events('priorities.workforce-recommendation-status-changed.v1').map((e) => [
        (e.data as { from: string }).from,
        (e.data as { to: string }).to,
      ]),
    ).toEqual([
      ['proposed', 'endorsed'],
      ['endorsed', 'funded'],
    ]);
  });

  it("keeps audits, programmes and a body's registers", async () => {
    const auditId = idOf(await post('/audits', anAudit({ bodyId: lungId })).expect(201));
    await post(`/audits/${auditId}/status`, { status: 'collecting' }).expect(200);
    await post('/audits', anAudit({ bodyId: lungId, organisations: ['rgt'] })).expect(400);
    const body = await api()
      .get(`/bodies/${lungId}/registers`)
      .set('authorization', memberToken)
      .expect(200);
    type Registers = Record<
      'serviceGaps' | 'workforceRecommendations' | 'pathways' | 'audits',
      { items: { status?: string }[]; total: number; limit: number; offset: number }
    >;
    const registers = body.body as Registers;
    // Each register is a page of it.
    expect(
      Object.values(registers).map(({ items, total, limit, offset }) => [
        items.length,
        total,
        limit,
        offset,
      ]),
    ).toEqual([
      [1, 1, 50, 0],
      [1, 1, 50, 0],
      [1, 1, 50, 0],
      [1, 1, 50, 0],
    ]);
    expect(registers.audits.items.map((a) => a.status)).toEqual(['collecting']);
    const further = await api()
      .get(`/bodies/${lungId}/registers`)
      .query({ limit: 1, offset: 1 })
      .set('authorization', memberToken)
      .expect(200);
    expect((further.body as Registers).pathways).toEqual({
      items: [],
      total: 1,
      limit: 1,
      offset: 1,
    });
    await api()
      .get(`/bodies/${lungId}/registers`)
      .query({ limit: 201 })
      .set('authorization', memberToken)
      .expect(400);

    const [body0] = await app
      .get(DataSource)
      .query<{ alliance_id: string }[]>(
        `SELECT alliance_id FROM "${run}_priorities".body_view WHERE id = $1`,
        [lungId],
      );
    const allianceId = body0!.alliance_id;
    await post('/programmes', aProgramme({ allianceId, name: 'Cancer programme' }), admin).expect(
      201,
    );
    await post(
      '/programmes',
      aProgramme({ allianceId, name: 'Backwards', firstYear: '2027/28', lastYear: '2023/24' }),
      admin,
    ).expect(400);
    await post(
      '/programmes',
      aProgramme({ allianceId: randomUUID(), name: 'Nowhere', lastYear: '2024/25' }),
      admin,
    ).expect(400);
    const programmes = await api()
      .get(`/alliances/${allianceId}/programmes`)
      .set('authorization', admin)
      .expect(200);
    expect(programmes.body).toEqual({
      items: [expect.objectContaining({ name: 'Cancer programme' })],
      total: 1,
      limit: 50,
      offset: 0,
    });
  });

  it("pages a body's priorities, oldest first, and keeps a page to at most 200", async () => {
    const bodyId = randomUUID();
    const dataSource = app.get(DataSource);
    await dataSource.manager.insert(
      Priority,
      Array.from({ length: 5 }, (_, index) => ({
        ...aPriority({ bodyId, title: `Priority ${index + 1}` }),
        id: randomUUID(),
        programmeId: null,
        rag: 'green' as const,
        ragReason: 'New priority',
        ragSetBy: 'test',
        completedOn: null,
        createdAt: new Date(Date.UTC(2025, 0, 1 + index)),
      })),
    );
    const list = (query: Record<string, number>) =>
      api().get(`/bodies/${bodyId}/priorities`).query(query).set('authorization', memberToken);
    const page = await list({ limit: 2, offset: 3 }).expect(200);
    expect(page.body).toEqual({
      items: [
        expect.objectContaining({ title: 'Priority 4' }),
        expect.objectContaining({ title: 'Priority 5' }),
      ],
      total: 5,
      limit: 2,
      offset: 3,
    });
    const tooMany = await list({ limit: 201 }).expect(400);
    expect(tooMany.body).toMatchObject({ errors: [{ field: 'limit' }] });
  });
});
