import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { type AnyEventOf, type membershipContract, platformEvents } from '#contracts';
import {
  isolatedTopicPrefix,
  testInfra,
  testKafka,
  TopicRecorder,
  uniqueName,
  waitFor,
} from '#testing';
import { MembershipModule } from '../src/app.module.js';
import { RoleHoldersService } from '../src/appointments/role-holders.service.js';
import { Alliance } from '../src/alliances/alliance.entity.js';
import { Body } from '../src/bodies/body.entity.js';
import { Clock } from '#platform';
import { Member } from '../src/members/member.entity.js';
import { DEMO_NETWORKS } from '../src/seed/demo-data.js';
import { seedDemo, type SeedReport } from '../src/seed/seed-demo.js';

// The membership contract's own map, so `type` narrows each event's payload.
type MembershipEvent = AnyEventOf<(typeof membershipContract)['events']>;

interface FoldedAppointment {
  memberId: string;
  role: string;
  termStart: string;
  termEnd: string | null;
  endedOn: string | null;
}

/** What a consumer of the topic knows about one body. */
interface FoldedBody {
  parentBodyId: string | null;
  appointments: Map<string, FoldedAppointment>;
}

/** Folds membership events into bodies and members, as the workflow service's read model does. */
function fold(events: readonly MembershipEvent[]) {
  const bodies = new Map<string, FoldedBody>();
  const emails = new Map<string, string>();
  const bodyOf = (id: string) => {
    const body = bodies.get(id) ?? { parentBodyId: null, appointments: new Map() };
    bodies.set(id, body);
    return body;
  };
  for (const event of events) {
    switch (event.type) {
      case 'membership.body-created.v1':
      case 'membership.body-updated.v1':
        bodyOf(event.data.bodyId).parentBodyId = event.data.parentBodyId;
        break;
      case 'membership.member-registered.v1':
      case 'membership.member-updated.v1':
        emails.set(event.data.memberId, event.data.email);
        break;
      case 'membership.member-appointed.v1':
        bodyOf(event.data.bodyId).appointments.set(event.data.appointmentId, {
          ...event.data,
          endedOn: null,
        });
        break;
      case 'membership.appointment-ended.v1': {
        const appointment = bodyOf(event.data.bodyId).appointments.get(event.data.appointmentId);
        if (appointment) {
          appointment.endedOn = event.data.endedOn;
        }
        break;
      }
      // Facts a holder list does not need: the appointment events above already say it all.
      case 'membership.alliance-registered.v1':
      case 'membership.alliance-updated.v1':
      case 'membership.organisation-registered.v1':
      case 'membership.organisation-updated.v1':
      case 'membership.role-vacated.v1':
      case 'membership.term-ending-soon.v1':
      case 'membership.member-identity-linked.v1':
      case 'membership.member-identity-unlinked.v1':
        break;
    }
  }
  return { bodies, emails };
}

/** The appointments that hold their role on `on`. */
function heldOn(body: FoldedBody | undefined, on: string): FoldedAppointment[] {
  return [...(body?.appointments.values() ?? [])].filter(
    (a) =>
      a.termStart <= on &&
      (a.termEnd === null || a.termEnd >= on) &&
      (a.endedOn === null || a.endedOn > on),
  );
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('membership demo seed', () => {
  const schema = uniqueName('membership_seed');
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let recorder: TopicRecorder;
  let topic: string;
  let first: SeedReport;
  let second: SeedReport;
  let outboxAfterFirst: number;
  let outboxAfterSecond: number;

  const outboxCount = async () => {
    const rows: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM "${schema}".outbox_message`,
    );
    return rows[0]!.n;
  };

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(testKafka(), schema);
    topic = `${prefix}membership.events`;
    app = await NestFactory.createApplicationContext(
      MembershipModule.forRoot({
        SERVICE_NAME: 'membership',
        NODE_ENV: 'test',
        DATABASE_URL: testInfra.databaseUrl,
        DATABASE_SCHEMA: schema,
        KAFKA_BROKERS: testInfra.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: prefix,
        AUTH_JWT_SECRET: 'membership-seed-test-secret-0123456789',
        DAILY_CHECK_ENABLED: 'false',
        LOG_LEVEL: 'silent',
      }),
      { logger: false },
    );
    dataSource = app.get(DataSource);
    recorder = await TopicRecorder.start(testKafka(), [topic]);
    first = await seedDemo(app);
    outboxAfterFirst = await outboxCount();
    second = await seedDemo(app);
    outboxAfterSecond = await outboxCount();
  }, 180_000);

  afterAll(async () => {
    await recorder?.close();
    await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
  });

  it('creates every alliance, organisation, body, member and appointment of the demo data', () => {
    const members = new Set(DEMO_NETWORKS.flatMap((n) => n.members.map((m) => m.email)));
    expect(first).toEqual({
      alliances: DEMO_NETWORKS.length,
      organisations: sum(DEMO_NETWORKS.map((n) => n.organisations.length)),
      bodies: sum(DEMO_NETWORKS.map((n) => n.bodies.length)),
      members: members.size,
      appointments: sum(DEMO_NETWORKS.flatMap((n) => n.bodies.map((b) => b.appointments.length))),
      skipped: [],
    });
  });

  it('creates nothing, and publishes nothing, when run again', () => {
    expect(second).toEqual({
      alliances: 0,
      organisations: 0,
      bodies: 0,
      members: 0,
      appointments: 0,
      skipped: [],
    });
    expect(outboxAfterSecond).toBe(outboxAfterFirst);
  });

  it('gives every body one current chair and one current clinical lead', async () => {
    const bodies = await dataSource.manager.find(Body);
    expect(bodies).toHaveLength(first.bodies);
    for (const body of bodies) {
      const holders = await app.get(RoleHoldersService).holders(body.id, {});
      const count = (role: string) => holders.filter((h) => h.role === role).length;
      expect({ body: body.name, chairs: count('chair'), leads: count('clinical-lead') }).toEqual({
        body: body.name,
        chairs: 1,
        leads: 1,
      });
    }
  });

  it("lets a consumer of membership.events rebuild every body's holders and parent", async () => {
    // Everything the service wrote must be on the topic before the comparison means anything.
    const eventIds = await waitFor(
      'the outbox to be relayed',
      async () => {
        const rows: { event_id: string; published_at: Date | null }[] = await dataSource.query(
          `SELECT event_id, published_at FROM "${schema}".outbox_message`,
        );
        return rows.every((row) => row.published_at !== null) && rows.map((r) => r.event_id);
      },
      { timeoutMs: 60_000 },
    );
    const bodies = await dataSource.manager.find(Body);
    const alliances = await dataSource.manager.find(Alliance);
    const members = await dataSource.manager.find(Member);
    const ids = new Set([...bodies, ...alliances, ...members].map((entity) => entity.id));
    // Keep the events about this run's data, as decoded
    // (and validated against the contract) by a consumer.
    const ours = () =>
      recorder
        .on(topic)
        .filter((message) => {
          const { data } = message.json<{ data?: Record<string, unknown> }>();
          return [data?.['bodyId'], data?.['allianceId'], data?.['memberId']].some(
            (id) => typeof id === 'string' && ids.has(id),
          );
        })
        // decode validates each payload against its type's schema, so the narrower type holds.
        .map((message) => platformEvents.decode(message.value) as MembershipEvent);
    const events = await waitFor(
      `the ${eventIds.length} relayed events on ${topic}`,
      () => {
        const found = ours();
        const foundIds = new Set(found.map((event) => event.id));
        return eventIds.every((id) => foundIds.has(id)) && found;
      },
      { timeoutMs: 60_000 },
    );
    expect(events).toHaveLength(eventIds.length);

    const folded = fold(events);
    const emailOf = (memberId: string) => folded.emails.get(memberId) ?? `unknown ${memberId}`;
    const today = app.get(Clock).today();
    const service = app.get(RoleHoldersService);
    for (const body of bodies) {
      const holders = await service.holders(body.id, {});
      expect({ body: body.name, parent: folded.bodies.get(body.id)?.parentBodyId }).toEqual({
        body: body.name,
        parent: body.parentBodyId,
      });
      const rebuilt = heldOn(folded.bodies.get(body.id), today).map(
        (a) => `${a.role} ${emailOf(a.memberId)}`,
      );
      expect({ body: body.name, holders: rebuilt.sort() }).toEqual({
        body: body.name,
        holders: holders.map((h) => `${h.role} ${h.member.email}`).sort(),
      });
    }
    // One run, one correlation id: a consumer can tell the seed's events apart.
    expect(new Set(events.map((event) => event.correlationid)).size).toBe(1);
    expect(events[0]!.correlationid).toMatch(/^seed-demo:/);
  });
});
