import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  deleteRedisKeys,
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
import { createPrioritiesApp } from '../apps/priorities/src/bootstrap.js';
import { createWorkflowApp } from '../apps/workflow/src/bootstrap.js';

/** The demonstration lung set the priorities migrations seed (LUNG-01 to LUNG-04). */
const LUNG_V1 = '6a0f3c52-4d1e-4b7a-9c1f-3e2d5b8a7c01';

interface Problem {
  message: string;
  errors?: { field: string; messages: string[] }[];
}

/**
 * Quality standards from self-assessment to escalation: the lung group's members assess their
 * team against the lung set, an officer of the CAG reviews it and flags a measure found not met
 * as a serious concern, and the workflow opens a case at the lung group. The real priorities
 * and workflow services in this process, membership as its own process, over real Kafka,
 * PostgreSQL and Redis.
 */
describe('quality standards: a serious concern found in review opens a case', () => {
  const run = uniqueName('qsc');
  const kafka = testKafka();
  let prefix: string;
  let identity: TestIdentity;
  let membership: MembershipProcess;
  let priorities: INestApplication;
  let workflow: INestApplication;
  let recorder: TopicRecorder;
  let ladder: Ladder<'lead' | 'member' | 'observer'>;
  let reviewerId: string;
  const tokens = {} as Record<'admin' | 'lead' | 'member' | 'observer' | 'reviewer', string>;

  const api = () => request(priorities.getHttpServer());
  const post = (path: string, body: object, token: string) =>
    api().post(path).set('authorization', token).send(body);
  const problem = (response: request.Response) => response.body as Problem;
  const fields = (response: request.Response) => problem(response).errors?.map((e) => e.field);
  const events = (service: string, type: string) =>
    recorder.events(`${prefix}${service}.events`, type);

  beforeAll(async () => {
    prefix = await isolatedTopicPrefix(kafka, run);
    identity = await TestIdentity.start();
    membership = await MembershipProcess.start({ run, prefix, identity });
    priorities = await createPrioritiesApp(
      serviceTestEnv('priorities', { schema: `${run}_priorities`, prefix, identity }),
    );
    await priorities.startAllMicroservices();
    await priorities.init();
    workflow = await createWorkflowApp({
      ...serviceTestEnv('workflow', { schema: `${run}_workflow`, prefix, identity }),
      QUEUE_PREFIX: `q_${run}`,
      NOTIFICATIONS_ENABLED: 'false',
      DIGEST_ENABLED: 'false',
    });
    await workflow.startAllMicroservices();
    await workflow.init();
    recorder = await TopicRecorder.start(kafka, [
      `${prefix}priorities.events`,
      `${prefix}workflow.events`,
    ]);

    ladder = await membership.ladder('QSC', {
      lead: { name: 'Dr Lead', profession: 'doctor', role: 'clinical-lead' },
      member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
      observer: { name: 'Mr Observer', profession: 'other', role: 'observer' },
    });
    // The network's reviewer: the CAG's clinical lead, seated on the CAG only.
    reviewerId = await membership.create('/members', {
      name: 'Dr Reviewer',
      email: `reviewer.${run}@example.org`,
      profession: 'doctor',
    });
    await membership.create(`/members/${reviewerId}/identities`, {
      issuer: identity.issuer,
      subject: identity.subjectFor(['clinician'], reviewerId),
    });
    await membership.create('/appointments', {
      memberId: reviewerId,
      bodyId: ladder.cagId,
      role: 'clinical-lead',
      termStart: '2025-04-01',
    });
    await waitFor(
      'priorities to seat the group and the reviewer, with their accounts',
      async () => {
        const [row] = await priorities.get(DataSource).query<{ seats: number; links: number }[]>(
          `SELECT (SELECT count(*)::int FROM "${run}_priorities".seat) AS seats,
                  (SELECT count(*)::int FROM "${run}_priorities".identity_link) AS links`,
        );
        return row?.seats === 4 && row.links === 4;
      },
      { timeoutMs: 90_000 },
    );
    await waitFor(
      'workflow to know the lung group and its CAG',
      async () => {
        const rows = await workflow
          .get(DataSource)
          .query<unknown[]>(
            `SELECT 1 FROM "${run}_workflow".body_view WHERE id = ANY($1) AND (id = $2 OR parent_body_id IS NOT NULL)`,
            [[ladder.groupId, ladder.cagId], ladder.groupId],
          );
        return rows.length === 2;
      },
      { timeoutMs: 90_000 },
    );
    tokens.admin = await identity.token(['admin']);
    for (const who of ['lead', 'member', 'observer'] as const) {
      tokens[who] = await identity.token(['clinician'], ladder.members[who]);
    }
    tokens.reviewer = await identity.token(['clinician'], reviewerId);
  }, 180_000);

  afterAll(async () => {
    await recorder?.close();
    for (const [app, service] of [
      [priorities, 'priorities'],
      [workflow, 'workflow'],
    ] as const) {
      await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_${service}" CASCADE`);
      await app?.close();
    }
    await membership?.stop();
    await identity?.stop();
    await deleteRedisKeys(`q_${run}`);
  });

  it('refuses bad answers, then a member submits once; the CAG reviews once and its serious concern opens a case at the group', async () => {
    const sets = await api()
      .get('/measure-sets?code=lung')
      .set('authorization', tokens.member)
      .expect(200);
    expect((sets.body as { id: string; measures: { id: string }[] }[])[0]).toMatchObject({
      id: LUNG_V1,
      version: 1,
      measures: [{ id: 'LUNG-01' }, { id: 'LUNG-02' }, { id: 'LUNG-03' }, { id: 'LUNG-04' }],
    });

    // Who may answer, and what is refused before anything is written.
    const start = { bodyId: ladder.groupId, measureSetId: LUNG_V1 };
    await post('/quality-assessments', start, tokens.observer).expect(403);
    await post('/quality-assessments', start, tokens.reviewer).expect(403);
    const unknownSet = await post(
      '/quality-assessments',
      { ...start, measureSetId: ladder.groupId },
      tokens.member,
    ).expect(404);
    expect(problem(unknownSet).message).toMatch(/Measure set .* not found/);
    const badAnswer = await post(
      '/quality-assessments',
      { ...start, answers: [{ measureId: 'LUNG-01', answer: 'mostly' }] },
      tokens.member,
    ).expect(400);
    expect(fields(badAnswer)).toEqual(['answers.0.answer']);
    const unknownMeasure = await post(
      '/quality-assessments',
      { ...start, answers: [{ measureId: 'LUNG-99', answer: 'compliant' }] },
      tokens.member,
    ).expect(422);
    expect(problem(unknownMeasure).errors).toEqual([
      { field: 'answers.0.measureId', messages: ['lung v1 has no measure LUNG-99'] },
    ]);

    const created = await post(
      '/quality-assessments',
      {
        ...start,
        answers: [
          { measureId: 'LUNG-01', answer: 'compliant', evidenceUrl: 'https://example.org/jp.pdf' },
          { measureId: 'LUNG-02', answer: 'not-compliant', comment: 'Fortnightly at present' },
        ],
      },
      tokens.member,
    ).expect(201);
    const id = (created.body as { id: string }).id;
    await post('/quality-assessments', start, tokens.lead).expect(409);
    const review = `/quality-assessments/${id}/review`;
    const early = await post(review, { reviews: [] }, tokens.reviewer).expect(409);
    expect(problem(early).message).toMatch(/has not been submitted/);

    const incomplete = await post(`/quality-assessments/${id}/submit`, {}, tokens.member).expect(
      422,
    );
    expect(fields(incomplete)).toEqual(['answers.LUNG-03', 'answers.LUNG-04']);
    const twice = await post(
      `/quality-assessments/${id}/answers`,
      {
        answers: [
          { measureId: 'LUNG-03', answer: 'compliant' },
          { measureId: 'LUNG-03', answer: 'not-applicable' },
        ],
      },
      tokens.member,
    ).expect(400);
    expect(fields(twice)).toEqual(['answers.1.measureId']);
    await post(
      `/quality-assessments/${id}/answers`,
      {
        answers: [
          { measureId: 'LUNG-03', answer: 'compliant' },
          { measureId: 'LUNG-04', answer: 'not-applicable', comment: 'Figures reported by CAG' },
        ],
      },
      tokens.member,
    ).expect(200);
    const noEvidence = await post(`/quality-assessments/${id}/submit`, {}, tokens.member).expect(
      422,
    );
    expect(fields(noEvidence)).toEqual(['answers.LUNG-03.evidenceUrl']);
    await post(
      `/quality-assessments/${id}/answers`,
      {
        answers: [
          {
            measureId: 'LUNG-03',
            answer: 'compliant',
            evidenceUrl: 'https://example.org/cns-audit.xlsx',
          },
        ],
      },
      tokens.member,
    ).expect(200);

    // Self-assessed: 01 and 03 compliant, 02 not, 04 not applicable: 2 / (2 + 1) = 66.7%.
    const submitted = await post(`/quality-assessments/${id}/submit`, {}, tokens.member).expect(
      200,
    );
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      compliance: { compliant: 2, notCompliant: 1, notApplicable: 1, percent: 66.7 },
    });
    await post(`/quality-assessments/${id}/submit`, {}, tokens.member).expect(409);
    await post(
      `/quality-assessments/${id}/answers`,
      { answers: [{ measureId: 'LUNG-02', answer: 'compliant' }] },
      tokens.member,
    ).expect(409);

    // The network's review: its own members may not; a concern needs a measure not met.
    const concern = {
      measureId: 'LUNG-03',
      outcome: 'challenged',
      finding: 'not-compliant',
      comment: 'No nurse specialist at 4 of the 20 diagnoses audited',
      seriousConcern: true,
    };
    await post(review, { reviews: [concern] }, tokens.lead).expect(403);
    const concernOnMet = await post(
      review,
      {
        reviews: [{ measureId: 'LUNG-01', outcome: 'agreed', comment: 'x', seriousConcern: true }],
      },
      tokens.reviewer,
    ).expect(422);
    expect(fields(concernOnMet)).toEqual(['reviews.0.seriousConcern']);
    const noFinding = await post(
      review,
      { reviews: [{ measureId: 'LUNG-02', outcome: 'challenged' }] },
      tokens.reviewer,
    ).expect(400);
    expect(fields(noFinding)).toEqual(['reviews.0.finding', 'reviews.0.comment']);
    await post(
      `/quality-assessments/${ladder.groupId}/review`,
      { reviews: [] },
      tokens.admin,
    ).expect(404);

    // Reviewed: 03 found not met, the rest agreed: 1 / (1 + 2) = 33.3%.
    const reviewed = await post(
      review,
      { reviews: [concern, { measureId: 'LUNG-02', outcome: 'agreed' }] },
      tokens.reviewer,
    ).expect(200);
    expect(reviewed.body).toMatchObject({
      status: 'reviewed',
      compliance: {
        compliant: 1,
        notCompliant: 2,
        notApplicable: 1,
        percent: 33.3,
        nonCompliantMeasureIds: ['LUNG-02', 'LUNG-03'],
      },
    });
    await post(review, { reviews: [] }, tokens.reviewer).expect(409);
    const standing = await api()
      .get(`/bodies/${ladder.groupId}/quality-compliance`)
      .set('authorization', tokens.member)
      .expect(200);
    expect(standing.body).toEqual([
      expect.objectContaining({
        measureSetCode: 'lung',
        assessmentId: id,
        basis: 'network-review',
        compliance: expect.objectContaining({ percent: 33.3 }),
      }),
    ]);

    // The workflow opens one case at the lung group for the concern.
    const subjectKey = `quality:${ladder.groupId}:lung:LUNG-03`;
    const opened = await waitFor(
      'the workflow to open a case for the serious concern',
      () =>
        events('workflow', 'workflow.escalation-opened.v1').find(
          (e) => e.data['subjectKey'] === subjectKey,
        ),
      { timeoutMs: 60_000 },
    );
    const [raised] = events('priorities', 'priorities.quality-serious-concern-raised.v1');
    expect(opened.data).toMatchObject({
      bodyId: ladder.groupId,
      level: 'group',
      kind: 'quality-serious-concern',
      severity: 'high',
      cause: { kind: 'event', ref: raised?.id },
    });
    const escalation = await request(workflow.getHttpServer())
      .get(`/cases/${String(opened.data['caseId'])}`)
      .set('authorization', tokens.lead)
      .expect(200);
    expect(escalation.body).toMatchObject({
      bodyId: ladder.groupId,
      status: 'opened',
      title: expect.stringMatching(/^Quality standards serious concern, Lung LUNG-03: /),
      evidence: expect.objectContaining({ assessmentId: id, comment: concern.comment }),
    });

    await outboxDelivered({
      dataSource: priorities.get(DataSource),
      schema: `${run}_priorities`,
      recorder,
      topic: `${prefix}priorities.events`,
    });
    expect(events('priorities', 'priorities.quality-assessment-submitted.v1')).toHaveLength(1);
    expect(
      events('priorities', 'priorities.quality-assessment-reviewed.v1').map((e) => e.data),
    ).toMatchObject([
      {
        assessmentId: id,
        challengedMeasureIds: ['LUNG-03'],
        seriousConcernMeasureIds: ['LUNG-03'],
        reviewedBy: `member:${reviewerId}`,
      },
    ]);
    expect(events('priorities', 'priorities.quality-serious-concern-raised.v1')).toHaveLength(1);
    expect(
      events('workflow', 'workflow.escalation-opened.v1').filter(
        (e) => e.data['subjectKey'] === subjectKey,
      ),
    ).toHaveLength(1);
  }, 180_000);
});
