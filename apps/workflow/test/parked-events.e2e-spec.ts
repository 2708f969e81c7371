import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  platformEvents,
  type EventEnvelope,
  type EventTypeOf,
  type PayloadOf,
  type PlatformEventMap,
} from '#contracts';
import {
  isolatedTopicPrefix,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  TopicRecorder,
  uniqueName,
  waitFor,
} from '#testing';
import { createWorkflowApp } from '../src/bootstrap.js';
import { aBreach } from './builders.js';

interface ParkedRow {
  eventId: string;
  eventType: string;
  sourcePartition: number;
  reason: string;
  waitsFor: string | null;
  attempts: number;
}

/**
 * Issue #16: a trigger for a body the workflow does not know yet (membership's event is still on
 * its way) is parked, not dead-lettered and not retried in place: the partition moves on, and
 * the case opens once the body arrives, however long that takes.
 */
describe('workflow: a trigger for a body not known yet is parked, then handled (real Kafka and PostgreSQL)', () => {
  const run = uniqueName('wfpark');
  const kafka = testKafka();
  const schema = `${run}_workflow`;
  let prefix: string;
  let registry: ReturnType<typeof platformEvents.withTopicPrefix>;
  let identity: TestIdentity;
  let app: INestApplication;
  let producer: Producer;
  let deadLetters: TopicRecorder;
  let admin: string;
  const allianceId = randomUUID();
  const db = () => app.get(DataSource);

  /** Sends an event as its producing service would, to partition 0 of its topic. */
  async function send<T extends EventTypeOf<PlatformEventMap>>(
    type: T,
    data: PayloadOf<PlatformEventMap, T>,
    key: string,
  ): Promise<EventEnvelope> {
    const event = registry.build(type, data, { correlationId: run });
    await producer.send({
      topic: registry.topicOf(type),
      acks: -1,
      messages: [{ key, partition: 0, value: JSON.stringify(event) }],
    });
    return event;
  }
  const bodyCreated = (bodyId: string, name: string) =>
    send(
      'membership.body-created.v1',
      {
        bodyId,
        allianceId,
        kind: 'tumour-site-group',
        name,
        specialty: 'lung',
        parentBodyId: null,
        meetingCadence: 'quarterly',
        termsOfReference: {
          quorum: { chairOrDeputy: true, minimumFraction: 1 / 3, requireClinician: true },
          papersDueDaysBefore: 5,
          reviewedOn: null,
        },
        guidance: [],
      },
      bodyId,
    );
  /** A breach at the body's group; its tumour site makes the case's subject its own. */
  const breachAt = (bodyId: string, tumourSite: string) =>
    send(
      'performance.standard-breached.v1',
      aBreach({ allianceId, allianceCode: 'PRK', bodyId, tumourSite, gap: 0.08 }),
      `${allianceId}:${tumourSite}:fds-28`,
    );
  const handled = (eventId: string) =>
    waitFor(`event ${eventId} to be handled`, async () => {
      const rows = await db().query<unknown[]>(
        `SELECT 1 FROM "${schema}".processed_event WHERE event_id = $1`,
        [eventId],
      );
      return rows.length === 1;
    });
  const casesAt = async (bodyId: string) =>
    (
      await db().query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${schema}".escalation_case WHERE body_id = $1`,
        [bodyId],
      )
    )[0]!.n;
  const parked = async (): Promise<ParkedRow[]> => {
    const response = await request(app.getHttpServer())
      .get('/admin/parked-events')
      .set('authorization', admin)
      .expect(200);
    return (response.body as { items: ParkedRow[] }).items;
  };
  const deadLettered = (eventId: string) =>
    deadLetters.messages.some((message) => message.json<{ id: string }>().id === eventId);

  beforeAll(async () => {
    prefix = await isolatedTopicPrefix(kafka, run);
    registry = platformEvents.withTopicPrefix(prefix);
    identity = await TestIdentity.start();
    app = await createWorkflowApp({
      ...serviceTestEnv('workflow', { schema, prefix, identity }),
      NOTIFICATIONS_ENABLED: 'false',
      TIMERS_ENABLED: 'false',
    });
    await app.startAllMicroservices();
    await app.init();
    deadLetters = await TopicRecorder.start(kafka, [`${prefix}workflow.dead-letter`]);
    producer = kafka.producer({ idempotent: true });
    await producer.connect();
    admin = await identity.token(['admin']);
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await deadLetters?.close();
    await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
    await identity?.stop();
  });

  it('parks the breach, handles the partition’s later events meanwhile, and opens the case once the body arrives', async () => {
    const known = randomUUID();
    const late = randomUUID();
    await handled((await bodyCreated(known, 'Known Lung Group')).id);

    const early = await breachAt(late, 'skin');
    const later = await breachAt(known, 'lung');
    // The later breach, behind the early one on partition 0, opens its case meanwhile.
    await handled(later.id);
    expect(await casesAt(known)).toBe(1);

    // Longer than the old retry window (five attempts in about three seconds): re-tried by the
    // sweep more often than that, or, before the fix, dead-lettered.
    await waitFor(
      'the early breach to be re-tried past the old window, or dead-lettered',
      async () => {
        if (deadLettered(early.id)) {
          return true;
        }
        const [row] = await db().query<{ attempts: number; parked_for_ms: number }[]>(
          `SELECT attempts, extract(epoch FROM now() - parked_at) * 1000 AS parked_for_ms
           FROM "${schema}".parked_event WHERE event_id = $1`,
          [early.id],
        );
        return row !== undefined && row.attempts >= 4 && row.parked_for_ms > 3_500;
      },
      { timeoutMs: 30_000 },
    );
    expect(deadLettered(early.id)).toBe(false);
    expect(await casesAt(late)).toBe(0);
    const [parkedBreach] = (await parked()).filter((row) => row.eventId === early.id);
    expect(parkedBreach).toMatchObject({
      eventType: 'performance.standard-breached.v1',
      sourcePartition: 0,
      waitsFor: `body:${late}`,
    });
    expect(parkedBreach!.attempts).toBeGreaterThanOrEqual(4);

    // Membership's event arrives at last: the parked breach is handled, once.
    await handled((await bodyCreated(late, 'Late Lung Group')).id);
    await handled(early.id);
    expect(await casesAt(late)).toBe(1);
    expect((await parked()).filter((row) => row.eventId === early.id)).toEqual([]);
    const [processed] = await db().query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${schema}".processed_event WHERE event_id = $1`,
      [early.id],
    );
    expect(processed!.n).toBe(1);
    expect(deadLettered(early.id)).toBe(false);
  }, 90_000);
});
