import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { isolatedTopicPrefix, serviceTestEnv, testKafka, TestIdentity, uniqueName } from '#testing';
import { BodyView } from '#membership-view';
import { createMeetingsApp } from '../src/bootstrap.js';
import { Action } from '../src/actions/action.entity.js';
import { AgendaRequest } from '../src/agenda/agenda-request.entity.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { aBodyView } from './builders.js';

const DAY_MS = 86_400_000;

describe("a body's meetings, a page at a time (PostgreSQL; meetings inserted directly)", () => {
  const run = uniqueName('mtgl');
  const schema = `${run}_meetings`;
  const bodyId = randomUUID();
  const ownerMemberId = randomUUID();
  const firstMeetingId = randomUUID();
  let app: INestApplication;
  let identity: TestIdentity;
  let reader: string;
  const api = () => request(app.getHttpServer());
  const list = (query: Record<string, string | number> = {}) =>
    api().get(`/bodies/${bodyId}/meetings`).query(query).set('authorization', reader);

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start();
    // A service reading the list, as the web app or a dashboard would.
    reader = await identity.token(['service']);
    app = await createMeetingsApp(serviceTestEnv('meetings', { schema, prefix, identity }));
    await app.init();
    const dataSource = app.get(DataSource);
    await dataSource.manager.insert(BodyView, aBodyView({ id: bodyId }));
    // Sixty meetings a week apart, every fifth one held: more than one default page.
    const first = Date.UTC(2025, 0, 6, 14);
    await dataSource.manager.insert(
      Meeting,
      Array.from({ length: 60 }, (_, index) => ({
        id: index === 0 ? firstMeetingId : randomUUID(),
        bodyId,
        kind: 'quarterly-network-meeting' as const,
        title: `Meeting ${index + 1}`,
        startsAt: new Date(first + index * 7 * DAY_MS),
        endsAt: new Date(first + index * 7 * DAY_MS + 2 * 3_600_000),
        status: index % 5 === 0 ? ('held' as const) : ('scheduled' as const),
      })),
    );
    // Five actions from the first meeting, due a day apart, and five agenda requests.
    await dataSource.manager.insert(
      Action,
      Array.from({ length: 5 }, (_, index) => ({
        id: randomUUID(),
        meetingId: firstMeetingId,
        bodyId,
        description: `Action ${index + 1}`,
        ownerMemberId,
        dueOn: `2025-02-0${index + 1}`,
        status: 'open' as const,
      })),
    );
    await dataSource.manager.insert(
      AgendaRequest,
      Array.from({ length: 5 }, (_, index) => ({
        id: randomUUID(),
        bodyId,
        title: `Request ${index + 1}`,
        externalReference: `case-${index + 1}`,
        papers: [],
        status: 'unplaced' as const,
        receivedAt: new Date(Date.UTC(2025, 0, 1 + index)),
      })),
    );
  }, 120_000);

  afterAll(async () => {
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
    await identity?.stop();
  });

  it('answers the first fifty in date order, with the total', async () => {
    const page = await list().expect(200);
    const body = page.body as { items: { title: string }[]; total: number };
    expect(body).toMatchObject({ total: 60, limit: 50, offset: 0 });
    expect(body.items).toHaveLength(50);
    expect(body.items[0]).toMatchObject({ title: 'Meeting 1', bodyId });
    expect(body.items[49]).toMatchObject({ title: 'Meeting 50' });
  });

  it('pages on with limit and offset, and keeps a page to at most 200', async () => {
    const page = await list({ limit: 2, offset: 58 }).expect(200);
    expect(page.body).toEqual({
      items: [
        expect.objectContaining({ title: 'Meeting 59' }),
        expect.objectContaining({ title: 'Meeting 60' }),
      ],
      total: 60,
      limit: 2,
      offset: 58,
    });
    const tooMany = await list({ limit: 201 }).expect(400);
    expect(tooMany.body).toMatchObject({ errors: [{ field: 'limit' }] });
  });

  it('filters by status', async () => {
    const held = await list({ status: 'held', limit: 3 }).expect(200);
    expect(held.body).toEqual({
      items: [
        expect.objectContaining({ title: 'Meeting 1', status: 'held' }),
        expect.objectContaining({ title: 'Meeting 6', status: 'held' }),
        expect.objectContaining({ title: 'Meeting 11', status: 'held' }),
      ],
      total: 12,
      limit: 3,
      offset: 0,
    });
    await list({ status: 'postponed' }).expect(400);
  });

  it("pages a member's actions, a meeting's actions and a body's agenda requests", async () => {
    const paths = [
      `/members/${ownerMemberId}/actions`,
      `/meetings/${firstMeetingId}/actions`,
      `/bodies/${bodyId}/agenda-requests`,
    ];
    for (const path of paths) {
      const page = await api()
        .get(path)
        .query({ limit: 2, offset: 1 })
        .set('authorization', reader)
        .expect(200);
      expect(page.body).toMatchObject({ total: 5, limit: 2, offset: 1 });
      expect((page.body as { items: unknown[] }).items).toHaveLength(2);
      const tooMany = await api()
        .get(path)
        .query({ limit: 201 })
        .set('authorization', reader)
        .expect(400);
      expect(tooMany.body).toMatchObject({ errors: [{ field: 'limit' }] });
    }
    // Actions soonest due first; agenda requests newest first.
    const actions = await api()
      .get(`/members/${ownerMemberId}/actions`)
      .query({ limit: 2, offset: 1 })
      .set('authorization', reader)
      .expect(200);
    expect((actions.body as { items: { description: string }[] }).items).toMatchObject([
      { description: 'Action 2' },
      { description: 'Action 3' },
    ]);
    const requests = await api()
      .get(`/bodies/${bodyId}/agenda-requests`)
      .query({ limit: 2, offset: 1 })
      .set('authorization', reader)
      .expect(200);
    expect((requests.body as { items: { title: string }[] }).items).toMatchObject([
      { title: 'Request 4' },
      { title: 'Request 3' },
    ]);
  });
});
