import { randomUUID } from 'node:crypto';
import { aBody, aMember, anAlliance, anAppointment } from './builders.js';
import { MembershipHarness } from './membership-harness.js';

interface MemberBody {
  id: string;
  name: string;
  email?: string;
  registrationRegister?: string | null;
  registrationNumber?: string | null;
}

interface Holder {
  role: string;
  member: { memberId: string; name: string; email?: string };
}

const PERSONAL = ['email', 'registrationRegister', 'registrationNumber'] as const;

/**
 * A member's e-mail address and professional registration are theirs: shown to them, to an
 * admin or a service, and to the secretariat of a body they sit on today; to nobody else.
 */
describe('personal data of members (membership service, real PostgreSQL and Kafka)', () => {
  let h: MembershipHarness;
  let run: string;
  let subject: string;
  let stranger: string;
  const tokens: Record<
    'subject' | 'colleague' | 'secretary' | 'otherSecretary' | 'formerSecretary' | 'service',
    string
  > = {
    subject: '',
    colleague: '',
    secretary: '',
    otherSecretary: '',
    formerSecretary: '',
    service: '',
  };
  const admin = () => h.token(['admin']);

  const expectPersonalData = (member: MemberBody) =>
    expect(member).toMatchObject({
      email: `subject.${run}@example.org`,
      registrationRegister: 'gmc',
      registrationNumber: '7654321',
    });
  const expectNoPersonalData = (member: MemberBody) => {
    expect(member).toMatchObject({ id: subject, name: 'Dr Personal Subject' });
    for (const field of PERSONAL) {
      expect(member).not.toHaveProperty(field);
    }
  };

  beforeAll(async () => {
    h = await MembershipHarness.start();
    run = randomUUID().slice(0, 8);
    const allianceId = await h.create('/alliances', anAlliance());
    await h.create('/bodies', aBody({ allianceId, kind: 'alliance-board' }));
    const cagId = await h.create('/bodies', aBody({ allianceId, kind: 'clinical-advisory-group' }));
    const lungId = await h.create('/bodies', aBody({ allianceId, kind: 'tumour-site-group' }));
    const seat = async (
      memberId: string,
      bodyId: string,
      role: 'member' | 'secretariat',
      termEnd?: string,
    ) => {
      await h.create(
        '/appointments',
        anAppointment({ memberId, bodyId, role, ...(termEnd ? { termEnd } : {}) }),
      );
    };
    subject = await h.create(
      '/members',
      aMember({
        name: 'Dr Personal Subject',
        email: `subject.${run}@example.org`,
        registration: { register: 'gmc', number: '7654321' },
      }),
    );
    stranger = await h.create(
      '/members',
      aMember({ name: 'Dr Personal Stranger', email: `stranger.${run}@example.org` }),
    );
    const colleague = await h.create('/members', aMember({ name: 'Dr Personal Colleague' }));
    const secretary = await h.create(
      '/members',
      aMember({ name: 'Personal Secretary', profession: 'manager' }),
    );
    const otherSecretary = await h.create(
      '/members',
      aMember({ name: 'Other Secretary', profession: 'manager' }),
    );
    const formerSecretary = await h.create(
      '/members',
      aMember({ name: 'Former Secretary', profession: 'manager' }),
    );
    await seat(subject, lungId, 'member');
    await seat(colleague, lungId, 'member');
    await seat(secretary, lungId, 'secretariat');
    await seat(otherSecretary, cagId, 'secretariat');
    await seat(formerSecretary, lungId, 'secretariat', '2025-12-31');
    tokens.subject = await h.signInAs(subject);
    tokens.colleague = await h.signInAs(colleague);
    tokens.secretary = await h.signInAs(secretary);
    tokens.otherSecretary = await h.signInAs(otherSecretary);
    tokens.formerSecretary = await h.signInAs(formerSecretary);
    tokens.service = await h.accountToken(['service']);
  });

  afterAll(async () => {
    await h?.close();
  });

  const member = async (token: string) =>
    (await h.getWith(`/members/${subject}`, token).expect(200)).body as MemberBody;

  it('shows a member their own e-mail address and registration', async () => {
    expectPersonalData(await member(tokens.subject));
  });

  it('shows them to an admin and to a service', async () => {
    expectPersonalData(await member(admin()));
    expectPersonalData(await member(tokens.service));
  });

  it('shows them to the secretariat of a body the member sits on today', async () => {
    expectPersonalData(await member(tokens.secretary));
  });

  it('hides them from another clinician, even one seated on the same body', async () => {
    expectNoPersonalData(await member(tokens.colleague));
    expectNoPersonalData(await member(h.token(['clinician'])));
  });

  it("hides them from another body's secretariat and from a former secretariat", async () => {
    expectNoPersonalData(await member(tokens.otherSecretary));
    expectNoPersonalData(await member(tokens.formerSecretary));
  });

  it('hides them in the list of members, item by item', async () => {
    const listed = async (token: string) => {
      const page = await h.getWith('/members?q=Dr%20Personal&limit=100', token).expect(200);
      return (page.body as { items: MemberBody[] }).items;
    };
    const asColleague = await listed(tokens.colleague);
    expectNoPersonalData(asColleague.find((m) => m.id === subject)!);
    // The secretariat sees the e-mail of the lung group's member, not of a stranger to it.
    const asSecretary = await listed(tokens.secretary);
    expectPersonalData(asSecretary.find((m) => m.id === subject)!);
    expect(asSecretary.find((m) => m.id === stranger)).not.toHaveProperty('email');
    const asAdmin = await listed(admin());
    expect(asAdmin.find((m) => m.id === stranger)).toHaveProperty(
      'email',
      `stranger.${run}@example.org`,
    );
  });

  it('searches e-mail addresses only for those who may see them', async () => {
    const found = async (token: string, q: string) => {
      const page = await h.getWith(`/members?q=${q}`, token).expect(200);
      return (page.body as { items: MemberBody[] }).items.map((m) => m.id).sort();
    };
    expect(await found(tokens.colleague, `subject.${run}`)).toEqual([]);
    expect(await found(tokens.colleague, run)).toEqual([]);
    expect(await found(tokens.secretary, `subject.${run}`)).toEqual([subject]);
    expect(await found(tokens.secretary, run)).toEqual([subject]);
    expect(await found(admin(), run)).toEqual([subject, stranger].sort());
    expect(await found(tokens.service, `stranger.${run}`)).toEqual([stranger]);
    // A name still finds the member for everyone.
    expect(await found(tokens.colleague, 'Personal%20Subject')).toEqual([subject]);
  });

  it("hides a role holder's e-mail address from all but the secretariat and admins", async () => {
    const holders = async (token: string) => {
      const body = await h.getWith(`/members/${subject}/appointments`, token).expect(200);
      const [appointment] = (body.body as { items: { bodyId: string }[] }).items;
      const response = await h
        .getWith(`/bodies/${appointment!.bodyId}/role-holders?role=member`, token)
        .expect(200);
      return (response.body as Holder[]).find((holder) => holder.member.memberId === subject)!;
    };
    expect((await holders(tokens.colleague)).member).not.toHaveProperty('email');
    expect((await holders(tokens.otherSecretary)).member).not.toHaveProperty('email');
    expect((await holders(tokens.secretary)).member).toHaveProperty(
      'email',
      `subject.${run}@example.org`,
    );
    expect((await holders(tokens.subject)).member).toHaveProperty(
      'email',
      `subject.${run}@example.org`,
    );
    expect((await holders(admin())).member).toHaveProperty('email', `subject.${run}@example.org`);
  });
});
