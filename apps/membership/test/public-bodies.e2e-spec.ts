import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { aBody, aMember, anAlliance, anAppointment } from './builders.js';
import { MembershipHarness } from './membership-harness.js';

interface PublicBody {
  id: string;
  name: string;
  kind: string;
  allianceId: string;
  allianceName: string;
  parentBodyId: string | null;
}

/**
 * The bodies as the public reads them, without signing in (membership service, real PostgreSQL
 * and Kafka): every body in ladder order within its alliance, and one body with its guidance,
 * with nothing about the people on them.
 */
describe('public bodies (no sign-in)', () => {
  let h: MembershipHarness;
  const anonymous = (path: string) => request(h.app.getHttpServer()).get(path);
  const ids: Record<string, string> = {};
  let anglia: string;
  let borders: string;
  const member = aMember({ name: 'Dr Private Person', email: 'private.person@example.org' });
  let memberId: string;

  beforeAll(async () => {
    h = await MembershipHarness.start();
    // Borders first and groups created out of name order: the answer's order is not insertion's.
    borders = await h.create('/alliances', anAlliance({ name: 'Borders Cancer Network' }));
    anglia = await h.create('/alliances', anAlliance({ name: 'Anglia Cancer Alliance' }));
    for (const [allianceId, prefix] of [
      [borders, 'borders'],
      [anglia, 'anglia'],
    ] as const) {
      ids[`${prefix}Board`] = await h.create(
        '/bodies',
        aBody({ allianceId, kind: 'alliance-board' }),
      );
      ids[`${prefix}Cag`] = await h.create(
        '/bodies',
        aBody({ allianceId, kind: 'clinical-advisory-group' }),
      );
    }
    ids['pathology'] = await h.create(
      '/bodies',
      aBody({
        allianceId: anglia,
        kind: 'cross-cutting-group',
        name: 'Pathology Network Group',
        specialty: 'pathology',
      }),
    );
    ids['lung'] = await h.create(
      '/bodies',
      aBody({
        allianceId: anglia,
        kind: 'tumour-site-group',
        guidance: [{ title: 'Lung timed pathway', url: 'https://example.org/lung.pdf' }],
      }),
    );
    ids['acute'] = await h.create(
      '/bodies',
      aBody({
        allianceId: anglia,
        kind: 'operational-delivery-group',
        name: 'Acute Oncology Delivery Group',
      }),
    );
    memberId = await h.create('/members', member);
    await h
      .post('/appointments', anAppointment({ memberId, bodyId: ids['lung'], role: 'chair' }))
      .expect(201);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lists every body by alliance, then up the ladder, then name, to anyone', async () => {
    const response = await anonymous('/public/bodies').expect(200);
    const { items } = response.body as { items: PublicBody[] };
    expect(items.map((body) => [body.allianceName, body.kind, body.name])).toEqual([
      ['Anglia Cancer Alliance', 'operational-delivery-group', 'Acute Oncology Delivery Group'],
      ['Anglia Cancer Alliance', 'tumour-site-group', 'Lung Cancer Network Group'],
      ['Anglia Cancer Alliance', 'cross-cutting-group', 'Pathology Network Group'],
      ['Anglia Cancer Alliance', 'clinical-advisory-group', 'Clinical Advisory Group'],
      ['Anglia Cancer Alliance', 'alliance-board', 'Alliance Board'],
      ['Borders Cancer Network', 'clinical-advisory-group', 'Clinical Advisory Group'],
      ['Borders Cancer Network', 'alliance-board', 'Alliance Board'],
    ]);
    expect(items[1]).toEqual({
      id: ids['lung'],
      name: 'Lung Cancer Network Group',
      kind: 'tumour-site-group',
      allianceId: anglia,
      allianceName: 'Anglia Cancer Alliance',
      parentBodyId: ids['angliaCag'],
    });
    expect(items[6]).toMatchObject({ id: ids['bordersBoard'], parentBodyId: null });
    expect(response.text).not.toMatch(/guidance|termsOfReference|quorum/);
  });

  it('reads one body with its guidance, to anyone', async () => {
    const response = await anonymous(`/public/bodies/${ids['lung']}`).expect(200);
    expect(response.body).toEqual({
      id: ids['lung'],
      name: 'Lung Cancer Network Group',
      kind: 'tumour-site-group',
      allianceId: anglia,
      allianceName: 'Anglia Cancer Alliance',
      parentBodyId: ids['angliaCag'],
      guidance: [{ title: 'Lung timed pathway', url: 'https://example.org/lung.pdf' }],
    });
  });

  it('names no one: no member, e-mail or appointment appears in either answer', async () => {
    // The chair is seated on the lung group, as the signed-in body route shows.
    const holders = await h.get(`/bodies/${ids['lung']}/role-holders`, ['admin']).expect(200);
    expect(holders.text).toContain(member.email);
    for (const path of ['/public/bodies', `/public/bodies/${ids['lung']}`]) {
      const { text } = await anonymous(path).expect(200);
      expect(text).not.toContain(memberId);
      expect(text).not.toContain(member.email);
      expect(text).not.toContain(member.name);
      expect(text).not.toMatch(/@|member|chair"|email/i);
    }
  });

  it('answers 404 for an unknown body and 400 naming the parameter for a malformed id', async () => {
    const unknown = randomUUID();
    const missing = await anonymous(`/public/bodies/${unknown}`).expect(404);
    expect(missing.body).toMatchObject({ status: 404, detail: `Body ${unknown} not found` });
    const malformed = await anonymous('/public/bodies/not-a-uuid').expect(400);
    expect(malformed.body).toMatchObject({ status: 400, errors: [{ field: 'id' }] });
  });

  it('documents both routes in the OpenAPI document, asking for no token', async () => {
    const docs = await anonymous('/docs-json').expect(200);
    const paths = (docs.body as { paths: Record<string, { get?: { security?: unknown } }> }).paths;
    expect(paths['/public/bodies']?.get?.security).toEqual([]);
    expect(paths['/public/bodies/{id}']?.get?.security).toEqual([]);
  });
});
