import { createHash, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { isolatedTopicPrefix, serviceTestEnv, testKafka, TestIdentity, uniqueName } from '#testing';
import { createMeetingsApp } from '../src/bootstrap.js';
import { BodyView, IdentityLink, MemberView, Seat } from '#membership-view';
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

/** Where subscription URLs point: the service's public address, as a calendar app sees it. */
const PUBLIC_URL = 'https://meetings.example.org/api';

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
  /** Bearer tokens of the seated member's and the outsider's own accounts. */
  let asSeated: string;
  let asOutsider: string;
  const api = () => request(app.getHttpServer());
  /** The path of a subscription URL, checked to be under the public base URL. */
  const pathOf = (url: string): string => {
    expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
    return url.slice(PUBLIC_URL.length);
  };
  const subscribe = async (memberId: string, token: string): Promise<string> => {
    const response = await api()
      .post(`/members/${memberId}/calendar-subscription`)
      .set('authorization', token)
      .expect(201);
    return (response.body as { url: string }).url;
  };

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    app = await createMeetingsApp({
      ...serviceTestEnv('meetings', { schema, prefix, identity }),
      PUBLIC_URL,
    });
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
    // The members' own accounts, linked as membership's identity events would link them.
    await dataSource.manager.insert(
      IdentityLink,
      [seated, outsider].map((memberId) => ({
        issuer: identity.issuer,
        subject: identity.subjectFor(['clinician'], memberId),
        memberId,
      })),
    );
    asSeated = await identity.token(['clinician'], seated);
    asOutsider = await identity.token(['clinician'], outsider);

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

  it('holds the meetings of a window, not every meeting there ever was', async () => {
    // A meeting three years back, as a long-lived body would have.
    await dataSource.query(
      `INSERT INTO "${schema}".meeting
       SELECT (jsonb_populate_record(NULL::"${schema}".meeting, to_jsonb(m) || jsonb_build_object(
         'id', $2::uuid, 'starts_at', m.starts_at - interval '3 years',
         'ends_at', m.ends_at - interval '3 years'))).*
       FROM "${schema}".meeting m WHERE m.id = $1`,
      [meetingIds[0], randomUUID()],
    );
    const body = await api()
      .get(`/bodies/${bodyId}/calendar.ics`)
      .set('authorization', admin)
      .expect(200);
    expect(eventsOf(textOf(body))).toHaveLength(2);
    const [held] = await dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM "${schema}".meeting WHERE body_id = $1`,
      [bodyId],
    );
    expect(Number(held?.count)).toBe(3);
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

  it("lists a member's next meetings, soonest first, to them and an admin only", async () => {
    const next = await api()
      .get(`/members/${seated}/meetings?limit=1`)
      .set('authorization', asSeated)
      .expect(200);
    expect(next.body).toEqual({
      items: [
        expect.objectContaining({
          id: meetingIds[0],
          bodyId,
          bodyName: 'Lung Group, East',
          title: 'Lung Group; meeting 1',
          status: 'scheduled',
        }),
      ],
      limit: 1,
    });
    const both = await api()
      .get(`/members/${seated}/meetings`)
      .set('authorization', admin)
      .expect(200);
    expect((both.body as { items: { id: string; status: string }[] }).items).toEqual([
      expect.objectContaining({ id: meetingIds[0] }),
      expect.objectContaining({ id: meetingIds[1], status: 'cancelled' }),
    ]);
    const none = await api()
      .get(`/members/${former}/meetings`)
      .set('authorization', admin)
      .expect(200);
    expect(none.body).toEqual({ items: [], limit: 5 });
    await api().get(`/members/${seated}/meetings`).set('authorization', asOutsider).expect(403);
    const tooMany = await api()
      .get(`/members/${seated}/meetings?limit=51`)
      .set('authorization', admin)
      .expect(400);
    expect(JSON.stringify(tooMany.body)).toContain('limit');
    await api().get(`/members/${randomUUID()}/meetings`).set('authorization', admin).expect(404);
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

  it("serves a member's feed to them and an admin, and refuses anyone else", async () => {
    const own = await api()
      .get(`/members/${seated}/calendar.ics`)
      .set('authorization', asSeated)
      .expect(200);
    expect(eventsOf(textOf(own))).toHaveLength(2);
    const refused = await api()
      .get(`/members/${seated}/calendar.ics`)
      .set('authorization', asOutsider)
      .expect(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    await api()
      .get(`/members/${seated}/calendar.ics`)
      .set('authorization', await identity.token(['service']))
      .expect(403);
  });

  it('gives a member a subscription URL that a calendar app reads without a token', async () => {
    const url = await subscribe(seated, asSeated);
    expect(url).toMatch(
      new RegExp(`^${PUBLIC_URL}/calendar-subscriptions/[A-Za-z0-9_-]{43}/calendar\\.ics$`),
    );
    const feed = await api().get(pathOf(url)).expect(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(linesOf(textOf(feed))).toContain('X-WR-CALNAME:Dr Seated');
    expect(eventsOf(textOf(feed))).toHaveLength(2);

    // Only a hash of the token is kept.
    const token = pathOf(url).split('/')[2]!;
    const rows = await dataSource.query<{ token_hash: string }[]>(
      `SELECT token_hash FROM "${schema}".calendar_subscription WHERE member_id = $1 AND revoked_at IS NULL`,
      [seated],
    );
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    expect(
      JSON.stringify(await dataSource.query(`SELECT * FROM "${schema}".calendar_subscription`)),
    ).not.toContain(token);
  });

  it("refuses another member's subscription, and answers 404 for an unknown member", async () => {
    await api()
      .post(`/members/${seated}/calendar-subscription`)
      .set('authorization', asOutsider)
      .expect(403);
    await api()
      .delete(`/members/${seated}/calendar-subscription`)
      .set('authorization', asOutsider)
      .expect(403);
    await api()
      .post(`/members/${randomUUID()}/calendar-subscription`)
      .set('authorization', admin)
      .expect(404);
  });

  it('revokes a subscription URL: by DELETE, and by issuing a new one', async () => {
    const first = await subscribe(seated, asSeated);
    const second = await subscribe(seated, asSeated);
    expect(second).not.toBe(first);
    const revokedByReissue = await api().get(pathOf(first)).expect(404);
    await api().get(pathOf(second)).expect(200);

    await api()
      .delete(`/members/${seated}/calendar-subscription`)
      .set('authorization', asSeated)
      .expect(204);
    const revoked = await api().get(pathOf(second)).expect(404);
    const unknown = await api()
      .get(`/calendar-subscriptions/${'A'.repeat(43)}/calendar.ics`)
      .expect(404);
    const malformed = await api()
      .get('/calendar-subscriptions/not-a-token/calendar.ics')
      .expect(404);
    // The same answer for each: nothing tells a revoked token from one never issued.
    const shape = (response: request.Response) => {
      const { title, status, detail, type } = response.body as Record<string, unknown>;
      return { title, status, detail, type };
    };
    expect(shape(revoked)).toEqual(shape(unknown));
    expect(shape(revokedByReissue)).toEqual(shape(unknown));
    expect(shape(malformed)).toEqual(shape(unknown));

    // An admin may issue and revoke one for a member too (a lost phone, say).
    const issuedByAdmin = await subscribe(seated, admin);
    await api().get(pathOf(issuedByAdmin)).expect(200);
    await api()
      .delete(`/members/${seated}/calendar-subscription`)
      .set('authorization', admin)
      .expect(204);
    await api().get(pathOf(issuedByAdmin)).expect(404);
  });
});
