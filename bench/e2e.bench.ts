// Triggers end to end: a priority turning red, committed through the publishing side's outbox
// (EventPublisher + OutboxRelay) and real Kafka into the workflow service, which opens or
// updates the priority's case (history, deadlines, planned notifications) in one transaction.
// At each offered rate for a short window, with one workflow instance and then two in the same
// consumer group (all in this process), it measures the sustained rate (effects committed a
// second) and the latency from the trigger's commit to its effect's commit, with where the
// time goes: in the outbox until the relay sent it, the relay's Kafka send, Kafka to the
// handler's transaction (fetch, and queueing behind earlier triggers), and the handler.
// Baselines, in the same run before it, at every rate of --rates, with the same envelopes, keys
// and partitions:
//   raw Kafka      a kafkajs producer with the relay's settings into a 3-partition topic and a
//                  consumer whose eachMessage commits each offset, as the platform's does;
//                  latency from offering to the consumer's commit of the message;
//   raw PostgreSQL one-row commits (BEGIN, INSERT the envelope, COMMIT) on `--writers` pg
//                  connections; latency from offering to the COMMIT's answer.
// The platform's ladder stops after the first rate it cannot sustain (effects below 90% of the
// offered rate, or one missing), unless --all-rates; the steady rate there is its saturation.
//   npm run bench:e2e -- [--rates 25,50,100,250,500,1000] [--seconds 10] [--instances 1,2]
//                        [--bodies 20] [--writers 8] [--updates 0.5] [--all-rates]
// Ends with `ratio e2e-rate:` (the platform's best sustained rate over the slower baseline's
// best rate) and `ratio e2e-p99:` (the slower baseline's p99 over the platform's, at the
// highest rate the platform sustained). What it measures and why: docs/performance.md.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { Partitioners, type Kafka, type Message } from 'kafkajs';
import pg from 'pg';
import { CLOUDEVENTS_CONTENT_TYPE, platformEvents } from '#contracts';
import { createTestTopic, testInfra, testKafka, uniqueName, waitFor } from '#testing';
import { EffectClock } from './effect-clock.js';
import {
  fmt,
  Lanes,
  machineLine,
  numberFlag,
  pace,
  pct,
  spread,
  spreadText,
} from './load-pacing.js';
import { drained, handlerText, measure, workflowTotals, type Measured } from './trigger-figures.js';
import {
  closeWorkflow,
  LOAD_FLAGS,
  loadParams,
  startWorkflow,
  TriggerLoad,
  TriggerSource,
  type Trigger,
} from './trigger-load.js';

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '25,50,100,250,500,1000' },
    seconds: { type: 'string', default: '10' },
    instances: { type: 'string', default: '1,2' },
    ...LOAD_FLAGS,
    'all-rates': { type: 'boolean', default: false },
    // A step gives up waiting for its effects once none has come for this long.
    'stall-seconds': { type: 'string', default: '60' },
  },
});
const list = (name: 'rates' | 'instances') =>
  values[name].split(',').map((item) => numberFlag({ [name]: item }, name, 1));
const params = {
  rates: list('rates'),
  seconds: numberFlag(values, 'seconds', 1),
  instances: list('instances'),
  ...loadParams(values),
  stallMs: numberFlag(values, 'stall-seconds', 1) * 1000,
};
// A step is sustained when its effects kept up with 90% of the offered rate, none missing.
const SUSTAINED = 0.9;
const WARM_UP = { rate: 20, seconds: 5 };

interface Step extends Measured {
  readonly path: string;
  readonly offeredRate: number;
  readonly busy: number;
  readonly complete: boolean;
}
const sustained = (step: Step) => step.complete && step.rate >= SUSTAINED * step.offeredRate;

/** Same keys, sizes and partitions as the triggers: their envelopes, keyed by body. */
function envelopes(
  source: TriggerSource,
  registry: ReturnType<typeof platformEvents.withTopicPrefix>,
) {
  return (count: number) =>
    Array.from({ length: count }, () => {
      const event = registry.build('priorities.rag-changed.v1', source.next(), {
        correlationId: randomUUID(),
      });
      return { id: event.id, key: event.subject, value: JSON.stringify(event) };
    });
}

/** Latencies of the offered units that finished, and their rate over the first offer to the last finish. */
function rawStep(
  path: string,
  offeredRate: number,
  offeredAt: ReadonlyMap<string, number>,
  doneAt: ReadonlyMap<string, number>,
  busy: number,
): Step {
  const latency: number[] = [];
  let [first, last] = [Infinity, -Infinity];
  for (const [id, offered] of offeredAt) {
    first = Math.min(first, offered);
    const done = doneAt.get(id);
    if (done !== undefined) {
      latency.push(done - offered);
      last = Math.max(last, done);
    }
  }
  const effected = latency.length;
  const rate = effected / ((last - first) / 1000);
  const phases = { offerToCommit: [], inOutbox: [], send: [], toHandler: [], handler: [] };
  const complete = effected === offeredAt.size;
  const offered = offeredAt.size;
  return {
    ...{ path, offeredRate, busy, complete, offered, committed: offered, effected, rate },
    ...{ latency, phases, effects: [] },
  };
}

/** Raw Kafka at each rate: the relay's producer settings, a consumer committing each offset. */
async function rawKafka(kafka: Kafka, source: TriggerSource): Promise<Step[]> {
  const topic = await createTestTopic(kafka, 'bench-e2e-raw');
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    retry: { retries: 10 },
  });
  // The platform consumer's settings (KafkaEventServer's defaults).
  const consumer = kafka.consumer({
    groupId: uniqueName('bench-e2e-raw'),
    sessionTimeout: 10_000,
    heartbeatInterval: 2000,
    maxWaitTimeInMs: 250,
    allowAutoTopicCreation: false,
  });
  const build = envelopes(source, platformEvents);
  const consumedAt = new Map<string, number>();
  const steps: Step[] = [];
  try {
    await producer.connect();
    const joined = new Promise<void>((resolve) => {
      const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const { id } = JSON.parse(message.value?.toString() ?? '{}') as { id: string };
        const offset = (BigInt(message.offset) + 1n).toString();
        await consumer.commitOffsets([{ topic, partition, offset }]);
        consumedAt.set(id, performance.now());
      },
    });
    await joined;
    for (const rate of params.rates) {
      const offeredAt = new Map<string, number>();
      const pending: Message[] = [];
      let sending: Promise<void> | undefined;
      // One send in flight, up to the relay's 500 messages: what comes meanwhile waits for the next.
      const flush = async () => {
        while (pending.length > 0) {
          await producer.send({ topic, acks: -1, messages: pending.splice(0, 500) });
        }
        sending = undefined;
      };
      const busy = await pace(
        rate,
        (elapsed) => elapsed >= params.seconds * 1000,
        (count) => {
          const now = performance.now();
          for (const { id, key, value } of build(count)) {
            offeredAt.set(id, now);
            pending.push({ key, value, headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } });
          }
          sending ??= flush();
        },
      );
      await sending;
      await waitFor(
        'the raw consumer',
        () => [...offeredAt.keys()].every((id) => consumedAt.has(id)),
        {
          timeoutMs: params.stallMs,
        },
      ).catch(() => undefined);
      steps.push(rawStep('raw Kafka', rate, offeredAt, consumedAt, busy));
    }
    return steps;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).finally(() => admin.disconnect());
  }
}

/** Raw PostgreSQL at each rate: BEGIN, INSERT the envelope, COMMIT, on `writers` connections. */
async function rawPostgres(run: string, source: TriggerSource): Promise<Step[]> {
  const schema = `${run}_raw`;
  const clients = Array.from(
    { length: params.writers },
    () => new pg.Client({ connectionString: testInfra.databaseUrl }),
  );
  const build = envelopes(source, platformEvents);
  const steps: Step[] = [];
  try {
    await Promise.all(clients.map((client) => client.connect()));
    await clients[0]!.query(
      `CREATE SCHEMA "${schema}";
       CREATE TABLE "${schema}".raw_trigger
         (id uuid PRIMARY KEY, envelope jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
    for (const rate of params.rates) {
      const [offeredAt, committedAt] = [new Map<string, number>(), new Map<string, number>()];
      const lanes = new Lanes<{ id: string; value: string }>(params.writers, async (row, slot) => {
        const client = clients[slot]!;
        await client.query('BEGIN');
        await client.query(`INSERT INTO "${schema}".raw_trigger (id, envelope) VALUES ($1, $2)`, [
          row.id,
          row.value,
        ]);
        await client.query('COMMIT');
        committedAt.set(row.id, performance.now());
      });
      const busy = await pace(
        rate,
        (elapsed) => elapsed >= params.seconds * 1000,
        (count) => {
          const rows = build(count);
          const now = performance.now();
          rows.forEach(({ id }) => offeredAt.set(id, now));
          lanes.push(rows);
        },
      );
      await waitFor('the raw writers', () => lanes.idle(), { timeoutMs: params.stallMs }).catch(
        () => undefined,
      );
      steps.push(rawStep('raw PostgreSQL', rate, offeredAt, committedAt, busy));
    }
    return steps;
  } finally {
    await clients[0]?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
}

/** The platform at each rate, for each instance count, until a rate it cannot sustain. */
async function platform(kafka: Kafka, run: string): Promise<{ steps: Step[]; totals: string }> {
  const effects = new EffectClock();
  const load = await TriggerLoad.start(kafka, run, params);
  const apps: INestApplication[] = [];
  const steps: Step[] = [];
  const step = async (path: string, rate: number, seconds: number): Promise<Step> => {
    const triggers: Trigger[] = [];
    const busy = await pace(
      rate,
      (elapsed) => elapsed >= seconds * 1000,
      (count) => load.offer(count, triggers),
    );
    const complete = await drained(triggers, load, effects, params.stallMs);
    return { path, offeredRate: rate, busy, complete, ...measure(triggers, load, effects) };
  };
  try {
    for (const instances of params.instances) {
      while (apps.length < instances) {
        const app = await startWorkflow(run, load.prefix, effects);
        apps.push(app);
        await load.seededIn(app);
      }
      // Not measured: the first cases of a fresh instance pay for compiling and connecting.
      await step('warm-up', WARM_UP.rate, WARM_UP.seconds);
      for (const rate of params.rates) {
        const result = await step(`workflow x${instances}`, rate, params.seconds);
        steps.push(result);
        console.log(`  ${row(result)}`);
        if (!sustained(result) && !values['all-rates']) {
          break;
        }
      }
    }
    const totals = apps[0] ? await workflowTotals(apps[0]) : '';
    if (load.writeFailures > 0) {
      console.error(`${load.writeFailures} trigger writes failed`);
    }
    return { steps, totals };
  } finally {
    await closeWorkflow(run, apps);
    await load.stop(kafka);
  }
}

const COLUMNS = ['offered/s', 'achieved/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'done', 'loop'];
function row(step: Step): string {
  const sorted = [...step.latency].sort((a, b) => a - b);
  const cells = [
    step.offeredRate,
    fmt(step.rate),
    ...[50, 95, 99, 100].map((p) => fmt(pct(sorted, p))),
    `${step.effected}/${step.offered}`,
    `${fmt(step.busy * 100, 0)}%`,
  ];
  return [step.path.padEnd(16), ...cells.map((cell) => String(cell).padStart(12))].join('');
}

const kafka = testKafka('bench-e2e');
const run = uniqueName('bench_e2e');
console.log(machineLine());
console.log(
  `params: --rates ${params.rates.join(',')} --seconds ${params.seconds} --instances ${params.instances.join(',')} ` +
    `--bodies ${params.bodies} --writers ${params.writers} --updates ${params.updates}`,
);
const groups = Array.from({ length: params.bodies }, () => randomUUID());
const raw = [
  ...(await rawKafka(kafka, new TriggerSource(groups, params.updates))),
  ...(await rawPostgres(run, new TriggerSource(groups, params.updates))),
];
console.log('platform steps as they finish:');
const measured = await platform(kafka, run);

console.log(`\n${['path'.padEnd(16), ...COLUMNS.map((c) => c.padStart(12))].join('')}`);
[...raw, ...measured.steps].forEach((step) => console.log(row(step)));
console.log(
  '\nlatency: workflow, trigger commit -> effect commit; raw Kafka, offer -> consumer committed; raw PostgreSQL, offer -> COMMIT',
);
console.log("where the workflow steps' time went (trigger commit -> effect commit):");
for (const step of measured.steps) {
  const { phases } = step;
  console.log(
    `${step.path} @${step.offeredRate}/s: writer offer->commit ${spreadText(phases.offerToCommit)}; ` +
      `in outbox until sent ${spreadText(phases.inOutbox)}; relay send ${spreadText(phases.send)}; ` +
      `Kafka ack -> handler start ${spreadText(phases.toHandler)}; handler ${spreadText(phases.handler)}`,
  );
  console.log(`  handler by what it did to the case: ${handlerText(step.effects)}`);
}
console.log(`workflow holds: ${measured.totals}`);

const best = (steps: readonly Step[]) => Math.max(...steps.map((step) => step.rate || 0));
const byPath = (path: string) => raw.filter((step) => step.path === path);
const baselines = ['raw Kafka', 'raw PostgreSQL'].map((path) => ({
  path,
  rate: best(byPath(path)),
}));
const slower = baselines.reduce((a, b) => (b.rate < a.rate ? b : a));
const platformBest = best(measured.steps);
// p99 at the highest rate the platform sustained (the better instance count there).
const kept = measured.steps.filter(sustained);
const at =
  kept.length > 0
    ? kept.reduce((a, b) =>
        b.offeredRate > a.offeredRate ||
        (b.offeredRate === a.offeredRate && spread(b.latency).p99 < spread(a.latency).p99)
          ? b
          : a,
      )
    : measured.steps.reduce((a, b) => (b.offeredRate < a.offeredRate ? b : a));
const rawAt = raw
  .filter((step) => step.offeredRate === at.offeredRate)
  .map((step) => ({ path: step.path, p99: spread(step.latency).p99 }))
  .reduce((a, b) => (b.p99 > a.p99 ? b : a));
const platformP99 = spread(at.latency).p99;
console.log(
  `\nrate: platform best ${fmt(platformBest)}/s; slower baseline ${slower.path} ${fmt(slower.rate)}/s ` +
    `(goal: 1000 triggers/s sustained)`,
);
console.log(
  `p99 at ${at.offeredRate}/s (${kept.length > 0 ? `the highest rate ${at.path} sustained` : 'sustained at no rate: the lowest'}): ` +
    `platform ${fmt(platformP99)} ms; slower baseline ${rawAt.path} ${fmt(rawAt.p99)} ms (goal: p99 under 500 ms)`,
);
console.log(`ratio e2e-rate: ${fmt(platformBest / slower.rate, 2)}`);
console.log(`ratio e2e-p99: ${fmt(rawAt.p99 / platformP99, 2)}`);
process.exit(0);
