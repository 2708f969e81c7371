import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  isolatedTopicPrefix,
  MembershipProcess,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
} from '#testing';
import { createPrioritiesApp } from '../src/bootstrap.js';
import { aComment, aPathway, aVersion } from './builders.js';

type Status = 'draft' | 'consultation' | 'approved' | 'published';

interface CommentItem {
  id: string;
  pathwayId: string;
  pathwayTitle: string;
  versionId: string;
  version: string;
  relationship: string;
  comment: string;
  name: string | null;
  email: string | null;
  receivedAt: string;
  readAt: string | null;
}

describe('public pathway pages and consultation comments (real Kafka, PostgreSQL and Redis)', () => {
  const run = uniqueName('pcm');
  const schema = `${run}_priorities`;
  const kafka = testKafka();
  let prefix: string;
  let identity: TestIdentity;
  let membership: MembershipProcess;
  let app: INestApplication;
  let lungId: string;
  let cagId: string;
  let secretariatId: string;
  /** Bearer tokens: an admin, the group's chair, secretariat and plain member, and the CAG's chair. */
  const tokens = { admin: '', chair: '', secretariat: '', member: '', elsewhere: '' };

  const api = () => request(app.getHttpServer());
  const idOf = (response: request.Response) => (response.body as { id: string }).id;
  const asChair = (path: string, body: object) =>
    api().post(path).set('authorization', tokens.chair).send(body);
  const comment = (versionId: string, body: object) =>
    api().post(`/public/pathway-versions/${versionId}/comments`).send(body);
  const commentsOf = (bodyId: string, token: string) =>
    api().get(`/bodies/${bodyId}/pathway-comments`).set('authorization', token);
  const fieldsOf = (response: request.Response) =>
    (response.body as { errors: { field: string }[] }).errors.map((error) => error.field);

  /** A pathway of the lung group, with a version brought to each status given, in order. */
  async function aPathwayWith(title: string, statuses: Status[]) {
    const pathwayId = idOf(
      await asChair('/pathways', aPathway({ bodyId: lungId, title })).expect(201),
    );
    const versionIds: string[] = [];
    for (const [index, status] of statuses.entries()) {
      const versionId = idOf(
        await asChair(
          `/pathways/${pathwayId}/versions`,
          aVersion({ version: `${index + 1}.0` }),
        ).expect(201),
      );
      const steps = ['consultation', 'approved', 'published'].slice(
        0,
        ['draft', 'consultation', 'approved', 'published'].indexOf(status),
      );
      for (const step of steps) {
        if (step === 'published') {
          await asChair(`/pathway-versions/${versionId}/publish`, {
            publishedOn: `2025-0${index + 1}-01`,
          }).expect(200);
        } else {
          await asChair(`/pathway-versions/${versionId}/advance`, { status: step }).expect(200);
        }
      }
      versionIds.push(versionId);
    }
    return { pathwayId, versionIds };
  }

  beforeAll(async () => {
    prefix = await isolatedTopicPrefix(kafka, run);
    identity = await TestIdentity.start();
    membership = await MembershipProcess.start({ run, prefix, identity });
    app = await createPrioritiesApp(serviceTestEnv('priorities', { schema, prefix, identity }));
    await app.startAllMicroservices();
    await app.init();

    const ladder = await membership.ladder('PCM', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      secretariat: { name: 'Sam Secretary', profession: 'manager', role: 'secretariat' },
      member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
    });
    lungId = ladder.groupId;
    cagId = ladder.cagId;
    secretariatId = ladder.members.secretariat;
    // A clinician who chairs the CAG, and sits on the lung group not at all.
    const elsewhereId = await membership.create('/members', {
      name: 'Dr Elsewhere',
      email: `elsewhere.${run}@example.org`,
      profession: 'doctor',
    });
    await membership.create(`/members/${elsewhereId}/identities`, {
      issuer: identity.issuer,
      subject: identity.subjectFor(['clinician'], elsewhereId),
    });
    await membership.create('/appointments', {
      memberId: elsewhereId,
      bodyId: cagId,
      role: 'chair',
      termStart: '2025-04-01',
    });
    const dataSource = app.get(DataSource);
    await waitFor(
      'the read model to seat the three on the group and the CAG chair, with their accounts',
      async () => {
        const [row] = await dataSource.query<{ seats: number; accounts: number }[]>(
          `SELECT (SELECT count(*)::int FROM "${schema}".seat WHERE body_id = ANY($1)) AS seats,
                  (SELECT count(*)::int FROM "${schema}".identity_link) AS accounts`,
          [[lungId, cagId]],
        );
        return row?.seats === 4 && row.accounts === 4;
      },
      { timeoutMs: 60_000 },
    );
    tokens.admin = await identity.token(['admin']);
    tokens.chair = await identity.token(['clinician'], ladder.members.chair);
    tokens.secretariat = await identity.token(['clinician'], secretariatId);
    tokens.member = await identity.token(['clinician'], ladder.members.member);
    tokens.elsewhere = await identity.token(['clinician'], elsewhereId);
  }, 120_000);

  afterAll(async () => {
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
    await membership?.stop();
    await identity?.stop();
  });

  it("shows anyone a body's published pathways and those in consultation, and nothing else", async () => {
    const lung = await aPathwayWith('Lung optimal pathway', [
      'published',
      'published',
      'consultation',
    ]);
    const bowel = await aPathwayWith('Bowel pathway', ['consultation']);
    const breast = await aPathwayWith('Breast pathway', ['draft']);
    const skin = await aPathwayWith('Skin pathway', ['approved']);

    const list = await api().get(`/public/bodies/${lungId}/pathways`).expect(200);
    expect(list.body).toEqual({
      items: [
        {
          id: bowel.pathwayId,
          title: 'Bowel pathway',
          tumourSite: 'lung',
          scope: 'alliance',
          published: null,
          consultation: {
            versionId: bowel.versionIds[0],
            version: '1.0',
            documentUrl: 'https://example.org/lung-1.0.pdf',
            changeSummary: 'Version 1.0',
          },
        },
        {
          id: lung.pathwayId,
          title: 'Lung optimal pathway',
          tumourSite: 'lung',
          scope: 'alliance',
          // 1.0 was superseded when 2.0 was published.
          published: {
            versionId: lung.versionIds[1],
            version: '2.0',
            documentUrl: 'https://example.org/lung-2.0.pdf',
            changeSummary: 'Version 2.0',
            publishedOn: '2025-02-01',
            reviewDueOn: '2027-02-01',
          },
          consultation: {
            versionId: lung.versionIds[2],
            version: '3.0',
            documentUrl: 'https://example.org/lung-3.0.pdf',
            changeSummary: 'Version 3.0',
          },
        },
      ],
    });

    const unknown = randomUUID();
    const missing = await api().get(`/public/pathway-versions/${unknown}`).expect(404);
    expect(missing.body).toMatchObject({ detail: `Pathway version ${unknown} not found` });
    // A draft, an approved version and a superseded one answer as an unknown id does.
    for (const hidden of [breast.versionIds[0]!, skin.versionIds[0]!, lung.versionIds[0]!]) {
      const answer = await api().get(`/public/pathway-versions/${hidden}`).expect(404);
      expect(answer.body).toMatchObject({ detail: `Pathway version ${hidden} not found` });
    }
    const published = await api().get(`/public/pathway-versions/${lung.versionIds[1]}`);
    expect(published.status).toBe(200);
    expect(published.body).toEqual({
      pathwayId: lung.pathwayId,
      bodyId: lungId,
      title: 'Lung optimal pathway',
      tumourSite: 'lung',
      scope: 'alliance',
      versionId: lung.versionIds[1],
      version: '2.0',
      status: 'published',
      documentUrl: 'https://example.org/lung-2.0.pdf',
      changeSummary: 'Version 2.0',
      publishedOn: '2025-02-01',
    });
    const consulting = await api().get(`/public/pathway-versions/${bowel.versionIds[0]}`);
    expect(consulting.body).toMatchObject({ status: 'consultation', publishedOn: null });

    await api().get(`/public/bodies/${cagId}/pathways`).expect(200, { items: [] });
    await api().get(`/public/bodies/${randomUUID()}/pathways`).expect(404);
    const malformed = await api().get('/public/pathway-versions/not-a-uuid').expect(400);
    expect(fieldsOf(malformed)).toEqual(['id']);
  });

  it("takes a comment from anyone and shows it to the body's chair, clinical lead and secretariat alone", async () => {
    const { versionIds } = await aPathwayWith('Lung consultation pathway', ['consultation']);
    const versionId = versionIds[0]!;
    const first = await comment(
      versionId,
      aComment({ comment: '  Please say who to call  ', name: 'Pat', email: 'pat@example.org' }),
    ).expect(201);
    expect(Object.keys(first.body as object).sort()).toEqual(['id', 'receivedAt']);
    // Empty optional fields, as a form sends them, are not given.
    const second = await comment(
      versionId,
      aComment({ comment: 'Second thoughts', relationship: 'carer', name: ' ', email: '' }),
    ).expect(201);

    const read = await commentsOf(lungId, tokens.secretariat).expect(200);
    expect(read.body).toEqual({
      items: [
        {
          id: idOf(second),
          pathwayId: expect.any(String) as string,
          pathwayTitle: 'Lung consultation pathway',
          versionId,
          version: '1.0',
          relationship: 'carer',
          comment: 'Second thoughts',
          name: null,
          email: null,
          receivedAt: (second.body as { receivedAt: string }).receivedAt,
          readAt: null,
        },
        expect.objectContaining({
          id: idOf(first),
          comment: 'Please say who to call',
          relationship: 'patient',
          name: 'Pat',
          email: 'pat@example.org',
        }),
      ],
      total: 2,
      limit: 50,
      offset: 0,
    });
    const page = await commentsOf(lungId, tokens.chair).query({ limit: 1, offset: 1 }).expect(200);
    expect(page.body).toMatchObject({
      items: [{ id: idOf(first) }],
      total: 2,
      limit: 1,
      offset: 1,
    });
    await commentsOf(lungId, tokens.admin).expect(200);

    await commentsOf(lungId, tokens.member).expect(403);
    const elsewhere = await commentsOf(lungId, tokens.elsewhere).expect(403);
    expect(elsewhere.body).toMatchObject({
      detail:
        "Only an admin or the body's chair, clinical lead or secretariat may read its pathway comments",
    });
    await api().get(`/bodies/${lungId}/pathway-comments`).expect(401);
    await commentsOf(randomUUID(), tokens.admin).expect(404);
    await commentsOf(lungId, tokens.secretariat).query({ limit: 201 }).expect(400);
  });

  it('takes comments only while a version is in consultation', async () => {
    const { versionIds } = await aPathwayWith('Closed pathway', ['published', 'draft']);
    const closed = await comment(versionIds[0]!, aComment()).expect(409);
    expect(closed.body).toMatchObject({ detail: 'This pathway is not open for comments' });
    const draft = await comment(versionIds[1]!, aComment()).expect(404);
    expect(draft.body).toMatchObject({ detail: `Pathway version ${versionIds[1]} not found` });
    await comment(randomUUID(), aComment()).expect(404);
  });

  it('refuses a comment with a missing or bad field, naming it', async () => {
    const { versionIds } = await aPathwayWith('Strict pathway', ['consultation']);
    const versionId = versionIds[0]!;
    const invalid = async (body: object) =>
      fieldsOf(await comment(versionId, body).expect(400)).sort();
    expect(await invalid({ relationship: 'patient' })).toEqual(['comment']);
    expect(await invalid(aComment({ comment: '   ' }))).toEqual(['comment']);
    expect(await invalid(aComment({ comment: 'x'.repeat(5001) }))).toEqual(['comment']);
    expect(await invalid({ ...aComment(), relationship: 'neighbour' })).toEqual(['relationship']);
    expect(await invalid({ comment: 'No relationship' })).toEqual(['relationship']);
    expect(await invalid({ ...aComment(), nickname: 'Pat' })).toEqual(['nickname']);
    expect(await invalid(aComment({ email: 'not an address' }))).toEqual(['email']);
    expect(await invalid(aComment({ name: 'n'.repeat(201) }))).toEqual(['name']);
    expect(fieldsOf(await comment('nope', aComment()).expect(400))).toEqual(['id']);
  });

  it('records a comment in the audit log without its text, name or e-mail address', async () => {
    const { pathwayId, versionIds } = await aPathwayWith('Audited pathway', ['consultation']);
    const text = `Private words ${randomUUID()}`;
    const id = idOf(
      await comment(
        versionIds[0]!,
        aComment({ comment: text, name: 'Robin Private', email: 'robin.private@example.org' }),
      ).expect(201),
    );
    const audit = await api()
      .get('/admin/audit')
      .query({ target: id })
      .set('authorization', tokens.admin)
      .expect(200);
    expect((audit.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({
        actor: 'public',
        action: 'priorities.pathway-comment-received',
        changes: {
          id,
          pathwayId,
          versionId: versionIds[0],
          bodyId: lungId,
          relationship: 'patient',
        },
      }),
    ]);
    const [leaks] = await app.get(DataSource).query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${schema}".audit_entry
        WHERE changes::text LIKE ANY($1)`,
      [[`%${text}%`, '%Robin Private%', '%robin.private@%']],
    );
    expect(leaks?.n).toBe(0);
  });

  it('marks a comment read once, for those who may read it', async () => {
    const { versionIds } = await aPathwayWith('Read pathway', ['consultation']);
    const id = idOf(await comment(versionIds[0]!, aComment()).expect(201));
    const mark = (token: string, commentId = id) =>
      api().post(`/pathway-comments/${commentId}/read`).set('authorization', token);

    await mark(tokens.member).expect(403);
    await mark(tokens.elsewhere).expect(403);
    await api().post(`/pathway-comments/${id}/read`).expect(401);
    await mark(tokens.admin, randomUUID()).expect(404);

    const first = await mark(tokens.secretariat).expect(200);
    const item = first.body as CommentItem;
    expect(item).toMatchObject({ id, pathwayTitle: 'Read pathway', comment: aComment().comment });
    expect(item.readAt).toEqual(expect.any(String));
    const again = await mark(tokens.chair).expect(200);
    expect(again.body).toEqual(item);

    const [row] = await app
      .get(DataSource)
      .query<{ read_by: string }[]>(
        `SELECT read_by FROM "${schema}".pathway_comment WHERE id = $1`,
        [id],
      );
    expect(row?.read_by).toBe(`member:${secretariatId}`);
    const audit = await api()
      .get('/admin/audit')
      .query({ target: id })
      .set('authorization', tokens.admin)
      .expect(200);
    expect(
      (audit.body as { items: { action: string; actor: string }[] }).items
        .filter((entry) => entry.action === 'priorities.pathway-comment-read')
        .map((entry) => entry.actor),
    ).toEqual([`member:${secretariatId}`]);
    const listed = await commentsOf(lungId, tokens.secretariat).expect(200);
    expect((listed.body as { items: CommentItem[] }).items.find((c) => c.id === id)?.readAt).toBe(
      item.readAt,
    );
  });

  it('documents the public routes in its OpenAPI document, asking for no token', async () => {
    const docs = await api().get('/docs-json').expect(200);
    const paths = (docs.body as { paths: Record<string, Record<string, { security?: unknown }>> })
      .paths;
    expect(paths['/public/bodies/{bodyId}/pathways']?.['get']?.security).toEqual([]);
    expect(paths['/public/pathway-versions/{id}']?.['get']?.security).toEqual([]);
    expect(paths['/public/pathway-versions/{id}/comments']?.['post']?.security).toEqual([]);
    // The secretariat's routes keep the document's bearer token.
    expect(paths['/bodies/{bodyId}/pathway-comments']?.['get']?.security).toBeUndefined();
  });

  it('holds comments to the strict rate limit, per address', async () => {
    const { versionIds } = await aPathwayWith('Busy pathway', ['consultation']);
    // A second instance on the same schema with a budget of 3, counted apart from the first.
    const limited = await createPrioritiesApp({
      ...serviceTestEnv('priorities', { schema, prefix, identity }),
      SERVICE_NAME: `${run}-limited`,
      RATE_LIMIT_STRICT_PER_MINUTE: '3',
    });
    await limited.init();
    try {
      const post = () =>
        request(limited.getHttpServer())
          .post(`/public/pathway-versions/${versionIds[0]}/comments`)
          .send(aComment());
      for (let index = 0; index < 3; index += 1) {
        await post().expect(201);
      }
      const refused = await post().expect(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      // The pages themselves are read within the service's general budget.
      await request(limited.getHttpServer()).get(`/public/bodies/${lungId}/pathways`).expect(200);
    } finally {
      await limited.close();
    }
  });
});
