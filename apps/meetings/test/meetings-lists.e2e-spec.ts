import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { isolatedTopicPrefix, serviceTestEnv, testKafka, TestIdentity, uniqueName } from '#testing';
import { BodyView } from '#membership-view';
import { createMeetingsApp } from '../src/bootstrap.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { aBodyView } from './builders.js';

const DAY_MS = 86_400_000;

describe("a body's meetings, a page at a time (PostgreSQL; meetings inserted directly)", () => {
  const run = uniqueName('mtgl');
  const schema = `${run}_meetings`;
  const bodyId = randomUUID();
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
        id: randomUUID(),
        bodyId,
        kind: 'quarterly-network-meeting' as const,
        title: `Meeting ${index + 1}`,
        startsAt: new Date(first + index * 7 * DAY_MS),
        endsAt: new Date(first + index * 7 * DAY_MS + 2 * 3_600_000),
        status: index % 5 === 0 ? ('held' as const) : ('scheduled' as const),
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
});
