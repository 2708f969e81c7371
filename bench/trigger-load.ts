// Triggers for the workflow service through the platform's own path, shared by
// bench/e2e.bench.ts and bench/catch-up.bench.ts:
//   a writer transaction publishes `priorities.rag-changed.v1` (a priority turned red) with
//   EventPublisher (outbox row + NOTIFY, as the priorities service does) -> OutboxRelay sends it
//   to Kafka -> the workflow service (createWorkflowApp, in this process, its own schema, topic
//   prefix and queue prefix) consumes it and, in one transaction, opens or updates the
//   priority's case: case row, history entry, deadlines, planned notifications, its own events.
// Every moment is read on this process's clock (performance.now()):
//   committed  the writer's transaction committed (the trigger exists from then on);
//   sent/acked the relay's Kafka send for the trigger's row began / was acknowledged;
//   started    the workflow's consumer transaction that handles it began;
//   effected   that transaction committed, seen by a TypeORM subscriber on the workflow's data
//              source (the history entry the trigger caused, then afterTransactionCommit).
// What they measure and why: docs/performance.md ("Triggers end to end", "Catching up").
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  platformEvents,
  type EventTypeOf,
  type PayloadOf,
  type PlatformEventMap,
} from '#contracts';
import { EventPublisher, OutboxRelay, type PendingRow } from '#messaging';
import { schemaOf } from '#platform';
import {
  closeAppsDroppingSchema,
  createTestDataSource,
  deleteRedisKeys,
  isolatedTopicPrefix,
  serviceTestEnv,
  testInfra,
  waitFor,
} from '#testing';
import { createWorkflowApp } from '../apps/workflow/src/bootstrap.js';
import type { EffectClock } from './effect-clock.js';
import { Lanes, numberFlag } from './load-pacing.js';

type RagChanged = PayloadOf<PlatformEventMap, 'priorities.rag-changed.v1'>;

/** One trigger: when it was offered and, once written, its event id and commit time. */
export interface Trigger {
  readonly offeredAt: number;
  readonly data: RagChanged;
  id?: string;
  committedAt?: number;
}

/** The flags of the trigger load, shared by the benches that drive it. */
export const LOAD_FLAGS = {
  bodies: { type: 'string', default: '20' },
  writers: { type: 'string', default: '8' },
  updates: { type: 'string', default: '0.5' },
} as const;

export function loadParams(values: Record<keyof typeof LOAD_FLAGS, unknown>) {
  return {
    bodies: numberFlag(values, 'bodies', 1),
    writers: numberFlag(values, 'writers', 1),
    updates: Math.min(1, numberFlag(values, 'updates', 0)),
  };
}

/** The relay of the publishing side, noting when each row's Kafka send began and was acked. */
class ClockedRelay extends OutboxRelay {
  readonly sentAt = new Map<string, number>();
  readonly ackedAt = new Map<string, number>();

  protected override async send(rows: readonly PendingRow[]): Promise<void> {
    const sent = performance.now();
    await super.send(rows);
    const acked = performance.now();
    for (const row of rows.filter((each) => !this.ackedAt.has(each.event_id))) {
      this.sentAt.set(row.event_id, sent);
      this.ackedAt.set(row.event_id, acked);
    }
  }
}

/**
 * The triggers' payloads: a priority of one of the groups turned red. A new priority (its case
 * opens), or, for the share `updates` of triggers, the priority opened last turning red again
 * (its case updates; keyed by the same body, so it is handled after the trigger that opened it).
 */
export class TriggerSource {
  private lastOpened: { priorityId: string; bodyId: string } | undefined;
  private opened = 0;
  private offered = 0;

  constructor(
    readonly groups: readonly string[],
    private readonly updates: number,
  ) {}

  next(): RagChanged {
    const index = this.offered++;
    const update =
      this.lastOpened !== undefined &&
      Math.floor((index + 1) * this.updates) > Math.floor(index * this.updates);
    if (!update || !this.lastOpened) {
      const bodyId = this.groups[this.opened++ % this.groups.length]!;
      this.lastOpened = { priorityId: randomUUID(), bodyId };
    }
    return {
      ...this.lastOpened,
      from: 'amber',
      to: 'red',
      reason: update
        ? `Still off track (trigger ${index})`
        : 'Rapid diagnostic pathway behind plan',
      setBy: 'bench',
    };
  }
}

/**
 * The publishing side: its own schema with the platform's outbox, EventPublisher, a relay, and
 * `writers` transactions at once; the membership events the workflow needs (an alliance, its
 * Board and CAG, `bodies` lung groups each with a chair and a clinical lead) go first, through
 * the same outbox.
 */
export class TriggerLoad {
  /** Triggers committed so far, over every step. */
  committed = 0;
  private readonly writers: Lanes<Trigger>;

  private constructor(
    readonly prefix: string,
    private readonly dataSource: DataSource & { drop(): Promise<void> },
    private readonly publisher: EventPublisher<PlatformEventMap>,
    private readonly relay: ClockedRelay,
    private readonly source: TriggerSource,
    writers: number,
  ) {
    this.writers = new Lanes(writers, (trigger) => this.write(trigger));
  }

  static async start(
    kafka: Kafka,
    run: string,
    options: { bodies: number; writers: number; updates: number },
  ): Promise<TriggerLoad> {
    const prefix = await isolatedTopicPrefix(kafka, run);
    const dataSource = await createTestDataSource({
      schema: `${run}_publisher`,
      poolSize: options.writers + 2,
    });
    const publisher = new EventPublisher(
      platformEvents.withTopicPrefix(prefix),
      schemaOf(dataSource),
    );
    const relay = new ClockedRelay({ dataSource, kafka, logger: console });
    await relay.start();
    const groups = Array.from({ length: options.bodies }, () => randomUUID());
    const source = new TriggerSource(groups, options.updates);
    const load = new TriggerLoad(prefix, dataSource, publisher, relay, source, options.writers);
    await load.seed();
    return load;
  }

  /** Offers `count` triggers, appended to `into`; they are written `writers` at a time. */
  offer(count: number, into: Trigger[]): void {
    const offeredAt = performance.now();
    const triggers = Array.from({ length: count }, () => ({ offeredAt, data: this.source.next() }));
    into.push(...triggers);
    this.writers.push(triggers);
  }

  /** Whether every trigger offered so far is committed (or failed). */
  written(): boolean {
    return this.writers.idle();
  }

  sentAt(id: string): number | undefined {
    return this.relay.sentAt.get(id);
  }

  ackedAt(id: string): number | undefined {
    return this.relay.ackedAt.get(id);
  }

  get writeFailures(): number {
    return this.writers.failures;
  }

  /** Waits until a workflow instance's read model holds the seeded bodies and seats. */
  async seededIn(app: INestApplication): Promise<void> {
    const dataSource = app.get(DataSource);
    const schema = schemaOf(dataSource);
    const groups = this.source.groups.length;
    await waitFor(
      'the workflow to know the seeded bodies and seats',
      async () => {
        const [row] = await dataSource.query<{ ok: boolean }[]>(
          `SELECT (SELECT count(*) FROM "${schema}".body_view) = $1
              AND (SELECT count(*) FROM "${schema}".seat) = $2 AS ok`,
          [groups + 2, groups * 2],
        );
        return row?.ok === true;
      },
      { timeoutMs: 60_000 },
    );
  }

  async stop(kafka: Kafka): Promise<void> {
    await waitFor('the writers to finish', () => this.written(), { timeoutMs: 60_000 });
    await this.relay.stop();
    await this.dataSource.drop();
    const admin = kafka.admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(this.prefix));
      await admin.deleteTopics({ topics });
    } finally {
      await admin.disconnect();
    }
  }

  private async write(trigger: Trigger): Promise<void> {
    const event = await this.dataSource.transaction((manager) =>
      this.publisher.publish(manager, 'priorities.rag-changed.v1', trigger.data),
    );
    trigger.committedAt = performance.now();
    trigger.id = event.id;
    this.committed += 1;
  }

  private async seed(): Promise<void> {
    const allianceId = randomUUID();
    const [boardId, cagId] = [randomUUID(), randomUUID()];
    const bodies = [
      { bodyId: boardId, kind: 'alliance-board', name: 'Board', parentBodyId: null },
      { bodyId: cagId, kind: 'clinical-advisory-group', name: 'CAG', parentBodyId: boardId },
      ...this.source.groups.map((bodyId, i) => ({
        bodyId,
        kind: 'tumour-site-group' as const,
        name: `Lung Group ${i + 1}`,
        parentBodyId: cagId,
      })),
    ] as const;
    await this.dataSource.transaction(async (manager) => {
      const publish = <T extends EventTypeOf<PlatformEventMap>>(
        type: T,
        data: PayloadOf<PlatformEventMap, T>,
      ) => this.publisher.publish(manager, type, data);
      await publish('membership.alliance-registered.v1', {
        allianceId,
        code: 'BENCH',
        name: 'Bench Alliance',
        nation: 'england',
        kind: 'cancer-alliance',
      });
      for (const body of bodies) {
        await publish('membership.body-created.v1', {
          ...body,
          allianceId,
          specialty: body.kind === 'tumour-site-group' ? 'lung' : null,
          meetingCadence: 'quarterly',
          termsOfReference: {
            quorum: { chairOrDeputy: true, minimumFraction: 1 / 3, requireClinician: true },
            papersDueDaysBefore: 7,
            reviewedOn: null,
          },
          guidance: [],
        });
      }
      for (const [i, bodyId] of this.source.groups.entries()) {
        for (const role of ['chair', 'clinical-lead'] as const) {
          const memberId = randomUUID();
          await publish('membership.member-registered.v1', {
            memberId,
            name: `Dr ${role} ${i + 1}`,
            email: `${role}.${i + 1}@bench.example`,
            organisationOdsCode: null,
            profession: 'doctor',
            clinician: true,
            registration: null,
          });
          await publish('membership.member-appointed.v1', {
            appointmentId: randomUUID(),
            memberId,
            bodyId,
            role,
            termStart: '2025-04-01',
            termEnd: null,
            agreedTime: null,
            succeedsAppointmentId: null,
          });
        }
      }
    });
  }
}

/**
 * A workflow instance on the run's schema, topics and queues, consuming as the run's group:
 * notifications are planned (rows, inbox) but not sent, which bench:notifications measures.
 */
export async function startWorkflow(
  run: string,
  prefix: string,
  effects: EffectClock,
): Promise<INestApplication> {
  const app = await createWorkflowApp({
    ...serviceTestEnv('workflow', { schema: workflowSchema(run), prefix, logLevel: 'warn' }),
    QUEUE_PREFIX: queuePrefix(run),
    NOTIFICATIONS_ENABLED: 'false',
    DIGEST_ENABLED: 'false',
  });
  effects.watch(app);
  // Resolves once the consumer has joined its group.
  await app.startAllMicroservices();
  await app.init();
  return app;
}

const workflowSchema = (run: string): string => `${run}_workflow`;
const queuePrefix = (run: string): string => `q_${run}`;

/** Closes the run's workflow instances (if any are up) and drops their schema and queues. */
export async function closeWorkflow(run: string, apps: readonly INestApplication[]): Promise<void> {
  if (apps.length > 0) {
    await closeAppsDroppingSchema(apps, workflowSchema(run));
  } else {
    const client = new pg.Client({ connectionString: testInfra.databaseUrl });
    await client.connect();
    await client
      .query(`DROP SCHEMA IF EXISTS "${workflowSchema(run)}" CASCADE`)
      .finally(() => client.end());
  }
  await deleteRedisKeys(queuePrefix(run));
}
