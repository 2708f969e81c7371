import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { platformEvents } from '#contracts';
import { ukDate } from '#platform';
import {
  isolatedTopicPrefix,
  MembershipProcess,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
  type Ladder,
} from '#testing';
import { createMeetingsApp } from '../src/bootstrap.js';
import { aDecision, aMeeting, anAgendaItemRequest, anAttendance } from './builders.js';

type Person = 'chair' | 'lead' | 'nurse' | 'secretary';

const HOUR_MS = 3_600_000;

interface PublicMinutes {
  meetingId: string;
  decisions: { id: string; itemTitle: string }[];
}

/**
 * The public record (no sign-in): a held meeting's decisions and minutes stay private while the
 * minutes are a draft, and are published once a later quorate meeting approves them, without
 * who attended or who recorded. Membership runs as its own process; meetings in this one.
 */
describe('the public record of approved minutes and decisions (meetings service)', () => {
  const run = uniqueName('pubr');
  const caseId = randomUUID();
  let identity: TestIdentity;
  let membership: MembershipProcess;
  let meetings: INestApplication;
  let producer: Producer;
  let ladder: Ladder<Person>;
  let admin: string;
  let secretary: string;
  /** Held three, two and one hours ago: the first's minutes approved at the second, and so on. */
  const held: { id: string; startsAt: Date }[] = [];
  const decisionIds: string[] = [];
  const api = () => request(meetings.getHttpServer());
  const anonymous = (path: string) => api().get(path);

  /** Moves a scheduled meeting to have started `agoMs` ago, seats a quorum and holds it. */
  async function hold(meetingId: string, agoMs: number): Promise<Date> {
    const startsAt = new Date(Date.now() - agoMs);
    await api()
      .post(`/meetings/${meetingId}/reschedule`)
      .set('authorization', admin)
      .send({
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + HOUR_MS / 2).toISOString(),
      })
      .expect(200);
    await api()
      .put(`/meetings/${meetingId}/attendance`)
      .set('authorization', secretary)
      .send(
        anAttendance({
          present: [ladder.members.chair, ladder.members.lead, ladder.members.nurse],
        }),
      )
      .expect(200);
    await api().post(`/meetings/${meetingId}/hold`).set('authorization', secretary).expect(200);
    return startsAt;
  }

  async function schedule(title: string): Promise<string> {
    const response = await api()
      .post(`/bodies/${ladder.groupId}/meetings`)
      .set('authorization', admin)
      .send(aMeeting({ title, startsAt: new Date(Date.now() + 14 * 24 * HOUR_MS) }))
      .expect(201);
    return (response.body as { id: string }).id;
  }

  async function draftAndApprove(meetingId: string, atMeetingId: string): Promise<void> {
    await api()
      .put(`/meetings/${meetingId}/minutes`)
      .set('authorization', secretary)
      .send({ text: `Minutes of ${meetingId}` })
      .expect(200);
    await api()
      .post(`/meetings/${meetingId}/minutes/approve`)
      .set('authorization', secretary)
      .send({ atMeetingId })
      .expect(200);
  }

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    membership = await MembershipProcess.start({ run, prefix, identity });
    meetings = await createMeetingsApp(
      serviceTestEnv('meetings', { schema: `${run}_meetings`, prefix, identity }),
    );
    await meetings.startAllMicroservices();
    await meetings.init();
    producer = testKafka().producer({ allowAutoTopicCreation: false });
    await producer.connect();
    ladder = await membership.ladder('PUB', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      lead: { name: 'Dr Lead', profession: 'doctor', role: 'clinical-lead' },
      nurse: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
      secretary: { name: 'Network Manager', profession: 'manager', role: 'secretariat' },
    });
    await waitFor('meetings to seat the four, with their accounts', async () => {
      const [row] = await meetings.get(DataSource).query<{ seats: number; accounts: number }[]>(
        `SELECT (SELECT count(*)::int FROM "${run}_meetings".seat WHERE body_id = $1) AS seats,
                (SELECT count(*)::int FROM "${run}_meetings".identity_link) AS accounts`,
        [ladder.groupId],
      );
      return row?.seats === 4 && row.accounts === 4;
    });
    secretary = await identity.token(['clinician'], ladder.members.secretary);
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await meetings?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_meetings" CASCADE`);
    await meetings?.close();
    await membership?.stop();
    await identity?.stop();
  });

  it('shows nothing of a held meeting with a decision while its minutes are a draft', async () => {
    const first = await schedule('Lung Group, first quarter');
    // The case comes as the workflow service tables it, so the item carries its id.
    const registry = platformEvents.withTopicPrefix(`${run}.`);
    const event = registry.build(
      'workflow.agenda-item-requested.v1',
      anAgendaItemRequest({
        bodyId: ladder.groupId,
        title: 'Lung FDS below target for three months',
        externalReference: caseId,
        presenter: 'Dr Lead',
      }),
      { correlationId: run },
    );
    await producer.send({
      topic: registry.topicOf('workflow.agenda-item-requested.v1'),
      acks: -1,
      messages: [{ key: ladder.groupId, value: JSON.stringify(event) }],
    });
    const tabled = await waitFor('the case on the first meeting’s agenda', async () => {
      const agenda = await api()
        .get(`/meetings/${first}/agenda`)
        .set('authorization', admin)
        .expect(200);
      return (agenda.body as { id: string; externalReference: string | null }[]).find(
        (item) => item.externalReference === caseId,
      );
    });
    const byHand = await api()
      .post(`/meetings/${first}/agenda`)
      .set('authorization', admin)
      .send({ type: 'for-decision', title: 'Revised breast referral form' })
      .expect(201);
    held.push({ id: first, startsAt: await hold(first, 3 * HOUR_MS) });
    for (const [itemId, decision] of [
      [tabled.id, aDecision({ outcome: 'escalated', rationale: 'Needs CAG funding' })],
      [
        (byHand.body as { id: string }).id,
        aDecision({ rationale: 'Form adopted', votes: { for: 7, against: 1, abstained: 2 } }),
      ],
    ] as const) {
      const recorded = await api()
        .post(`/agenda-items/${itemId}/decision`)
        .set('authorization', secretary)
        .send(decision)
        .expect(201);
      decisionIds.push((recorded.body as { id: string }).id);
    }
    await api()
      .put(`/meetings/${first}/minutes`)
      .set('authorization', secretary)
      .send({ text: 'Present: the chair, the lead and a nurse. Item 1 escalated to the CAG.' })
      .expect(200);

    const page = await anonymous(`/public/bodies/${ladder.groupId}/minutes`).expect(200);
    expect(page.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    const draft = await anonymous(`/public/meetings/${first}/minutes`).expect(404);
    const unknownId = randomUUID();
    const unknown = await anonymous(`/public/meetings/${unknownId}/minutes`).expect(404);
    expect((draft.body as { detail: string }).detail).toBe(`Meeting ${first} not found`);
    expect((unknown.body as { detail: string }).detail).toBe(`Meeting ${unknownId} not found`);
  });

  it('publishes the minutes and decisions once a later quorate meeting approves them', async () => {
    const second = await schedule('Lung Group, second quarter');
    held.push({ id: second, startsAt: await hold(second, 2 * HOUR_MS) });
    await api()
      .post(`/meetings/${held[0]!.id}/minutes/approve`)
      .set('authorization', secretary)
      .send({ atMeetingId: second })
      .expect(200);

    const page = await anonymous(`/public/bodies/${ladder.groupId}/minutes`).expect(200);
    const published = {
      meetingId: held[0]!.id,
      bodyId: ladder.groupId,
      title: 'Lung Group, first quarter',
      kind: 'quarterly-network-meeting',
      startsAt: held[0]!.startsAt.toISOString(),
      minutesText: 'Present: the chair, the lead and a nurse. Item 1 escalated to the CAG.',
      approvedAtMeetingId: second,
      approvedOn: ukDate(held[1]!.startsAt),
      decisions: [
        {
          id: decisionIds[0],
          itemTitle: 'Lung FDS below target for three months',
          caseId,
          outcome: 'escalated',
          rationale: 'Needs CAG funding',
          votesFor: null,
          votesAgainst: null,
          votesAbstained: null,
          recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
        {
          id: decisionIds[1],
          itemTitle: 'Revised breast referral form',
          caseId: null,
          outcome: 'approved',
          rationale: 'Form adopted',
          votesFor: 7,
          votesAgainst: 1,
          votesAbstained: 2,
          recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
      declarations: [],
    };
    expect(page.body).toEqual({ items: [published], total: 1, limit: 50, offset: 0 });
    const one = await anonymous(`/public/meetings/${held[0]!.id}/minutes`).expect(200);
    expect(one.body).toEqual(published);
    // The approving meeting's own minutes are not written yet: nothing of it is public.
    await anonymous(`/public/meetings/${second}/minutes`).expect(404);

    // Nobody who attended or recorded appears, by id, name, presenter or field.
    for (const text of [page.text, one.text]) {
      for (const memberId of Object.values(ladder.members)) {
        expect(text).not.toContain(memberId);
      }
      expect(text).not.toMatch(/recordedBy|attendance|presenter|quorum|Dr Lead|Network Manager/);
    }
  });

  it('pages the approved minutes newest meeting first', async () => {
    const third = await schedule('Lung Group, third quarter');
    held.push({ id: third, startsAt: await hold(third, HOUR_MS) });
    await draftAndApprove(held[1]!.id, third);

    const page = await anonymous(`/public/bodies/${ladder.groupId}/minutes`).expect(200);
    const body = page.body as { items: PublicMinutes[]; total: number };
    expect(body.items.map((item) => item.meetingId)).toEqual([held[1]!.id, held[0]!.id]);
    expect(body.items[0]!.decisions).toEqual([]);
    expect(body.total).toBe(2);
    const second = await anonymous(
      `/public/bodies/${ladder.groupId}/minutes?limit=1&offset=1`,
    ).expect(200);
    expect(second.body).toMatchObject({
      items: [{ meetingId: held[0]!.id }],
      total: 2,
      limit: 1,
      offset: 1,
    });
  });

  it('answers 404 for a body it does not know and 400 naming a malformed parameter', async () => {
    const unknown = randomUUID();
    const missing = await anonymous(`/public/bodies/${unknown}/minutes`).expect(404);
    expect((missing.body as { detail: string }).detail).toBe(`Body ${unknown} not found`);
    const badBody = await anonymous('/public/bodies/lung/minutes').expect(400);
    expect(badBody.body).toMatchObject({ errors: [{ field: 'bodyId' }] });
    const badMeeting = await anonymous('/public/meetings/123/minutes').expect(400);
    expect(badMeeting.body).toMatchObject({ errors: [{ field: 'id' }] });
    const badLimit = await anonymous(
      `/public/bodies/${ladder.groupId}/minutes?limit=1000&offset=-1`,
    ).expect(400);
    expect(badLimit.body).toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'limit' }),
        expect.objectContaining({ field: 'offset' }),
      ]),
    });
  });

  it('documents both routes in its OpenAPI document, asking for no token', async () => {
    const docs = await anonymous('/docs-json').expect(200);
    const paths = (docs.body as { paths: Record<string, { get?: { security?: unknown } }> }).paths;
    expect(paths['/public/bodies/{bodyId}/minutes']?.get?.security).toEqual([]);
    expect(paths['/public/meetings/{id}/minutes']?.get?.security).toEqual([]);
  });
});
