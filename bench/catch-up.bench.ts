// Catching up after an outage of the workflow service: a steady load of triggers (a priority
// turning red, through the publishing side's outbox and real Kafka, as bench:e2e sends them)
// with the workflow up for a warm window, then the workflow closed (app.close(), its consumers
// leave the group) for --down-seconds while triggers keep being committed and relayed, then
// started again on the same schema and consumer group, until every trigger committed so far has
// its effect (lag zero) or --drain-seconds have passed. All in this process.
//   ingest rate  triggers committed a second while the workflow was down;
//   drain rate   effects committed a second from the restart (its boot included) until lag zero;
//   ratio catch-up = (drain rate / ingest rate) / 5: 1.00 is the goal (draining at five times
//                the ingest rate) met exactly, above it met with room, below it missed.
//   npm run bench:catch-up -- [--rate 50] [--down-seconds 300] [--warm-seconds 20]
//                             [--drain-seconds 180] [--instances 1] [--bodies 20] [--writers 8]
//                             [--updates 0.5]
// What it measures and why: docs/performance.md ("Catching up after an outage").
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { testKafka, uniqueName } from '#testing';
import { EffectClock } from './effect-clock.js';
import { fmt, machineLine, numberFlag, pace, spreadText } from './load-pacing.js';
import { drained, handlerText, measure, workflowTotals } from './trigger-figures.js';
import {
  closeWorkflow,
  LOAD_FLAGS,
  loadParams,
  startWorkflow,
  TriggerLoad,
  type Trigger,
} from './trigger-load.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '50' },
    'down-seconds': { type: 'string', default: '300' },
    'warm-seconds': { type: 'string', default: '20' },
    'drain-seconds': { type: 'string', default: '180' },
    instances: { type: 'string', default: '1' },
    ...LOAD_FLAGS,
  },
});
const params = {
  rate: numberFlag(values, 'rate', 1),
  downSeconds: numberFlag(values, 'down-seconds', 1),
  warmSeconds: numberFlag(values, 'warm-seconds', 1),
  drainSeconds: numberFlag(values, 'drain-seconds', 1),
  instances: numberFlag(values, 'instances', 1),
  ...loadParams(values),
};
const PROGRESS_MS = 30_000;

const kafka = testKafka('bench-catch-up');
const run = uniqueName('bench_catchup');
const effects = new EffectClock();
const seconds = (from: number, to = performance.now()) => (to - from) / 1000;
console.log(machineLine());
console.log(
  `params: --rate ${params.rate} --down-seconds ${params.downSeconds} --warm-seconds ${params.warmSeconds} ` +
    `--drain-seconds ${params.drainSeconds} --instances ${params.instances} --bodies ${params.bodies} ` +
    `--writers ${params.writers} --updates ${params.updates}`,
);

const load = await TriggerLoad.start(kafka, run, params);
let apps: INestApplication[] = [];
const startInstances = async () => {
  const started: INestApplication[] = [];
  for (let i = 0; i < params.instances; i += 1) {
    started.push(await startWorkflow(run, load.prefix, effects));
  }
  return started;
};
// Every effect is a trigger's: the membership events write no case history.
const lag = () => load.committed - effects.effects.size;
try {
  apps = await startInstances();
  await load.seededIn(apps[0]!);
  const phases = { up: [] as Trigger[], down: [] as Trigger[], after: [] as Trigger[] };
  let current = phases.up;
  let stopped = false;
  const loading = pace(
    params.rate,
    () => stopped,
    (count) => load.offer(count, current),
  );

  await sleep(params.warmSeconds * 1000);
  current = phases.down;
  const downAt = performance.now();
  const committedAtDown = load.committed;
  await Promise.all(apps.map((app) => app.close()));
  apps = [];
  const closing = seconds(downAt);
  await sleep(Math.max(0, params.downSeconds * 1000 - (performance.now() - downAt)));

  current = phases.after;
  const restartAt = performance.now();
  const [committedAtRestart, effectedAtRestart] = [load.committed, effects.effects.size];
  const ingest = (committedAtRestart - committedAtDown) / seconds(downAt, restartAt);
  const backlog = lag();
  console.log(
    `down ${fmt(seconds(downAt, restartAt))} s (closing took ${fmt(closing, 2)} s): ` +
      `${committedAtRestart - committedAtDown} triggers committed, ${fmt(ingest)}/s; backlog at restart ${backlog}`,
  );
  apps = await startInstances();
  const boot = seconds(restartAt);
  let [zeroAt, lastProgress, lastEffected] = [NaN, restartAt, effectedAtRestart];
  while (Number.isNaN(zeroAt) && seconds(restartAt) < params.drainSeconds) {
    if (lag() <= 0) {
      zeroAt = performance.now();
      break;
    }
    if (performance.now() - lastProgress >= PROGRESS_MS) {
      const rate = (effects.effects.size - lastEffected) / seconds(lastProgress);
      console.log(`  +${fmt(seconds(restartAt), 0)} s: lag ${lag()}, ${fmt(rate)} effects/s`);
      [lastProgress, lastEffected] = [performance.now(), effects.effects.size];
    }
    await sleep(20);
  }
  const endAt = Number.isNaN(zeroAt) ? performance.now() : zeroAt;
  const drain = (effects.effects.size - effectedAtRestart) / seconds(restartAt, endAt);
  stopped = true;
  const busy = await loading;
  const all = [...phases.up, ...phases.down, ...phases.after];
  if (!Number.isNaN(zeroAt)) {
    await drained(all, load, effects, 60_000);
  }

  const up = measure(phases.up, load, effects);
  const down = measure(phases.down, load, effects);
  console.log(
    `up, before the outage: ${up.effected}/${up.offered} effected at ${fmt(up.rate)}/s; ` +
      `trigger commit -> effect commit ${spreadText(up.latency)}`,
  );
  console.log(`  handler by what it did to the case: ${handlerText(up.effects)}`);
  console.log(
    `restart: the workflow booted and joined its group in ${fmt(boot, 1)} s; ` +
      (Number.isNaN(zeroAt)
        ? `lag not zero after ${params.drainSeconds} s (${lag()} left)`
        : `lag zero ${fmt(seconds(restartAt, zeroAt))} s after the restart`),
  );
  console.log(
    `triggers committed while down: ${down.effected}/${down.offered} effected; ` +
      `trigger commit -> effect commit ${spreadText(down.latency)}`,
  );
  console.log(`  handler by what it did to the case: ${handlerText(down.effects)}`);
  console.log(`bench event loop ${fmt(busy * 100, 0)}% busy over the run`);
  console.log(`workflow holds: ${await workflowTotals(apps[0]!)}`);
  if (load.writeFailures > 0) {
    console.error(`${load.writeFailures} trigger writes failed`);
  }
  console.log(
    `ingest ${fmt(ingest)} triggers/s; drain ${fmt(drain)} effects/s from the restart ` +
      `${Number.isNaN(zeroAt) ? `to the end of the ${params.drainSeconds} s allowed` : 'to lag zero'}; ` +
      `drain/ingest ${fmt(drain / ingest, 2)} (goal 5)`,
  );
  console.log(`ratio catch-up: ${fmt(drain / ingest / 5, 2)}`);
} finally {
  await closeWorkflow(run, apps);
  await load.stop(kafka);
}
process.exit(0);
