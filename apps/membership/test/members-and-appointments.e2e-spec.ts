import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EventEnvelope } from '#contracts';
import type { AppointDto } from '../src/appointments/appointments.dto.js';
import { aBody, aMember, anAlliance, anAppointment } from './builders.js';
import { MembershipHarness } from './membership-harness.js';

interface Created {
  id: string;
}

type Role = AppointDto['role'];

describe('members and appointments (membership service, real PostgreSQL and Kafka)', () => {
  let h: MembershipHarness;
  let lungId: string;
  let run: string;

  const idOf = (response: { body: unknown }) => (response.body as Created).id;

  /** A doctor whose e-mail address carries this run's marker, for the search test. */
  function registerMember(name: string): Promise<string> {
    const email = `${name.toLowerCase().replaceAll(' ', '.')}.${run}@example.org`;
    return h.create('/members', aMember({ name, email }));
  }

  function appoint(memberId: string, role: Role, termStart: string, termEnd?: string) {
    return h.post(
      '/appointments',
      anAppointment({ memberId, bodyId: lungId, role, termStart, ...(termEnd ? { termEnd } : {}) }),
    );
  }

  beforeAll(async () => {
    h = await MembershipHarness.start();
    run = randomUUID().slice(0, 8);
    const allianceId = await h.create('/alliances', anAlliance());
    await h.create('/bodies', aBody({ allianceId, kind: 'alliance-board' }));
    await h.create('/bodies', aBody({ allianceId, kind: 'clinical-advisory-group' }));
    lungId = await h.create(
      '/bodies',
      aBody({ allianceId, kind: 'tumour-site-group', specialty: 'lung' }),
    );
  });

  afterAll(async () => {
    await h?.close();
  });

  it('registers members, checking registration numbers and refusing duplicate e-mails', async () => {
    const response = await h
      .post(
        '/members',
        aMember({
          name: 'Dr Asha Patel',
          email: `Asha.Patel.${run}@Example.org`,
          profession: 'doctor',
          registration: { register: 'gmc', number: '1234567' },
        }),
      )
      .expect(201);
    const memberId = idOf(response);
    expect(response.body).toMatchObject({
      email: `asha.patel.${run}@example.org`,
      registrationNumber: '1234567',
    });
    const [event] = await h.settledEventsAbout(memberId);
    expect(event).toMatchObject({
      type: 'membership.member-registered.v1',
      data: { memberId, clinician: true, registration: { register: 'gmc', number: '1234567' } },
    });

    const badGmc = await h
      .post(
        '/members',
        aMember({ profession: 'doctor', registration: { register: 'gmc', number: '12345' } }),
      )
      .expect(400);
    expect(badGmc.body).toMatchObject({
      errors: [
        {
          field: 'registration.number',
          messages: ['Invalid GMC number: a GMC number is 7 digits'],
        },
      ],
    });
    await h
      .post(
        '/members',
        aMember({ name: 'Twin', email: `asha.patel.${run}@example.org`, profession: 'nurse' }),
      )
      .expect(409);
    await h.post('/members', aMember({ email: 'not-an-email' })).expect(400);

    const updated = await h
      .patch(`/members/${memberId}`, { name: 'Professor Asha Patel' })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Professor Asha Patel' });
    const events = await h.settledEventsAbout(memberId);
    expect(events.map((e) => e.type)).toEqual([
      'membership.member-registered.v1',
      'membership.member-updated.v1',
    ]);
  });

  it('lets a new chair succeed the current one: the predecessor ends the day the successor starts', async () => {
    const first = await registerMember('Chair One');
    const second = await registerMember('Chair Two');
    const firstAppointment = idOf(
      await appoint(first, 'chair', '2025-04-01', '2028-03-31').expect(201),
    );
    const secondAppointment = await appoint(second, 'chair', '2026-06-01').expect(201);
    expect(secondAppointment.body).toMatchObject({ succeedsAppointmentId: firstAppointment });

    const before = await h
      .get(`/bodies/${lungId}/role-holders?role=chair&on=2026-05-31`)
      .expect(200);
    expect(
      (before.body as { member: { memberId: string } }[]).map((holder) => holder.member.memberId),
    ).toEqual([first]);
    const after = await h
      .get(`/bodies/${lungId}/role-holders?role=chair&on=2026-06-01`)
      .expect(200);
    expect(
      (after.body as { member: { memberId: string } }[]).map((holder) => holder.member.memberId),
    ).toEqual([second]);

    const events = (await h.settledEventsAbout(lungId)).filter(
      (e) => e.type !== 'membership.body-created.v1',
    );
    expect(events.map((e) => [e.type, (e.data as { role: string }).role])).toEqual([
      ['membership.member-appointed.v1', 'chair'],
      ['membership.appointment-ended.v1', 'chair'],
      ['membership.member-appointed.v1', 'chair'],
    ]);
    expect(events[1]?.data).toMatchObject({
      appointmentId: firstAppointment,
      endedOn: '2026-06-01',
      reason: 'succeeded',
    });
    expect(events[2]?.data).toMatchObject({
      memberId: second,
      succeedsAppointmentId: firstAppointment,
    });

    // An appointment that would overlap a later chair is refused, not silently reordered.
    const third = await registerMember('Chair Three');
    const refused = await appoint(third, 'chair', '2026-05-01').expect(409);
    expect((refused.body as { message: string }).message).toMatch(
      /already appointed chair from 2026-06-01/,
    );
  });

  it('keeps one chair at a time even against a raw database write', async () => {
    const dataSource = h.app.get(DataSource);
    const intruder = await registerMember('Raw Writer');
    await expect(
      dataSource.query(
        `INSERT INTO "${h.schema}".appointment (id, member_id, body_id, role, term_start) VALUES ($1, $2, $3, 'chair', '2027-01-01')`,
        [randomUUID(), intruder, lungId],
      ),
    ).rejects.toMatchObject({
      driverError: { code: '23P01', constraint: 'appointment_single_holder_excl' },
    });
  });

  it('announces role vacated when the clinical lead stands down with no successor', async () => {
    const lead = await registerMember('Lead One');
    const appointmentId = await h.create(
      '/appointments',
      anAppointment({
        memberId: lead,
        bodyId: lungId,
        role: 'clinical-lead',
        termStart: '2025-04-01',
        agreedTime: { unit: 'programmed-activities-per-week', amount: 1 },
      }),
    );
    const stood = await h
      .post(`/appointments/${appointmentId}/stand-down`, { effectiveOn: '2026-10-01' })
      .expect(200);
    expect(stood.body).toMatchObject({ endedOn: '2026-10-01', endReason: 'stood-down' });
    await h.post(`/appointments/${appointmentId}/stand-down`, {}).expect(409);

    const events = await h.settledEventsAbout(lungId);
    const vacated = events.filter((e) => e.type === 'membership.role-vacated.v1');
    expect(vacated.map((e) => e.data)).toEqual([
      {
        bodyId: lungId,
        role: 'clinical-lead',
        vacantSince: '2026-10-01',
        previousAppointmentId: appointmentId,
        previousMemberId: lead,
      },
    ]);
    const current = await h.get(`/members/${lead}/appointments`).expect(200);
    expect(current.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    const all = await h.get(`/members/${lead}/appointments?all=true`).expect(200);
    expect((all.body as { items: { id: string }[] }).items.map((a) => a.id)).toEqual([
      appointmentId,
    ]);
    // A page at a time, at most 200 to a page.
    const beyond = await h.get(`/members/${lead}/appointments?all=true&offset=1`).expect(200);
    expect(beyond.body).toEqual({ items: [], total: 1, limit: 50, offset: 1 });
    const tooMany = await h.get(`/members/${lead}/appointments?limit=201`).expect(400);
    expect(tooMany.body).toMatchObject({ errors: [{ field: 'limit' }] });
  });

  it('runs the daily check: term ending soon once, term ended with the role vacated', async () => {
    const deputy = await registerMember('Deputy Soon');
    const deputyAppointment = idOf(
      await appoint(deputy, 'deputy-chair', '2024-01-01', '2026-12-31').expect(201),
    );
    const lead = await registerMember('Lead Expiring');
    const leadAppointment = idOf(
      await appoint(lead, 'clinical-lead', '2026-10-01', '2026-12-15').expect(201),
    );

    const first = await h.post('/admin/daily-check', { on: '2026-11-21' }).expect(200);
    expect(first.body).toMatchObject({ ran: true, termsEnded: 0, termsEndingSoon: 2 });
    const again = await h.post('/admin/daily-check', { on: '2026-11-22' }).expect(200);
    expect(again.body).toMatchObject({ termsEndingSoon: 0 });

    const later = await h.post('/admin/daily-check', { on: '2026-12-20' }).expect(200);
    expect(later.body).toMatchObject({ termsEnded: 1 });

    const events = await h.settledEventsAbout(lungId);
    const soon = events.filter((e) => e.type === 'membership.term-ending-soon.v1');
    expect(
      soon.map((e) => [
        (e.data as { appointmentId: string }).appointmentId,
        (e.data as { daysRemaining: number }).daysRemaining,
      ]),
    ).toEqual([
      [leadAppointment, 24],
      [deputyAppointment, 40],
    ]);
    const ended = events.filter(
      (e): e is EventEnvelope<string, { appointmentId: string; reason: string; endedOn: string }> =>
        e.type === 'membership.appointment-ended.v1' &&
        (e.data as { reason: string }).reason === 'term-ended',
    );
    expect(ended.map((e) => [e.data.appointmentId, e.data.endedOn])).toEqual([
      [leadAppointment, '2026-12-16'],
    ]);
    const vacated = events.filter((e) => e.type === 'membership.role-vacated.v1').at(-1);
    expect(vacated?.data).toMatchObject({
      role: 'clinical-lead',
      vacantSince: '2026-12-16',
      previousAppointmentId: leadAppointment,
    });
  });

  it('finds members by part of their name or e-mail, with pagination', async () => {
    // An admin searches e-mail addresses; see personal-data.e2e-spec.ts for everyone else.
    const page = await h.get(`/members?q=${run}&limit=3`, ['admin']).expect(200);
    expect(page.body).toMatchObject({ limit: 3, offset: 0 });
    expect((page.body as { total: number }).total).toBeGreaterThanOrEqual(8);
    expect(
      (page.body as { items: { email: string }[] }).items.every((m) => m.email.includes(run)),
    ).toBe(true);
    await h.get('/members?q=x').expect(400);
    await h.get(`/members/${randomUUID()}`).expect(404);
  });
});
