import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { isolatedTopicPrefix, serviceTestEnv, testKafka, TestIdentity, uniqueName } from '#testing';
import { createMeetingsApp } from '../src/bootstrap.js';
import { BodyView, MemberView, Seat } from '#membership-view';
import { aBodyView, aMeeting, aMemberView, aSeat } from './builders.js';

/** The logical lines of an iCalendar body, folding undone. */
const linesOf = (ics: string): string[] => ics.replace(/\r\n /g, '').split('\r\n');

/** The VEVENTs of a feed, each as its logical lines. */
function eventsOf(ics: string): string[][] {
  const events: string[][] = [];
  let current: string[] | null = null;
  for (const line of linesOf(ics)) {
    if (line === 'BEGIN:VEVENT') {
      current = [];
    } else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      current.push(line);
    }
  }
  return events;
}

/** Supertest buffers text/calendar as text. */
const textOf = (response: request.Response): string => response.text;

describe('iCalendar feeds of meetings (PostgreSQL; the read model inserted directly)', () => {
  const run = uniqueName('cal');
  const schema = `${run}_meetings`;
  let app: INestApplication;
  let dataSource: DataSource;
  const bodyId = randomUUID();
  const seated = randomUUID();
  const former = randomUUID();
  const outsider = randomUUID();
  const meetingIds: string[] = [];

  let identity: TestIdentity;
  let admin: string;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    app = await createMeetingsApp(serviceTestEnv('meetings', { schema, prefix, identity }));
    // The HTTP API only: the read model is written here, not consumed from membership.
    await app.init();
    dataSource = app.get(DataSource);
    await dataSource.manager.insert(BodyView, aBodyView({ id: bodyId, name: 'Lung Group, East' }));
    await dataSource.manager.insert(MemberView, [
      aMemberView({ id: seated, name: 'Dr Seated' }),
      aMemberView({ id: former, name: 'Dr Former' }),
      aMemberView({ id: outsider, name: 'Dr Outsider' }),
    ]);
    await dataSource.manager.insert(Seat, [
      aSeat({ bodyId, memberId: seated }),
      // Left the body before either meeting.
      aSeat({ bodyId, memberId: former, endedOn: new Date().toISOString().slice(0, 10) }),
    ]);

    const first = new Date(Date.now() + 30 * 86_400_000);
    first.setUTCMilliseconds(0);
    for (const [index, start] of [first, new Date(first.getTime() + 7 * 86_400_000)].entries()) {
      const response = await api()
        .post(`/bodies/${bodyId}/meetings`)
        .set('authorization', admin)
        .send(
          aMeeting({
            title: `Lung Group; meeting ${index + 1}`,
            startsAt: start,
            location: 'Boardroom, Addenbrooke’s Hospital',
            onlineUrl: `https://meet.example.org/lung-${index + 1}`,
          }),
        )
        .expect(201);
      meetingIds.push((response.body as { id: string }).id);
    }
    await api()
      .post(`/meetings/${meetingIds[1]}/cancel`)
      .set('authorization', admin)
      .send({ reason: 'Not enough members available' })
      .expect(200);
  }, 120_000);

  afterAll(async () => {
    await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
    await identity?.stop();
  });

  it("serves the body's meetings, the cancelled one as CANCELLED", async () => {
    const response = await api()
      .get(`/bodies/${bodyId}/calendar.ics`)
      .set('authorization', admin)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('inline; filename="lung-group-east.ics"');
    const ics = textOf(response);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(linesOf(ics)).toEqual(
      expect.arrayContaining([
        'PRODID:-//Cancer Network Governance//Meetings//EN',
        'X-WR-CALNAME:Lung Group\\, East',
      ]),
    );
    const events = eventsOf(ics);
    expect(events).toHaveLength(2);
    expect(events.map((event) => event.find((line) => line.startsWith('UID:')))).toEqual(
      meetingIds.map((id) => `UID:${id}@cancer-network`),
    );
    expect(events[0]).toEqual(
      expect.arrayContaining([
        'STATUS:CONFIRMED',
        'SUMMARY:Lung Group\\; meeting 1',
        'LOCATION:Boardroom\\, Addenbrooke’s Hospital',
        'URL:https://meet.example.org/lung-1',
        expect.stringMatching(/^DTSTART:\d{8}T\d{6}Z$/),
        expect.stringMatching(/^SEQUENCE:\d+$/),
      ]),
    );
    expect(events[1]).toEqual(expect.arrayContaining(['STATUS:CANCELLED']));
    expect(events[1]!.find((line) => line.startsWith('DESCRIPTION:'))).toContain(
      'Cancelled: Not enough members available',
    );
  });

  it("serves a member's meetings only for the bodies they sit on at the time", async () => {
    const mine = await api()
      .get(`/members/${seated}/calendar.ics`)
      .set('authorization', admin)
      .expect(200);
    expect(mine.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(mine.headers['content-disposition']).toBe('inline; filename="dr-seated.ics"');
    expect(linesOf(textOf(mine))).toContain('X-WR-CALNAME:Dr Seated');
    const events = eventsOf(textOf(mine));
    expect(events).toHaveLength(2);
    expect(events.map((event) => event.find((line) => line.startsWith('STATUS:')))).toEqual([
      'STATUS:CONFIRMED',
      'STATUS:CANCELLED',
    ]);

    for (const memberId of [outsider, former]) {
      const response = await api()
        .get(`/members/${memberId}/calendar.ics`)
        .set('authorization', admin)
        .expect(200);
      const ics = textOf(response);
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
      expect(eventsOf(ics)).toHaveLength(0);
    }
  });

  it('answers 404 for an unknown body or member and 401 without a token', async () => {
    await api().get(`/bodies/${randomUUID()}/calendar.ics`).set('authorization', admin).expect(404);
    await api()
      .get(`/members/${randomUUID()}/calendar.ics`)
      .set('authorization', admin)
      .expect(404);
    await api().get(`/bodies/${bodyId}/calendar.ics`).expect(401);
    await api().get(`/members/${seated}/calendar.ics`).expect(401);
  });
});
