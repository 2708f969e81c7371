// Outbox path (EventPublisher + OutboxRelay) against a raw kafkajs producer, at one steady
// offered rate with the same messages. What it measures and why: docs/performance.md.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { Kafka, Message } from 'kafkajs';
import type { QueryRunner } from 'typeorm';
import { CLOUDEVENTS_CONTENT_TYPE } from '#contracts';
import { EventPublisher, OutboxRelay, type PendingRow } from '#messaging';
import { schemaOf } from '#platform';
import { createTestDataSource, createTestTopic, sampleEvents, testKafka } from '#testing';
import { fmt, pct, spread } from './load-pacing.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    keys: { type: 'string', default: '200' },
    batch: { type: 'string', default: '500' },
    'events-per-tx': { type: 'string', default: '1' },
    // Concurrent writer transactions, so one connection's round trips do not pace the outbox.
    writers: { type: 'string', default: '8' },
  },
});
const flag = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`--${name} must be a positive integer (got ${values[name]})`);
  }
  return value;
};
const params = {
  rate: flag('rate'),
  seconds: flag('seconds'),
  keys: flag('keys'),
  batch: flag('batch'),
  eventsPerTx: flag('events-per-tx'),
  writers: flag('writers'),
};
const TICK_MS = 10;
const WARMUP_MS = 1000;
const STALL_TIMEOUT_MS = 30_000;
const EVENT_TYPE = 'sample.thing-happened.v1';

/** The i-th message of a run; both paths offer the same sequence. */
function messageAt(i: number): { key: string; data: { thingId: string; seq: number } } {
  // Fixed-width keys, so the i-th envelope has the same size on both paths.
  const key = `thing-${String(i % params.keys).padStart(6, '0')}`;
  return { key, data: { thingId: key, seq: i } };
}

/**
 * One path's run: the start time (commit or offer) of each measured event and the ack time of
 * every event, joined only at the end, so an ack that beats the start's bookkeeping still counts.
 */
class Run {
  readonly startedAt = new Map<string, number>();
  readonly ackedAt = new Map<string, number>();
  readonly notes: string[] = [];
  offered = 0;
  private sends = 0;

  ack(ids: readonly string[]): void {
    const now = performance.now();
    this.sends += 1;
    ids.forEach((id) => this.ackedAt.set(id, now));
  }

  /**
   * Calls `offer(first, count, measured)` every tick with the units due by the wall clock, so
   * a late tick catches up instead of the rate drifting; warm-up units are not measured.
   */
  async pace(perSecond: number, offer: (first: number, count: number, measured: boolean) => void) {
    const totalMs = WARMUP_MS + params.seconds * 1000;
    const [start, elu] = [performance.now(), performance.eventLoopUtilization()];
    let offered = 0;
    for (let elapsed = 0; elapsed < totalMs; await sleep(TICK_MS)) {
      elapsed = Math.min(performance.now() - start, totalMs);
      const due = Math.floor((elapsed * perSecond) / 1000) - offered;
      if (due > 0) {
        offer(offered, due, elapsed > WARMUP_MS);
        offered += due;
      }
    }
    // Writers, relay and pacer share this event loop: when it is saturated, all figures suffer.
    const busy = performance.eventLoopUtilization(elu).utilization;
    this.notes.push(`bench event loop ${fmt(busy * 100, 0)}% busy while offering`);
  }

  /** Waits until `done()`, giving up once no ack has arrived for STALL_TIMEOUT_MS. */
  async settle(done: () => boolean): Promise<void> {
    for (let acks = -1, since = 0; !done(); await sleep(20)) {
      if (this.ackedAt.size !== acks) {
        [acks, since] = [this.ackedAt.size, performance.now()];
      } else if (performance.now() - since > STALL_TIMEOUT_MS) {
        this.notes.push(`gave up: no ack for ${STALL_TIMEOUT_MS} ms`);
        return;
      }
    }
  }

  /** Latencies in ms, one per measured event acknowledged, in ascending order. */
  result(name: string) {
    const latencies: number[] = [];
    let [first, last] = [Infinity, -Infinity];
    for (const [id, start] of this.startedAt) {
      const ack = this.ackedAt.get(id);
      first = Math.min(first, start);
      if (ack !== undefined) {
        latencies.push(ack - start);
        last = Math.max(last, ack);
      }
    }
    this.notes.push(`${this.sends} sends, mean ${fmt(this.ackedAt.size / this.sends)} events each`);
    return {
      name,
      measured: this.startedAt.size,
      latencies: latencies.sort((a, b) => a - b),
      eventsPerSecond: latencies.length / ((last - first) / 1000),
      lost: this.offered - this.ackedAt.size,
      notes: this.notes,
    };
  }
}
type PathResult = ReturnType<Run['result']>;

/** The relay, timing its Kafka send and its UPDATE, to see where a batch's time goes. */
class TimedRelay extends OutboxRelay {
  readonly sendMs: number[] = [];
  readonly markMs: number[] = [];

  protected override send(rows: readonly PendingRow[]): Promise<void> {
    return timed(this.sendMs, () => super.send(rows));
  }

  protected override markPublished(runner: QueryRunner, ids: readonly string[]): Promise<void> {
    return timed(this.markMs, () => super.markPublished(runner, ids));
  }
}

async function timed(into: number[], work: () => Promise<void>): Promise<void> {
  const start = performance.now();
  await work();
  into.push(performance.now() - start);
}

async function runOutbox(kafka: Kafka, topic: string): Promise<PathResult> {
  // One connection per writer, plus the relay's batch transaction.
  const dataSource = await createTestDataSource({ poolSize: params.writers + 2 });
  const publisher = new EventPublisher(sampleEvents(topic), schemaOf(dataSource));
  const run = new Run();
  const relay = new TimedRelay({
    dataSource,
    kafka,
    batchSize: params.batch,
    logger: console,
    onPublished: (rows) => run.ack(rows.map((row) => row.eventId)),
  });
  type Tx = { readonly first: number; readonly offeredAt: number; readonly measured: boolean };
  const queue: Tx[] = [];
  let next = 0; // queue index of the next transaction to start (shift() is O(n) on a backlog)
  const writing = new Set<Promise<void>>();
  const writeLag: number[] = [];

  const write = async ({ first, offeredAt, measured }: Tx): Promise<void> => {
    const ids = await dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (let i = first; i < first + params.eventsPerTx; i++) {
        const { data } = messageAt(i); // keyed by data.thingId: the same key as the raw path's
        ids.push((await publisher.publish(manager, EVENT_TYPE, data)).id);
      }
      return ids;
    });
    // The outbox clock starts at commit: the event did not exist before.
    const committedAt = performance.now();
    if (measured) {
      writeLag.push(committedAt - offeredAt);
      ids.forEach((id) => run.startedAt.set(id, committedAt));
    }
  };
  // At most --writers transactions at once; the rest wait their turn in order.
  const pump = (): void => {
    while (writing.size < params.writers && next < queue.length) {
      const tx = queue[next++] as Tx;
      const done: Promise<void> = write(tx)
        .catch((error: Error) => void run.notes.push(`write failed: ${error.message}`))
        .finally(() => {
          writing.delete(done);
          pump();
        });
      writing.add(done);
    }
  };

  try {
    await relay.start();
    // The unit paced is a transaction of --events-per-tx events.
    await run.pace(params.rate / params.eventsPerTx, (first, count, measured) => {
      const offeredAt = performance.now();
      for (let n = first; n < first + count; n++) {
        queue.push({ first: n * params.eventsPerTx, offeredAt, measured });
      }
      run.offered += count * params.eventsPerTx;
      pump();
    });
    await run.settle(
      () => next === queue.length && !writing.size && run.ackedAt.size >= run.offered,
    );
    const p50 = (values: number[]): string => `${fmt(spread(values).p50)} ms`;
    run.notes.push(
      `writers offer→commit p50 ${p50(writeLag)}, p99 ${fmt(spread(writeLag).p99)} ms; ` +
        `relay batch p50: Kafka send ${p50(relay.sendMs)}, mark ${p50(relay.markMs)}`,
    );
    return run.result('outbox');
  } finally {
    await relay.stop();
    await dataSource.drop();
  }
}

async function runRaw(kafka: Kafka, topic: string): Promise<PathResult> {
  const registry = sampleEvents(topic);
  // The relay's producer settings, so the difference is the outbox and nothing else.
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    retry: { retries: 10 },
  });
  const run = new Run();
  const pending: { id: string; message: Message }[] = [];
  let sending = false;
  let bytes = 0;

  // One send in flight, as the relay has: what arrives meanwhile goes in the next send.
  const flush = async (): Promise<void> => {
    for (sending = true; pending.length > 0;) {
      const batch = pending.splice(0, params.batch);
      const messages = batch.map(({ message }) => message);
      await producer.send({ topic, acks: -1, messages }).then(
        () => run.ack(batch.map(({ id }) => id)),
        (error: Error) => void run.notes.push(`send failed: ${error.message}`),
      );
    }
    sending = false;
  };

  try {
    await producer.connect();
    await run.pace(params.rate, (first, count, measured) => {
      const offered: typeof pending = [];
      for (let i = first; i < first + count; i++) {
        const { key, data } = messageAt(i);
        const meta = { correlationId: randomUUID() };
        const event = registry.build(EVENT_TYPE, data, meta);
        const value = JSON.stringify(event);
        bytes += Buffer.byteLength(value);
        const headers = { 'content-type': CLOUDEVENTS_CONTENT_TYPE };
        offered.push({ id: event.id, message: { key, value, headers } });
      }
      // The clock starts once the envelopes exist, as the outbox's starts after they are written.
      const offeredAt = performance.now();
      if (measured) {
        offered.forEach(({ id }) => run.startedAt.set(id, offeredAt));
      }
      run.offered += count;
      pending.push(...offered);
      if (!sending) {
        void flush();
      }
    });
    await run.settle(() => !sending && pending.length === 0);
    run.notes.push(`mean envelope ${Math.round(bytes / run.offered)} bytes`);
    return run.result('raw');
  } finally {
    await producer.disconnect();
  }
}

const row = (cells: readonly (string | number)[]): string =>
  cells.map((cell, i) => (i === 0 ? String(cell).padEnd(8) : String(cell).padStart(12))).join('');

const cpus = os.cpus();
const load = os.loadavg()[0] ?? NaN;
console.log(
  `machine: ${cpus.length} cores (${cpus[0]?.model ?? '?'}), node ${process.version}, load ${fmt(load, 2)}`,
);
console.log(
  `params:  --rate ${params.rate} --seconds ${params.seconds} --keys ${params.keys} ` +
    `--batch ${params.batch} --events-per-tx ${params.eventsPerTx} --writers ${params.writers} ` +
    `(warm-up ${WARMUP_MS} ms, tick ${TICK_MS} ms)`,
);

const kafka = testKafka('outbox-bench');
// Separate topics, so each path's producer has its partitions to itself.
const [outboxTopic, rawTopic] = await Promise.all([
  createTestTopic(kafka, 'bench-outbox'),
  createTestTopic(kafka, 'bench-raw'),
]);
const results: PathResult[] = [];
try {
  results.push(await runOutbox(kafka, outboxTopic), await runRaw(kafka, rawTopic));
} finally {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [outboxTopic, rawTopic] }).finally(() => admin.disconnect());
}

const columns = ['p50', 'p95', 'p99', 'max'].map((name) => `${name} ms`);
console.log(`\n${row(['path', 'offered/s', 'achieved/s', ...columns, 'events'])}`);
for (const r of results) {
  const [l, n] = [r.latencies, r.latencies.length];
  const cells = [50, 95, 99, 100].map((p) => fmt(pct(l, p)));
  console.log(row([r.name, params.rate, fmt(r.eventsPerSecond), ...cells, `${n}/${r.measured}`]));
}
const [outbox, raw] = results as [PathResult, PathResult];
const ratio = (a: number, b: number): string => `${fmt(a / b, 2)}x`;
console.log(
  `\noutbox/raw: throughput ${ratio(outbox.eventsPerSecond, raw.eventsPerSecond)}, ` +
    `p50 ${ratio(pct(outbox.latencies, 50), pct(raw.latencies, 50))}, ` +
    `p99 ${ratio(pct(outbox.latencies, 99), pct(raw.latencies, 99))}`,
);
results.forEach((r) => r.notes.forEach((note) => console.log(`${r.name}: ${note}`)));
// Read by scripts: the outbox's throughput over the raw producer's (goal 0.8), and the raw
// producer's p99 over the outbox's, each measured over its baseline in this run.
console.log(`ratio outbox-relay: ${fmt(outbox.eventsPerSecond / raw.eventsPerSecond, 2)}`);
console.log(
  `ratio outbox-relay-p99: ${fmt(pct(raw.latencies, 99) / pct(outbox.latencies, 99), 2)}`,
);

const lost = results.reduce((sum, r) => sum + r.lost, 0);
if (lost > 0) {
  console.error(`\nFAIL: ${lost} offered event(s) were never acknowledged`);
  process.exitCode = 1;
}
