import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { platformEvents } from '#contracts';
import type { Role } from '#platform';
import {
  isolatedTopicPrefix,
  MembershipProcess,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  TopicRecorder,
  uniqueName,
  waitFor,
} from '#testing';
import { createMeetingsApp } from '../src/bootstrap.js';
import {
  aDecision,
  aMeeting,
  anAction,
  anAgendaItemRequest,
  anAttendance,
  aSeries,
} from './builders.js';

describe('meetings service with membership running as its own process (real Kafka and PostgreSQL)', () => {
  const run = uniqueName('mtg');
  const prefix = `${run}.`;
  const registry = platformEvents.withTopicPrefix(prefix);
  const kafka = testKafka();
  let membership: MembershipProcess;
  let meetings: INestApplication;
  let producer: Producer;
  let recorder: TopicRecorder;
  let lungId: string;
  let cagId: string;
  let member: Record<'chair' | 'lead' | 'nurse' | 'patient', string>;
  let meetingIds: string[] = [];

  let identity: TestIdentity;
  let admin: string;
  const token = (roles: Role[], memberId?: string) => identity.token(roles, memberId);
  /** Moves a meeting to have started a moment ago: it cannot be held before it starts. */
  const startNow = async (meetingId: string, agoMs = 1000) => {
    const startsAt = Date.now() - agoMs;
    await api()
      .post(`/meetings/${meetingId}/reschedule`)
      .set('authorization', admin)
      .send({
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 3_600_000).toISOString(),
      })
      .expect(200);
  };
  const api = () => request(meetings.getHttpServer());
  const meetingEvents = (type: string) => recorder.events(`${prefix}meetings.events`, type);

  async function requestAgendaItem(fields: {
    requestId: string;
    tableBy: string | null;
    reference: string;
    bodyId?: string;
  }): Promise<void> {
    const bodyId = fields.bodyId ?? lungId;
    const event = registry.build(
      'workflow.agenda-item-requested.v1',
      anAgendaItemRequest({
        requestId: fields.requestId,
        bodyId,
        externalReference: fields.reference,
        tableBy: fields.tableBy,
      }),
      { correlationId: run },
    );
    await producer.send({
      topic: registry.topicOf('workflow.agenda-item-requested.v1'),
      acks: -1,
      messages: [{ key: bodyId, value: JSON.stringify(event) }],
    });
  }
  /** The escalation case tabled after its tabling date, on which the chair then acts. */
  const lateCase = randomUUID();
  const agendaOf = async (meetingId: string) =>
    (await api().get(`/meetings/${meetingId}/agenda`).set('authorization', admin).expect(200))
      .body as { id: string; type: string; title: string; externalReference: string | null }[];

  beforeAll(async () => {
    await isolatedTopicPrefix(kafka, run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    membership = await MembershipProcess.start({ run, prefix, identity });
    meetings = await createMeetingsApp(
      serviceTestEnv('meetings', { schema: `${run}_meetings`, prefix, identity }),
    );
    await meetings.startAllMicroservices();
    await meetings.init();
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    recorder = await TopicRecorder.start(kafka, [`${prefix}meetings.events`]);

    const ladder = await membership.ladder('TEST', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      lead: { name: 'Dr Lead', profession: 'doctor', role: 'clinical-lead' },
      nurse: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
      patient: {
        name: 'Patient Representative',
        profession: 'patient-representative',
        role: 'patient-representative',
      },
    });
    lungId = ladder.groupId;
    cagId = ladder.cagId;
    member = ladder.members;
    // The read model is built from membership's events, not from its database.
    const dataSource = meetings.get(DataSource);
    await waitFor(
      'the read model to hold the lung group, its four seats and their accounts',
      async () => {
        const [row] = await dataSource.query<{ seats: number; accounts: number }[]>(
          `SELECT (SELECT count(*)::int FROM "${run}_meetings".seat WHERE body_id = $1) AS seats,
                (SELECT count(*)::int FROM "${run}_meetings".identity_link) AS accounts`,
          [lungId],
        );
        return row?.seats === 4 && row.accounts === 4;
      },
    );
  }, 120_000);

  afterAll(async () => {
    await recorder?.close();
    await producer?.disconnect();
    await meetings?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_meetings" CASCADE`);
    await meetings?.close();
    await membership?.stop();
    await identity?.stop();
  });

  it('schedules a quarterly series and announces each meeting', async () => {
    const first = new Date(Date.now() + 30 * 86_400_000);
    const response = await api()
      .post(`/bodies/${lungId}/meetings/series`)
      .set('authorization', admin)
      .send(aSeries({ startsAt: first, every: 'quarter', count: 4 }))
      .expect(201);
    meetingIds = (response.body as { id: string }[]).map((m) => m.id);
    expect(meetingIds).toHaveLength(4);
    await waitFor(
      'four meeting-scheduled events',
      () => meetingEvents('meetings.meeting-scheduled.v1').length === 4,
    );
    await api()
      .post(`/bodies/${randomUUID()}/meetings`)
      .set('authorization', admin)
      .send(aMeeting({ startsAt: first }))
      .expect(404);
  });

  it('places an agenda request on the next eligible meeting, once however often it arrives', async () => {
    const requestId = randomUUID();
    await requestAgendaItem({ requestId, tableBy: null, reference: `case-${run}` });
    await requestAgendaItem({ requestId, tableBy: null, reference: `case-${run}` });
    const [added] = await waitFor('the agenda item to be added', () => {
      const events = meetingEvents('meetings.agenda-item-added.v1');
      return events.length > 0 && events;
    });
    expect(added?.data).toMatchObject({
      meetingId: meetingIds[0],
      externalReference: `case-${run}`,
      requestId,
      type: 'escalation',
    });
    const agenda = await api()
      .get(`/meetings/${meetingIds[0]}/agenda`)
      .set('authorization', admin)
      .expect(200);
    expect(
      (agenda.body as { requestId: string }[]).filter((item) => item.requestId === requestId),
    ).toHaveLength(1);
  });

  it("places a request on the body's next regular meeting even after its tabling date, saying it is late", async () => {
    const requestId = randomUUID();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await requestAgendaItem({ requestId, tableBy: tomorrow, reference: lateCase });
    const added = await waitFor('the late agenda item', () =>
      meetingEvents('meetings.agenda-item-added.v1').find(
        (e) => (e.data as { requestId: string | null }).requestId === requestId,
      ),
    );
    expect(added.data).toMatchObject({
      meetingId: meetingIds[0],
      externalReference: lateCase,
      late: {
        tableBy: tomorrow,
        reason: expect.stringMatching(/is after the date it was to be tabled by/),
      },
    });
    expect(meetingEvents('meetings.agenda-request-unplaced.v1')).toHaveLength(0);
    const requests = await api()
      .get(`/bodies/${lungId}/agenda-requests?status=placed`)
      .set('authorization', admin)
      .expect(200);
    expect(
      (requests.body as { items: { id: string; reason: string | null }[] }).items.find(
        (r) => r.id === requestId,
      )?.reason,
    ).toMatch(/after the date it was to be tabled by/);
  });

  it('marks a request unplaced, and says so, when the body has no meeting scheduled', async () => {
    const requestId = randomUUID();
    await requestAgendaItem({ requestId, tableBy: null, reference: `cag-${run}`, bodyId: cagId });
    const unplaced = await waitFor('the unplaced event', () =>
      meetingEvents('meetings.agenda-request-unplaced.v1').find(
        (e) => (e.data as { requestId: string }).requestId === requestId,
      ),
    );
    expect(unplaced.data).toMatchObject({
      bodyId: cagId,
      reason: 'The body has no scheduled meeting',
      nextMeetingStartsAt: null,
    });
    const waiting = await api()
      .get(`/bodies/${cagId}/agenda-requests?status=unplaced`)
      .set('authorization', admin)
      .expect(200);
    expect((waiting.body as { items: { id: string }[] }).items.map((r) => r.id)).toContain(
      requestId,
    );
  });

  it("takes the chair's action between meetings and lists it for ratification at the next", async () => {
    const chairsAction = (token: string, body: object) =>
      api().post(`/bodies/${lungId}/chairs-actions`).set('authorization', token).send(body);
    const decided = {
      caseId: lateCase,
      title: 'Lung FDS below target for three months',
      outcome: 'resolved',
      rationale: 'Recovery plan agreed with the trusts; it cannot wait for the next meeting',
    };
    const nurse = await token(['clinician'], member.nurse);
    const refused = await chairsAction(nurse, decided).expect(403);
    expect((refused.body as { detail: string }).detail).toMatch(/chair or deputy chair/);
    const chair = await token(['clinician'], member.chair);
    const deferring = await chairsAction(chair, { ...decided, outcome: 'deferred' }).expect(400);
    expect(JSON.stringify(deferring.body)).toMatch(/a chair's action does not defer/);
    await chairsAction(chair, { ...decided, caseId: 'not-a-case' }).expect(400);

    const taken = await chairsAction(chair, decided).expect(201);
    const actionId = (taken.body as { id: string }).id;
    expect(taken.body).toMatchObject({
      bodyId: lungId,
      externalReference: lateCase,
      outcome: 'resolved',
      recordedBy: member.chair,
      recordedCapacity: 'chair',
      ratified: null,
    });
    const announced = await waitFor("the chair's action event", () =>
      meetingEvents('meetings.chairs-action-recorded.v1').find(
        (e) => (e.data as { chairsActionId: string }).chairsActionId === actionId,
      ),
    );
    expect(announced.data).toMatchObject({
      externalReference: lateCase,
      outcome: 'resolved',
      recordedBy: { memberId: member.chair, capacity: 'chair' },
      ratificationMeetingId: meetingIds[0],
    });
    // The case's item waiting on the next meeting becomes the ratification: one item, not two.
    const onAgenda = (await agendaOf(meetingIds[0]!)).filter(
      (item) => item.externalReference === lateCase,
    );
    expect(onAgenda).toEqual([
      expect.objectContaining({
        id: (taken.body as { ratificationItemId: string }).ratificationItemId,
        type: 'ratification',
        title: "Ratification of chair's action: Lung FDS below target for three months",
      }),
    ]);
    // A ratification is listed by a chair's action, never added by hand.
    await api()
      .post(`/meetings/${meetingIds[0]}/agenda`)
      .set('authorization', admin)
      .send({ type: 'ratification', title: 'By hand' })
      .expect(400);
  });

  it('adds an item by hand that names a case, carrying the case id', async () => {
    const caseId = randomUUID();
    const added = await api()
      .post(`/meetings/${meetingIds[1]}/agenda`)
      .set('authorization', admin)
      .send({ type: 'escalation', title: 'Raised at the group by hand', caseId })
      .expect(201);
    expect(added.body).toMatchObject({ externalReference: caseId, requestId: null });
    await api()
      .post(`/meetings/${meetingIds[1]}/agenda`)
      .set('authorization', admin)
      .send({ type: 'escalation', title: 'Raised at the group by hand', caseId: 'case-1' })
      .expect(400);
  });

  it('computes quorum from attendance and records the decision with the request reference', async () => {
    const meetingId = meetingIds[0]!;
    // Held a moment ago: a meeting cannot be recorded as held before it starts.
    await api().post(`/meetings/${meetingId}/hold`).set('authorization', admin).expect(409);
    await startNow(meetingId, 1000);

    const outsider = await token(['clinician'], randomUUID());
    await api()
      .put(`/meetings/${meetingId}/attendance`)
      .set('authorization', outsider)
      .send(anAttendance({ present: [member.chair] }))
      .expect(403);
    // A member seated on the body, but not one who runs its meetings, records nothing.
    const nurse = await token(['clinician'], member.nurse);
    const refused = await api()
      .put(`/meetings/${meetingId}/attendance`)
      .set('authorization', nurse)
      .send(anAttendance({ present: [member.chair] }))
      .expect(403);
    expect((refused.body as { detail: string }).detail).toMatch(
      /chair, deputy chair or secretariat/,
    );
    await api().post(`/meetings/${meetingId}/hold`).set('authorization', nurse).expect(403);
    const chair = await token(['clinician'], member.chair);
    await api()
      .put(`/meetings/${meetingId}/attendance`)
      .set('authorization', chair)
      .send(anAttendance({ present: [randomUUID()] }))
      .expect(400);
    await api()
      .put(`/meetings/${meetingId}/attendance`)
      .set('authorization', chair)
      .send(anAttendance({ present: [member.chair, member.nurse], apologies: [member.patient] }))
      .expect(200);
    const held = await api()
      .post(`/meetings/${meetingId}/hold`)
      .set('authorization', chair)
      .expect(200);
    expect((held.body as { quorum: object }).quorum).toMatchObject({
      quorate: true,
      votingMembers: 4,
      present: 2,
      required: 2,
      clinicianPresent: true,
    });

    const agenda = await api()
      .get(`/meetings/${meetingId}/agenda`)
      .set('authorization', admin)
      .expect(200);
    const item = (agenda.body as { id: string; externalReference: string | null }[]).find(
      (i) => i.externalReference === `case-${run}`,
    )!;
    const recorded = await api()
      .post(`/agenda-items/${item.id}/decision`)
      .set('authorization', chair)
      .send(
        aDecision({
          outcome: 'escalated',
          rationale: 'Needs alliance funding: escalated to the CAG',
          votes: { for: 2, against: 0, abstained: 0 },
        }),
      )
      .expect(201);
    // The decision names the member who recorded it, not their sign-in account.
    expect((recorded.body as { recordedBy: string }).recordedBy).toBe(member.chair);
    await api()
      .post(`/agenda-items/${item.id}/decision`)
      .set('authorization', chair)
      .send(aDecision({ outcome: 'noted' }))
      .expect(409);
    const decision = await waitFor(
      'the decision on the meetings topic',
      () => meetingEvents('meetings.decision-recorded.v1')[0],
    );
    expect(decision).toMatchObject({
      subject: lungId,
      data: {
        meetingId,
        agendaItemId: item.id,
        externalReference: `case-${run}`,
        outcome: 'escalated',
        votes: { for: 2, against: 0, abstained: 0 },
        recordedBy: { memberId: member.chair, subject: expect.any(String), capacity: 'chair' },
      },
    });
    expect(
      meetingEvents('meetings.meeting-held.v1').map(
        (e) => (e.data as { meetingId: string }).meetingId,
      ),
    ).toContain(meetingId);
  });

  it("ratifies the chair's action at the next meeting, which may only approve or reject it", async () => {
    const chair = await token(['clinician'], member.chair);
    const ratification = (await agendaOf(meetingIds[0]!)).find(
      (item) => item.type === 'ratification',
    )!;
    const noted = await api()
      .post(`/agenda-items/${ratification.id}/decision`)
      .set('authorization', chair)
      .send(aDecision({ outcome: 'noted' }))
      .expect(400);
    expect(JSON.stringify(noted.body)).toMatch(/ratified \(approved\) or not \(rejected\)/);
    const decision = await api()
      .post(`/agenda-items/${ratification.id}/decision`)
      .set('authorization', chair)
      .send(aDecision({ outcome: 'approved', rationale: "Ratified the chair's action" }))
      .expect(201);
    const ratified = await waitFor(
      'the ratification event',
      () => meetingEvents('meetings.chairs-action-ratified.v1')[0],
    );
    expect(ratified.data).toMatchObject({
      meetingId: meetingIds[0],
      agendaItemId: ratification.id,
      decisionId: (decision.body as { id: string }).id,
      externalReference: lateCase,
      ratified: true,
    });
    const actions = await api()
      .get(`/bodies/${lungId}/chairs-actions`)
      .set('authorization', admin)
      .expect(200);
    expect((actions.body as { items: { ratified: boolean | null }[] }).items).toEqual([
      expect.objectContaining({ externalReference: lateCase, ratified: true }),
    ]);
  });

  it('records declarations of interest per agenda item by members present', async () => {
    const meetingId = meetingIds[0]!;
    const [item] = await agendaOf(meetingId);
    const declare = (token: string, body: object) =>
      api().post(`/agenda-items/${item!.id}/declarations`).set('authorization', token).send(body);
    const declaration = {
      memberId: member.nurse,
      nature: 'non-financial-professional',
      interest: 'Lead nurse at one of the trusts named in the paper',
      action: 'took-no-part',
    };
    const nurse = await token(['clinician'], member.nurse);
    await declare(nurse, declaration).expect(403);
    const chair = await token(['clinician'], member.chair);
    // The patient representative sent apologies: an absent member declares nothing.
    const absent = await declare(chair, { ...declaration, memberId: member.patient }).expect(400);
    expect(JSON.stringify(absent.body)).toMatch(/not recorded present at the meeting/);
    const badAction = await declare(chair, { ...declaration, action: 'left-early' }).expect(400);
    expect(JSON.stringify(badAction.body)).toMatch(/action/);
    const recorded = await declare(chair, declaration).expect(201);
    expect(recorded.body).toMatchObject({ ...declaration, recordedBy: member.chair });
    await declare(chair, declaration).expect(409);
    const listed = await api()
      .get(`/meetings/${meetingId}/declarations`)
      .set('authorization', admin)
      .expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ agendaItemId: item!.id, ...declaration }),
    ]);
  });

  it('records a meeting without quorum as such, announces it, and refuses its decisions', async () => {
    const meetingId = meetingIds[1]!;
    await startNow(meetingId, 1000);
    const item = await api()
      .post(`/meetings/${meetingId}/agenda`)
      .set('authorization', admin)
      .send({ type: 'for-decision', title: 'Approve pathway' })
      .expect(201);
    await api()
      .put(`/meetings/${meetingId}/attendance`)
      .set('authorization', admin)
      .send(anAttendance({ present: [member.patient] }))
      .expect(200);
    const held = await api()
      .post(`/meetings/${meetingId}/hold`)
      .set('authorization', admin)
      .expect(200);
    expect(
      (held.body as { quorum: { quorate: boolean; shortfalls: string[] } }).quorum,
    ).toMatchObject({
      quorate: false,
      shortfalls: [
        '1 of 4 voting members present; 2 needed',
        'neither the chair nor a deputy chair was present',
        'no registered clinician was present',
      ],
    });
    const refused = await api()
      .post(`/agenda-items/${(item.body as { id: string }).id}/decision`)
      .set('authorization', admin)
      .send(aDecision())
      .expect(409);
    expect((refused.body as { message: string }).message).toMatch(/not quorate/);
    const notMet = await waitFor(
      'quorum-not-met',
      () => meetingEvents('meetings.quorum-not-met.v1')[0],
    );
    expect(notMet.data).toMatchObject({ meetingId, consecutive: 1 });
  });

  it('assigns actions, announces them overdue once, and lets their owner complete them', async () => {
    const meetingId = meetingIds[0]!;
    const chair = await token(['clinician'], member.chair);
    const assigned = await api()
      .post(`/meetings/${meetingId}/actions`)
      .set('authorization', chair)
      .send(anAction({ ownerMemberId: member.nurse, dueOn: '2026-01-15' }))
      .expect(201);
    const actionId = (assigned.body as { id: string }).id;
    await api()
      .post(`/meetings/${meetingId}/actions`)
      .set('authorization', admin)
      .send(anAction({ ownerMemberId: randomUUID() }))
      .expect(400);
    // A member the service knows, but who sits on no seat of the body, cannot owe it an action.
    const unseated = await membership.create('/members', {
      name: 'Dr Elsewhere',
      email: `elsewhere.${run}@example.org`,
      profession: 'doctor',
    });
    await waitFor('the read model to know the unseated member', async () => {
      const rows = await meetings
        .get(DataSource)
        .query<unknown[]>(`SELECT 1 FROM "${run}_meetings".member_view WHERE id = $1`, [unseated]);
      return rows.length === 1;
    });
    const notSeated = await api()
      .post(`/meetings/${meetingId}/actions`)
      .set('authorization', chair)
      .send(anAction({ ownerMemberId: unseated }))
      .expect(422);
    expect(notSeated.body).toMatchObject({
      errors: [{ field: 'ownerMemberId', messages: [expect.stringMatching(/sit on the body/)] }],
    });

    const first = await api()
      .post('/admin/daily-check')
      .set('authorization', admin)
      .send({ on: '2026-01-20' })
      .expect(200);
    expect(first.body).toEqual({ ran: true, overdue: 1, minutesOverdue: 0 });
    const again = await api()
      .post('/admin/daily-check')
      .set('authorization', admin)
      .send({ on: '2026-01-21' })
      .expect(200);
    expect(again.body).toEqual({ ran: true, overdue: 0, minutesOverdue: 0 });

    const owner = await token(['clinician'], member.nurse);
    await api()
      .post(`/actions/${actionId}/complete`)
      .set('authorization', owner)
      .send({ completedOn: '2026-01-22' })
      .expect(200);
    await api()
      .post(`/actions/${actionId}/complete`)
      .set('authorization', owner)
      .send({})
      .expect(409);
    const open = await api()
      .get(`/members/${member.nurse}/actions?status=open`)
      .set('authorization', admin)
      .expect(200);
    expect(open.body).toMatchObject({ items: [], total: 0 });

    await waitFor(
      'the action events',
      () => meetingEvents('meetings.action-completed.v1').length === 1,
    );
    expect(meetingEvents('meetings.action-assigned.v1').map((e) => e.data)).toMatchObject([
      { actionId, ownerMemberId: member.nurse, dueOn: '2026-01-15' },
    ]);
    expect(meetingEvents('meetings.action-overdue.v1').map((e) => e.data)).toEqual([
      {
        meetingId,
        bodyId: lungId,
        actionId,
        ownerMemberId: member.nurse,
        dueOn: '2026-01-15',
        daysOverdue: 5,
      },
    ]);
  });

  it('shows a member their own actions, and others’ only to the officers of the body and admins', async () => {
    const meetingId = meetingIds[0]!;
    const chair = await token(['clinician'], member.chair);
    const forPatient = await api()
      .post(`/meetings/${meetingId}/actions`)
      .set('authorization', chair)
      .send(anAction({ ownerMemberId: member.patient, description: 'Gather patient views' }))
      .expect(201);
    const patientAction = (forPatient.body as { id: string }).id;
    const ids = (body: unknown) =>
      (body as { items: { id: string }[] }).items.map((action) => action.id);

    // Their own: the patient representative reads theirs, and only theirs in the meeting's list.
    const patient = await token(['clinician'], member.patient);
    const own = await api()
      .get(`/members/${member.patient}/actions`)
      .set('authorization', patient)
      .expect(200);
    expect(ids(own.body)).toEqual([patientAction]);
    const mineInMeeting = await api()
      .get(`/meetings/${meetingId}/actions`)
      .set('authorization', patient)
      .expect(200);
    expect(ids(mineInMeeting.body)).toEqual([patientAction]);

    // A member who does not run the body's meetings reads no one else's.
    const lead = await token(['clinician'], member.lead);
    const refused = await api()
      .get(`/members/${member.patient}/actions`)
      .set('authorization', lead)
      .expect(403);
    expect((refused.body as { detail: string }).detail).toMatch(/own actions/);
    const leadsView = await api()
      .get(`/meetings/${meetingId}/actions`)
      .set('authorization', lead)
      .expect(200);
    expect(leadsView.body).toMatchObject({ items: [], total: 0 });
    await api()
      .get(`/members/${member.patient}/actions`)
      .set('authorization', await token(['clinician']))
      .expect(403);
    // Running another body's meetings shows the actions owed to that body, not to this one.
    await membership.create('/appointments', {
      memberId: member.lead,
      bodyId: cagId,
      role: 'secretariat',
      termStart: '2025-04-01',
    });
    await waitFor('the read model to seat the lead at the CAG', async () => {
      const rows = await meetings
        .get(DataSource)
        .query<unknown[]>(`SELECT 1 FROM "${run}_meetings".seat WHERE body_id = $1`, [cagId]);
      return rows.length === 1;
    });
    const elsewhere = await api()
      .get(`/members/${member.patient}/actions`)
      .set('authorization', lead)
      .expect(200);
    expect(elsewhere.body).toMatchObject({ items: [], total: 0 });

    // The chair, and an admin, read every member's actions for the body.
    const byChair = await api()
      .get(`/members/${member.patient}/actions`)
      .set('authorization', chair)
      .expect(200);
    expect(ids(byChair.body)).toEqual([patientAction]);
    const meetingByChair = await api()
      .get(`/meetings/${meetingId}/actions`)
      .set('authorization', chair)
      .expect(200);
    expect(ids(meetingByChair.body)).toContain(patientAction);
    expect((meetingByChair.body as { total: number }).total).toBeGreaterThan(1);
    const byAdmin = await api()
      .get(`/members/${member.patient}/actions`)
      .set('authorization', admin)
      .expect(200);
    expect(ids(byAdmin.body)).toEqual([patientAction]);
  });

  it('approves minutes only at a later quorate meeting of the body', async () => {
    const [minuted, inquorate, later] = meetingIds as [string, string, string];
    await api()
      .put(`/meetings/${meetingIds[3]}/minutes`)
      .set('authorization', admin)
      .send({ text: 'Not held yet' })
      .expect(409);
    await api()
      .put(`/meetings/${minuted}/minutes`)
      .set('authorization', admin)
      .send({ text: 'Present: chair, nurse. Item 1: escalated to the CAG.' })
      .expect(200);
    await api()
      .post(`/meetings/${minuted}/minutes/approve`)
      .set('authorization', admin)
      .send({ atMeetingId: inquorate })
      .expect(409);
    await api()
      .post(`/meetings/${minuted}/minutes/approve`)
      .set('authorization', admin)
      .send({ atMeetingId: minuted })
      .expect(400);

    await startNow(later, 500);
    await api()
      .put(`/meetings/${later}/attendance`)
      .set('authorization', admin)
      .send(anAttendance({ present: [member.chair, member.lead] }))
      .expect(200);
    await api().post(`/meetings/${later}/hold`).set('authorization', admin).expect(200);
    const approved = await api()
      .post(`/meetings/${minuted}/minutes/approve`)
      .set('authorization', admin)
      .send({ atMeetingId: later })
      .expect(200);
    expect(approved.body).toMatchObject({
      minutesStatus: 'approved',
      minutesApprovedAtMeetingId: later,
    });
    await api()
      .put(`/meetings/${minuted}/minutes`)
      .set('authorization', admin)
      .send({ text: 'rewrite' })
      .expect(409);
    const event = await waitFor(
      'minutes-approved',
      () => meetingEvents('meetings.minutes-approved.v1')[0],
    );
    expect(event.data).toEqual({ meetingId: minuted, bodyId: lungId, approvedAtMeetingId: later });
  });

  it('publishes the declarations with the approved minutes', async () => {
    const minutes = await api().get(`/public/meetings/${meetingIds[0]}/minutes`).expect(200);
    expect((minutes.body as { declarations: unknown[] }).declarations).toEqual([
      {
        itemTitle: expect.any(String),
        memberName: 'Nurse Member',
        nature: 'non-financial-professional',
        interest: 'Lead nurse at one of the trusts named in the paper',
        action: 'took-no-part',
      },
    ]);
  });

  it('counts a nominated deputy attending for a voting member, as the terms of reference say', async () => {
    const meetingId = meetingIds[3]!;
    await startNow(meetingId, 500);
    const deputyId = await membership.create('/members', {
      name: 'Dr Deputy',
      email: `deputy.${run}@example.org`,
      profession: 'doctor',
    });
    await waitFor('the deputy to reach the read model', async () => {
      const [row] = await meetings
        .get(DataSource)
        .query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${run}_meetings".member_view WHERE id = $1`,
          [deputyId],
        );
      return row?.n === 1;
    });
    const attend = (attendance: object[]) =>
      api()
        .put(`/meetings/${meetingId}/attendance`)
        .set('authorization', admin)
        .send({ attendance });
    const deputy = { memberId: deputyId, status: 'present', deputisingFor: member.lead };
    // Without deputisingFor, someone not seated on the body is refused, saying how to record a deputy.
    const unseated = await attend([{ memberId: deputyId, status: 'present' }]).expect(400);
    expect(JSON.stringify(unseated.body)).toMatch(
      /names the member they attend for in deputisingFor/,
    );
    // A seated member counts in their own right, and a member present needs no deputy.
    const seated = await attend([{ ...deputy, memberId: member.nurse }]).expect(400);
    expect(JSON.stringify(seated.body)).toMatch(/counts in their own right/);
    const leadPresent = await attend([{ memberId: member.lead, status: 'present' }, deputy]).expect(
      400,
    );
    expect(JSON.stringify(leadPresent.body)).toMatch(/present in person/);
    await attend([
      { memberId: member.chair, status: 'present' },
      { memberId: member.lead, status: 'apologies' },
      deputy,
    ]).expect(200);
    const held = await api()
      .post(`/meetings/${meetingId}/hold`)
      .set('authorization', admin)
      .expect(200);
    // The chair alone is one of four voting members where two are needed; the lead's deputy makes two.
    expect((held.body as { quorum: object }).quorum).toMatchObject({
      quorate: true,
      votingMembers: 4,
      present: 2,
      required: 2,
      deputising: 1,
    });
  });
});
