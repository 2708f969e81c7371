import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { aBody, anAlliance, anOrganisation, uniqueAllianceCode } from './builders.js';
import { MembershipHarness } from './membership-harness.js';

describe('alliances, organisations and governance bodies (membership service, real PostgreSQL and Kafka)', () => {
  let h: MembershipHarness;
  let allianceId: string;
  let boardId: string;
  let cagId: string;

  beforeAll(async () => {
    h = await MembershipHarness.start();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('registers an alliance and announces it', async () => {
    const code = uniqueAllianceCode();
    allianceId = await h.create('/alliances', anAlliance({ code }));
    const [event] = await h.settledEventsAbout(allianceId);
    expect(event).toMatchObject({
      type: 'membership.alliance-registered.v1',
      source: '/cancer-network/membership',
      data: { allianceId, code, nation: 'england', kind: 'cancer-alliance' },
    });
    await h.post('/alliances', anAlliance({ code, name: 'Again' })).expect(409);
    const renamed = await h
      .patch(`/alliances/${allianceId}`, { name: 'Renamed Alliance' })
      .expect(200);
    expect(renamed.body).toMatchObject({ id: allianceId, code, name: 'Renamed Alliance' });
    await h.patch(`/alliances/${allianceId}`, { code: 'OTHER' }).expect(400);
    const events = await h.settledEventsAbout(allianceId);
    expect(events.map((e) => [e.type, (e.data as { name: string }).name])).toEqual([
      ['membership.alliance-registered.v1', `${code} Cancer Alliance`],
      ['membership.alliance-updated.v1', 'Renamed Alliance'],
    ]);
  });

  it('refuses a group before the alliance has a CAG to escalate to, and emits nothing', async () => {
    const response = await h
      .post('/bodies', aBody({ allianceId, kind: 'tumour-site-group', specialty: 'lung' }))
      .expect(409);
    // Problem details (RFC 9457), beside the fields every answer of the platform carries.
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: expect.stringMatching(/no Clinical Advisory Group yet/),
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringMatching(/no Clinical Advisory Group yet/),
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(h.eventsAbout(allianceId).map((event) => event.type)).toEqual([
      'membership.alliance-registered.v1',
      'membership.alliance-updated.v1',
    ]);
  });

  it('builds the ladder: Board, CAG under it, groups under the CAG', async () => {
    boardId = await h.create('/bodies', aBody({ allianceId, kind: 'alliance-board' }));
    cagId = await h.create('/bodies', aBody({ allianceId, kind: 'clinical-advisory-group' }));
    const lung = await h
      .post(
        '/bodies',
        aBody({
          allianceId,
          kind: 'tumour-site-group',
          name: 'Lung Cancer Network Group',
          specialty: 'lung',
          guidance: [{ title: 'Lung timed pathway', url: 'https://example.org/lung.pdf' }],
        }),
      )
      .expect(201);
    const lungId = (lung.body as { id: string }).id;
    expect(lung.body).toMatchObject({
      parentBodyId: cagId,
      meetingCadence: 'quarterly',
      specialtyCode: 'lung',
    });

    const chain = await h.get(`/bodies/${lungId}/escalation-chain`).expect(200);
    expect(
      (chain.body as { id: string; kind: string }[]).map(({ id, kind }) => [id, kind]),
    ).toEqual([
      [lungId, 'tumour-site-group'],
      [cagId, 'clinical-advisory-group'],
      [boardId, 'alliance-board'],
    ]);

    const events = await h.settledEventsAbout(boardId, cagId, lungId);
    expect(
      events.map((event) => [
        event.type,
        (event.data as { parentBodyId: string | null }).parentBodyId,
      ]),
    ).toEqual([
      ['membership.body-created.v1', null],
      ['membership.body-created.v1', boardId],
      ['membership.body-created.v1', cagId],
    ]);
    expect(events[2]?.data).toMatchObject({
      kind: 'tumour-site-group',
      specialty: 'lung',
      termsOfReference: {
        quorum: { chairOrDeputy: true, requireClinician: true },
        papersDueDaysBefore: 7,
      },
      guidance: [{ title: 'Lung timed pathway', url: 'https://example.org/lung.pdf' }],
    });
  });

  it('refuses broken ladder rules with 409 and bad fields with 400, emitting nothing', async () => {
    const before = h.eventsAbout(allianceId, boardId, cagId).length;
    await h
      .post('/bodies', aBody({ allianceId, kind: 'clinical-advisory-group', name: 'Second CAG' }))
      .expect(409);
    const wrongParent = await h
      .post(
        '/bodies',
        aBody({
          allianceId,
          kind: 'tumour-site-group',
          name: 'Breast Group',
          specialty: 'breast',
          parentBodyId: boardId,
        }),
      )
      .expect(409);
    expect((wrongParent.body as { message: string }).message).toBe(
      'A tumour-site network group escalates to a Clinical Advisory Group, not an Alliance Board',
    );
    const cycle = await h.patch(`/bodies/${boardId}`, { parentBodyId: cagId }).expect(409);
    expect((cycle.body as { message: string }).message).toMatch(
      /escalate to itself or to a body that escalates to it/,
    );

    const otherAlliance = await h.create('/alliances', anAlliance());
    await h.create('/bodies', aBody({ allianceId: otherAlliance, kind: 'alliance-board' }));
    const crossAlliance = await h
      .post(
        '/bodies',
        aBody({
          allianceId: otherAlliance,
          kind: 'clinical-advisory-group',
          parentBodyId: boardId,
        }),
      )
      .expect(409);
    expect((crossAlliance.body as { message: string }).message).toMatch(/stays within an alliance/);

    const badSpecialty = await h
      .post(
        '/bodies',
        aBody({
          allianceId,
          kind: 'tumour-site-group',
          name: 'Pathology?',
          specialty: 'pathology',
        }),
      )
      .expect(400);
    expect(badSpecialty.body).toMatchObject({
      message: 'Validation failed',
      errors: [
        {
          field: 'specialty',
          messages: [expect.stringMatching(/pathology is a cross-cutting specialty/)],
        },
      ],
    });
    const badBody = await h
      .post('/bodies', { allianceId, kind: 'committee', name: '', colour: 'red' })
      .expect(400);
    expect(
      (badBody.body as { errors: { field: string }[] }).errors.map((error) => error.field).sort(),
    ).toEqual(['colour', 'kind', 'name']);
    expect(h.eventsAbout(allianceId, boardId, cagId)).toHaveLength(before);
  });

  it('updates a body and announces its whole new state', async () => {
    const updated = await h
      .patch(`/bodies/${cagId}`, {
        meetingCadence: 'bimonthly',
        termsOfReference: {
          quorum: { chairOrDeputy: true, minimumFraction: 0.5, requireClinician: true },
          papersDueDaysBefore: 5,
          reviewedOn: '2026-09-01',
        },
      })
      .expect(200);
    expect(updated.body).toMatchObject({ meetingCadence: 'bimonthly', parentBodyId: boardId });
    const events = await h.settledEventsAbout(cagId);
    expect(events.at(-1)).toMatchObject({
      type: 'membership.body-updated.v1',
      data: {
        bodyId: cagId,
        parentBodyId: boardId,
        meetingCadence: 'bimonthly',
        termsOfReference: { papersDueDaysBefore: 5, reviewedOn: '2026-09-01' },
      },
    });
  });

  it('lists and filters bodies with pagination, answers 404 and 400 for bad ids, 401/403 for bad callers', async () => {
    const page = await h.get(`/bodies?allianceId=${allianceId}&limit=2&offset=0`).expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect((page.body as { items: unknown[] }).items).toHaveLength(2);
    const groups = await h
      .get(`/bodies?allianceId=${allianceId}&kind=tumour-site-group`)
      .expect(200);
    expect((groups.body as { items: { name: string }[] }).items.map((b) => b.name)).toEqual([
      'Lung Cancer Network Group',
    ]);
    await h.get(`/bodies/${randomUUID()}`).expect(404);
    await h.get('/bodies/not-a-uuid').expect(400);
    await h.get('/bodies?limit=500').expect(400);
    await h
      .post('/bodies', aBody({ allianceId, kind: 'alliance-board', name: 'X' }), ['clinician'])
      .expect(403);
    await request(h.app.getHttpServer()).get('/bodies').expect(401);
  });

  it('registers organisations with ODS codes checked against their type', async () => {
    const ok = await h
      .post(
        '/organisations',
        anOrganisation({
          odsCode: 'rgt',
          type: 'acute-trust',
          name: 'Cambridge University Hospitals',
          allianceId,
        }),
      )
      .expect(201);
    expect(ok.body).toMatchObject({ odsCode: 'RGT', allianceId });
    const bad = await h
      .post('/organisations', anOrganisation({ odsCode: 'RGT1', type: 'acute-trust' }))
      .expect(400);
    expect(bad.body).toMatchObject({
      errors: [
        {
          field: 'odsCode',
          messages: [
            'The code of an acute trust is 3 letters or digits, for example RGT, not RGT1',
          ],
        },
      ],
    });
    await h.post('/organisations', anOrganisation({ odsCode: 'RGT', name: 'Again' })).expect(409);
    const moved = await h
      .patch('/organisations/rgt', { name: 'CUH', allianceId: null })
      .expect(200);
    expect(moved.body).toMatchObject({ odsCode: 'RGT', name: 'CUH', allianceId: null });
    await h.patch('/organisations/ZZZ', { name: 'Nobody' }).expect(404);
    const events = await h.settledEventsAbout('RGT');
    expect(events).toMatchObject([
      {
        type: 'membership.organisation-registered.v1',
        data: { odsCode: 'RGT', type: 'acute-trust', allianceId, codeSystem: 'ods' },
      },
      {
        type: 'membership.organisation-updated.v1',
        data: { odsCode: 'RGT', name: 'CUH', allianceId: null },
      },
    ]);
  });
});
