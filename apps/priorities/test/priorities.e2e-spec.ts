import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Role } from '#platform';
import {
  isolatedTopicPrefix,
  outboxDelivered,
  MembershipProcess,
  serviceTestEnv,
  testKafka,
  testToken,
  TopicRecorder,
  uniqueName,
  waitFor,
} from '#testing';
import { createPrioritiesApp } from '../src/bootstrap.js';

const SECRET = 'priorities-test-secret-0123456789abcdef';

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

  const token = (roles: Role[], member?: string) => testToken(SECRET, roles, member);
  const admin = token(['admin']);
  const chair = () => token(['clinician'], chairId);
  const api = () => request(app.getHttpServer());
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
    membership = await MembershipProcess.start({ run, prefix, secret: SECRET });
    app = await createPrioritiesApp(
      serviceTestEnv('priorities', { schema: `${run}_priorities`, prefix, secret: SECRET }),
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
    await waitFor('the read model to seat the chair and the member', async () => {
      const [row] = await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${run}_priorities".seat WHERE body_id = $1`,
        [lungId],
      );
      return row?.n === 2;
    });
  }, 120_000);

  afterAll(async () => {
    await recorder?.close();
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_priorities" CASCADE`);
    await app?.close();
    await membership?.stop();
  });

  it('announces a priority turning red exactly once; only the chair or lead (or an admin) may set it', async () => {
    const created = await api()
      .post('/priorities')
      .set('authorization', chair())
      .send({
        bodyId: lungId,
        title: 'Lung RDP in every trust',
        source: 'alliance',
        category: 'rapid-diagnostic-pathway',
      })
      .expect(201);
    const priorityId = (created.body as { id: string }).id;
    await api()
      .post(`/priorities/${priorityId}/rag`)
      .set('authorization', token(['clinician'], memberId))
      .send({ rag: 'red', reason: 'x' })
      .expect(403);
    await api()
      .post(`/priorities/${priorityId}/rag`)
      .set('authorization', chair())
      .send({ rag: 'amber', reason: 'Two trusts behind plan' })
      .expect(200);
    await api()
      .post(`/priorities/${priorityId}/rag`)
      .set('authorization', chair())
      .send({ rag: 'red', reason: 'No CNS funding in two trusts' })
      .expect(200);
    await api()
      .post(`/priorities/${priorityId}/rag`)
      .set('authorization', chair())
      .send({ rag: 'red', reason: 'Still no funding' })
      .expect(200);
    await api()
      .post(`/priorities/${priorityId}/rag`)
      .set('authorization', chair())
      .send({ rag: 'purple', reason: 'x' })
      .expect(400);
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
    await api()
      .post('/service-gaps')
      .set('authorization', chair())
      .send({
        bodyId: lungId,
        description: 'x',
        initialRisk: { likelihood: 6, consequence: 1 },
        targetRisk: { likelihood: 1, consequence: 1 },
      })
      .expect(400);
    const raised = await api()
      .post('/service-gaps')
      .set('authorization', chair())
      .send({
        bodyId: lungId,
        description: 'No EBUS service in the north of the county',
        organisationsAffected: ['RCX'],
        initialRisk: { likelihood: 3, consequence: 5 },
        targetRisk: { likelihood: 1, consequence: 5 },
      })
      .expect(201);
    const gapId = (raised.body as { id: string }).id;
    await api()
      .post(`/service-gaps/${gapId}/rescore`)
      .set('authorization', chair())
      .send({ currentRisk: { likelihood: 3, consequence: 5 }, reason: 'unchanged' })
      .expect(200);
    await api()
      .post(`/service-gaps/${gapId}/rescore`)
      .set('authorization', chair())
      .send({ currentRisk: { likelihood: 2, consequence: 5 }, reason: 'Mobile unit agreed' })
      .expect(200);
    const mitigated = await api()
      .post(`/service-gaps/${gapId}/status`)
      .set('authorization', chair())
      .send({ status: 'mitigated' })
      .expect(200);
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
      await api()
        .post(`/pathway-versions/${versionId}/advance`)
        .set('authorization', chair())
        .send({ status })
        .expect(200);
    }
  };

  it('announces a pathway review passing its date exactly once, and a new version supersedes the old', async () => {
    const pathway = await api()
      .post('/pathways')
      .set('authorization', chair())
      .send({
        bodyId: lungId,
        title: 'Lung optimal pathway',
        tumourSite: 'lung',
        scope: 'alliance',
      })
      .expect(201);
    const pathwayId = (pathway.body as { id: string }).id;
    const v1 = await api()
      .post(`/pathways/${pathwayId}/versions`)
      .set('authorization', chair())
      .send({
        version: '1.0',
        documentUrl: 'https://example.org/lung-1.pdf',
        changeSummary: 'First version',
      })
      .expect(201);
    const v1Id = (v1.body as { id: string }).id;
    await api()
      .post(`/pathways/${pathwayId}/versions`)
      .set('authorization', chair())
      .send({ version: '1.0', documentUrl: 'https://example.org/x.pdf', changeSummary: 'again' })
      .expect(409);
    await approve(v1Id);
    await api()
      .post(`/pathway-versions/${v1Id}/publish`)
      .set('authorization', chair())
      .send({ publishedOn: '2024-06-01' })
      .expect(200);

    const first = await api()
      .post('/admin/daily-check')
      .set('authorization', admin)
      .send({ on: '2026-07-01' })
      .expect(200);
    expect(first.body).toEqual({
      ran: true,
      milestonesMissed: 0,
      reviewsDue: 0,
      reviewsOverdue: 1,
    });
    const again = await api()
      .post('/admin/daily-check')
      .set('authorization', admin)
      .send({ on: '2026-07-02' })
      .expect(200);
    expect(again.body).toMatchObject({ reviewsOverdue: 0 });

    const v2 = await api()
      .post(`/pathways/${pathwayId}/versions`)
      .set('authorization', chair())
      .send({
        version: '2.0',
        documentUrl: 'https://example.org/lung-2.pdf',
        changeSummary: 'Straight to CT',
      })
      .expect(201);
    const v2Id = (v2.body as { id: string }).id;
    const early = await api()
      .post(`/pathway-versions/${v2Id}/publish`)
      .set('authorization', chair())
      .send({ publishedOn: '2026-07-03' })
      .expect(409);
    expect((early.body as { message: string }).message).toMatch(
      /is draft: a version is published once approved by clinical consensus/,
    );
    await api()
      .post(`/pathway-versions/${v2Id}/advance`)
      .set('authorization', chair())
      .send({ status: 'approved' })
      .expect(409);
    await approve(v2Id);
    await api()
      .post(`/pathway-versions/${v2Id}/publish`)
      .set('authorization', chair())
      .send({ publishedOn: '2026-07-03', reviewDueOn: '2026-08-31' })
      .expect(200);
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
    const due = await api()
      .post('/admin/daily-check')
      .set('authorization', admin)
      .send({ on: '2026-07-10' })
      .expect(200);
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
    const created = await api()
      .post('/priorities')
      .set('authorization', admin)
      .send({
        bodyId: lungId,
        title: 'FDS recovery plan',
        source: 'national',
        category: 'faster-diagnosis',
      })
      .expect(201);
    const priorityId = (created.body as { id: string }).id;
    await api()
      .post(`/priorities/${priorityId}/milestones`)
      .set('authorization', admin)
      .send({ title: 'Straight-to-test in all trusts', dueOn: '2026-09-30' })
      .expect(201);
    const check = await api()
      .post('/admin/daily-check')
      .set('authorization', admin)
      .send({ on: '2026-10-01' })
      .expect(200);
    expect(check.body).toMatchObject({ milestonesMissed: 1 });
    await api()
      .post('/admin/daily-check')
      .set('authorization', admin)
      .send({ on: '2026-10-02' })
      .expect(200);
    await settled();
    expect(events('priorities.milestone-missed.v1').map((e) => e.data)).toMatchObject([
      { priorityId, dueOn: '2026-09-30' },
    ]);
    await api()
      .post('/priorities')
      .set('authorization', admin)
      .send({ bodyId: randomUUID(), title: 'x', source: 'local', category: 'other' })
      .expect(404);
  });

  it('moves a workforce recommendation through its statuses in order, announcing each', async () => {
    const raised = await api()
      .post('/workforce-recommendations')
      .set('authorization', chair())
      .send({
        bodyId: lungId,
        staffGroup: 'Lung CNS',
        shortfallWte: 3.4,
        recommendation: 'Fund three shared posts',
        estimatedCost: 210000,
        fundingNeeded: true,
      })
      .expect(201);
    const id = (raised.body as { id: string }).id;
    const skipped = await api()
      .post(`/workforce-recommendations/${id}/status`)
      .set('authorization', chair())
      .send({ status: 'funded' })
      .expect(409);
    expect((skipped.body as { message: string }).message).toBe(
      'A proposed recommendation can become endorsed or rejected, not funded',
    );
    await api()
      .post(`/workforce-recommendations/${id}/status`)
      .set('authorization', chair())
      .send({ status: 'endorsed' })
      .expect(200);
    await api()
      .post(`/workforce-recommendations/${id}/status`)
      .set('authorization', admin)
      .send({ status: 'funded' })
      .expect(200);
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
    const audit = await api()
      .post('/audits')
      .set('authorization', chair())
      .send({
        bodyId: lungId,
        audit: 'National Lung Cancer Audit 2026',
        organisations: ['RGT', 'RM1'],
      })
      .expect(201);
    await api()
      .post(`/audits/${(audit.body as { id: string }).id}/status`)
      .set('authorization', chair())
      .send({ status: 'collecting' })
      .expect(200);
    await api()
      .post('/audits')
      .set('authorization', chair())
      .send({ bodyId: lungId, audit: 'x', organisations: ['rgt'] })
      .expect(400);
    const body = await api()
      .get(`/bodies/${lungId}/registers`)
      .set('authorization', token(['clinician']))
      .expect(200);
    const registers = body.body as Record<
      'serviceGaps' | 'workforceRecommendations' | 'pathways' | 'audits',
      { status?: string }[]
    >;
    expect([
      registers.serviceGaps.length,
      registers.workforceRecommendations.length,
      registers.pathways.length,
    ]).toEqual([1, 1, 1]);
    expect(registers.audits.map((a) => a.status)).toEqual(['collecting']);

    const [body0] = await app
      .get(DataSource)
      .query<{ alliance_id: string }[]>(
        `SELECT alliance_id FROM "${run}_priorities".body_view WHERE id = $1`,
        [lungId],
      );
    const allianceId = body0!.alliance_id;
    await api()
      .post('/programmes')
      .set('authorization', admin)
      .send({
        allianceId,
        name: 'Cancer programme',
        firstYear: '2023/24',
        lastYear: '2027/28',
        intendedOutcomes: ['FDS at 80% by March 2026'],
      })
      .expect(201);
    await api()
      .post('/programmes')
      .set('authorization', admin)
      .send({ allianceId, name: 'Backwards', firstYear: '2027/28', lastYear: '2023/24' })
      .expect(400);
    await api()
      .post('/programmes')
      .set('authorization', admin)
      .send({
        allianceId: randomUUID(),
        name: 'Nowhere',
        firstYear: '2023/24',
        lastYear: '2024/25',
      })
      .expect(400);
    const programmes = await api()
      .get(`/alliances/${allianceId}/programmes`)
      .set('authorization', admin)
      .expect(200);
    expect((programmes.body as { name: string }[]).map((p) => p.name)).toEqual([
      'Cancer programme',
    ]);
  });
});
