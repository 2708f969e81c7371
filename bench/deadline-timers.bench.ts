// Deadline timers at national size: open deadlines armed as BullMQ delayed jobs by the workflow
// service's sweep, beside raw BullMQ doing the same work in the same run. Measures:
//   - re-arming every open deadline after Redis lost them all (the sweep), against a raw
//     `addBulk` of the same jobs into a fresh queue (the floor for putting them back);
//   - what a sweep costs when nothing is lost, and the full sweep the service makes every tenth;
//   - lateness of firing (job picked up minus the deadline's instant) for deadlines falling due
//     during the run with all the others waiting, against a bare BullMQ worker's lateness for
//     the same delays.
//   npm run bench:timers -- [--deadlines 100000] [--due 1000]
// What it measures and why: docs/performance.md.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { createWorkflowApp } from '../apps/workflow/src/bootstrap.js';
import { DeadlineTimersService } from '../apps/workflow/src/timers/deadline-timers.service.js';
import { DEADLINE_QUEUE } from '../apps/workflow/src/timers/deadline-jobs.js';
import {
  closeAppsDroppingSchema,
  deleteRedisKeys,
  isolatedTopicPrefix,
  serviceTestEnv,
  testInfra,
  testKafka,
  uniqueName,
} from '#testing';

const { values } = parseArgs({
  options: {
    deadlines: { type: 'string', default: '100000' },
    due: { type: 'string', default: '1000' },
  },
});
const deadlines = Number(values.deadlines);
// Completed jobs are kept 1,000 at a time (removeOnComplete), which is where lateness is read.
const due = Math.min(Number(values.due), 1000);
const DUE_FROM_MS = 5_000;
const DUE_SPREAD_MS = 10_000;

const seconds = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summary = (lateness: number[]) => {
  const sorted = [...lateness].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Waits until `count` jobs of the queue have completed; fails after a minute past the last due. */
async function completed<T>(queue: Queue<T>, count: number): Promise<Job<T>[]> {
  const deadline = Date.now() + DUE_FROM_MS + DUE_SPREAD_MS + 60_000;
  for (;;) {
    const jobs = await queue.getJobs(['completed'], 0, count);
    if (jobs.length >= count) {
      return jobs;
    }
    if (Date.now() > deadline) {
      throw new Error(`${queue.name}: ${jobs.length} of ${count} jobs completed in time`);
    }
    await sleep(250);
  }
}

const schema = uniqueName('bench_timers');
const prefix = `q_${schema}`;
let app: INestApplication | undefined;
const raw = new Queue<{ dueAt: number }>('bench-raw', {
  connection: { url: testInfra.redisUrl },
  prefix,
});
let rawWorker: Worker<{ dueAt: number }> | undefined;
try {
  app = await createWorkflowApp({
    ...serviceTestEnv('workflow', { schema, logLevel: 'warn' }),
    KAFKA_TOPIC_PREFIX: await isolatedTopicPrefix(testKafka(), schema),
    QUEUE_PREFIX: prefix,
    NOTIFICATIONS_ENABLED: 'false',
    // The bench calls the sweep itself; the interval stays out of its way.
    TIMER_SWEEP_SECONDS: '3600',
  });
  await app.init();
  const dataSource = app.get(DataSource);
  const timers = app.get(DeadlineTimersService);
  const deadlineQueue = new Queue(DEADLINE_QUEUE, {
    connection: { url: testInfra.redisUrl },
    prefix,
  });

  // Open deadlines a month ahead, one a second apart, of cases the timers never need to read.
  await dataSource.query(
    `INSERT INTO "${schema}".case_deadline (case_id, level, kind, due_on, due_at)
     SELECT gen_random_uuid(), 'group', 'resolve', (now() + interval '30 days')::date,
            now() + interval '30 days' + i * interval '1 second'
       FROM generate_series(1, $1) AS i`,
    [deadlines],
  );
  const armed = await seconds(() => timers.sweep());
  const delayed = await deadlineQueue.getDelayedCount();
  if (delayed !== deadlines) {
    throw new Error(`the sweep armed ${delayed} of ${deadlines} deadlines`);
  }
  const quiet = await seconds(() => timers.sweep());

  // Redis loses every job (a flush of a Redis that keeps nothing on disk): the sweep re-arms.
  await deleteRedisKeys(`${prefix}:${DEADLINE_QUEUE}`);
  const rearmed = await seconds(() => timers.sweep());
  const back = await deadlineQueue.getDelayedCount();
  if (back !== deadlines) {
    throw new Error(`after the flush the sweep re-armed ${back} of ${deadlines} deadlines`);
  }
  // Ten more sweeps with nothing lost: one of them is the full sweep the service makes every
  // tenth time (the count includes the sweep at start-up), the slowest by far.
  const sweepTimes: number[] = [];
  for (let sweep = 0; sweep < 10; sweep += 1) {
    sweepTimes.push(await seconds(() => timers.sweep()));
  }
  const fullSweep = Math.max(...sweepTimes);
  const plainSweeps = sweepTimes.filter((time) => time !== fullSweep);

  // The floor: the same number of delayed jobs, the same options, straight into a fresh queue.
  const rawAdd = await seconds(async () => {
    for (let start = 0; start < deadlines; start += 500) {
      const count = Math.min(500, deadlines - start);
      await raw.addBulk(
        Array.from({ length: count }, (_, i) => ({
          name: 'deadline-due',
          data: { dueAt: Date.now() + 30 * 86_400_000 },
          opts: {
            jobId: `raw.${start + i}`,
            delay: 30 * 86_400_000 + (start + i) * 1000,
            attempts: 5,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: 1000,
            removeOnFail: 5000,
          },
        })),
      );
    }
  });

  // Lateness: deadlines falling due over ten seconds, with the rest still waiting.
  const start = Date.now() + DUE_FROM_MS;
  const instants = Array.from({ length: due }, (_, i) => start + (i * DUE_SPREAD_MS) / due);
  await dataSource.query(
    `INSERT INTO "${schema}".case_deadline (case_id, level, kind, due_on, due_at)
     SELECT gen_random_uuid(), 'group', 'acknowledge', to_timestamp(t / 1000.0)::date,
            to_timestamp(t / 1000.0)
       FROM unnest($1::float8[]) AS t`,
    [instants],
  );
  await timers.sweep();
  rawWorker = new Worker<{ dueAt: number }>('bench-raw', () => Promise.resolve('done'), {
    connection: { url: testInfra.redisUrl },
    prefix,
  });
  const rawStart = Date.now() + DUE_FROM_MS;
  await raw.addBulk(
    Array.from({ length: due }, (_, i) => {
      const dueAt = rawStart + (i * DUE_SPREAD_MS) / due;
      return {
        name: 'deadline-due',
        data: { dueAt },
        opts: { jobId: `raw-due.${i}`, delay: dueAt - Date.now(), removeOnComplete: 1000 },
      };
    }),
  );
  const [platformJobs, rawJobs] = await Promise.all([
    completed(deadlineQueue, due),
    completed(raw, due),
  ]);
  const platformLate = summary(
    platformJobs.map(
      (job) => (job.processedOn ?? NaN) - new Date((job.data as { dueAt: string }).dueAt).getTime(),
    ),
  );
  const rawLate = summary(rawJobs.map((job) => (job.processedOn ?? NaN) - job.data.dueAt));
  await deadlineQueue.close();

  console.log(`open deadlines: ${deadlines}; due during the run: ${due}`);
  console.log(
    `arming them from their rows: ${armed.toFixed(1)} s; a sweep with nothing lost: ${quiet.toFixed(2)} s (then ${plainSweeps.map((s) => s.toFixed(2)).join(', ')}); the full sweep every tenth: ${fullSweep.toFixed(1)} s`,
  );
  console.log(
    `re-arming all after Redis lost them: ${rearmed.toFixed(1)} s (goal under 60 s); raw addBulk of the same jobs: ${rawAdd.toFixed(1)} s`,
  );
  console.log(
    `lateness of firing: platform p50 ${ms(platformLate.p50)}, p95 ${ms(platformLate.p95)}, p99 ${ms(platformLate.p99)}, max ${ms(platformLate.max)} (goal p99 under 1 s); raw worker p50 ${ms(rawLate.p50)}, p99 ${ms(rawLate.p99)}`,
  );
  console.log(`ratio timers-rearm: ${(rawAdd / rearmed).toFixed(2)}`);
  // Lateness below the timer resolution is noise: both floored at 5 ms before dividing.
  console.log(
    `ratio timers-lateness: ${(Math.max(5, rawLate.p99) / Math.max(5, platformLate.p99)).toFixed(2)}`,
  );
} finally {
  await rawWorker?.close();
  await raw.obliterate({ force: true }).catch(() => undefined);
  await raw.close();
  await closeAppsDroppingSchema(app ? [app] : [], schema);
  await deleteRedisKeys(prefix);
}
