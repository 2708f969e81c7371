import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AuditEntry } from '#messaging';
import type { Page } from '#platform';
import { MembershipHarness } from './membership-harness.js';
import { anAlliance, aMember } from './builders.js';

/**
 * Every write is in the service's audit log with who made it, written with the write, and the
 * events it publishes name the same actor; admins query the log by target and by actor.
 */
describe('membership audit log', () => {
  let h: MembershipHarness;

  beforeAll(async () => {
    h = await MembershipHarness.start();
  });

  afterAll(async () => {
    await h?.close();
  });

  async function auditOf(query: string): Promise<Page<AuditEntry>> {
    const response = await h.get(`/admin/audit?${query}`, ['admin']).expect(200);
    return response.body as Page<AuditEntry>;
  }

  it('names the member who acted, in the log and in the event', async () => {
    const memberId = await h.create('/members', aMember());
    const token = await h.signInAs(memberId, ['admin']);
    const created = await request(h.app.getHttpServer())
      .post('/alliances')
      .set('authorization', token)
      .send(anAlliance())
      .expect(201);
    const allianceId = (created.body as { id: string }).id;

    const log = await auditOf(`target=${allianceId}`);
    expect(log.items).toEqual([
      expect.objectContaining({
        actor: `member:${memberId}`,
        action: 'membership.alliance-registered.v1',
        targets: [allianceId],
        changes: expect.objectContaining({ allianceId, nation: 'england' }),
      }),
    ]);
    const [event] = await h.settledEventsAbout(allianceId);
    expect(event).toMatchObject({ actor: `member:${memberId}`, id: log.items[0]?.eventId });

    const byActor = await auditOf(`actor=member:${memberId}`);
    expect(byActor.items.map((entry) => entry.action)).toEqual([
      'membership.alliance-registered.v1',
    ]);
  });

  it('names an account linked to no member by its subject', async () => {
    const allianceId = await h.create('/alliances', anAlliance());
    const [entry] = (await auditOf(`target=${allianceId}`)).items;
    expect(entry?.actor).toMatch(/^user:\S+$/);
  });

  it('is for admins only, and refuses a bad actor filter with the field', async () => {
    await h.get('/admin/audit', ['clinician']).expect(403);
    const bad = await h.get('/admin/audit?actor=nobody', ['admin']).expect(400);
    expect(bad.body).toMatchObject({ errors: [{ field: 'actor' }] });
  });

  it('refuses to change or remove an entry, whoever asks', async () => {
    const dataSource = h.app.get(DataSource);
    await expect(
      dataSource.query(`UPDATE "${h.schema}".audit_entry SET actor = 'system'`),
    ).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM "${h.schema}".audit_entry`)).rejects.toThrow(
      /append-only/,
    );
  });
});
