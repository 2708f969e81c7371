// The fault-injection suite: two instances of each service on infrastructure of the suite's own
// (loopback only), a workload of triggers, decisions and short deadlines, and meanwhile SIGKILLs,
// broker and database restarts, Redis flushes and a poison corpus; then, once quiet, the effects
// ledger. Exits non-zero on any loss, duplicate or check that fails.
//   npm run chaos                      the full run (120 kills, 5 Kafka, 3 PostgreSQL, 3 Redis)
//   npm run chaos -- --short           the CI run (10 kills, 1 Kafka restart, 1 Redis flush)
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { createKafka } from '#messaging';
import { runScriptProcess, SmtpSink, TestIdentity, waitFor } from '#testing';
import { ChaosApi } from './chaos-api.js';
import { Fleet, SERVICES, type FaultWindow } from './fleet.js';
import { checkLedger } from './ledger.js';
import { publishPoison } from './poison.js';
import { PrivateInfra } from './private-infra.js';
import { heldFinding, holdsIn, PartitionWatch, standStillFigures } from './partition-watch.js';
import { isQuiet } from './quiet.js';
import { Workload } from './workload.js';

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    kills: { type: 'string' },
    'kafka-restarts': { type: 'string' },
    'postgres-restarts': { type: 'string' },
    'redis-flushes': { type: 'string' },
    poison: { type: 'string' },
    ladders: { type: 'string' },
    subjects: { type: 'string' },
    'kill-every': { type: 'string' },
    workers: { type: 'string' },
    'pace-ms': { type: 'string' },
  },
});
const short = values.short === true;
const plan = {
  kills: Number(values.kills ?? (short ? 10 : 120)),
  kafkaRestarts: Number(values['kafka-restarts'] ?? (short ? 1 : 5)),
  postgresRestarts: Number(values['postgres-restarts'] ?? (short ? 0 : 3)),
  redisFlushes: Number(values['redis-flushes'] ?? (short ? 1 : 3)),
  poisonPerTopic: Number(values.poison ?? (short ? 100 : 500)),
  ladders: Number(values.ladders ?? (short ? 3 : 8)),
  subjects: Number(values.subjects ?? (short ? 30 : 200)),
  killEveryMs: Number(values['kill-every'] ?? 4) * 1000,
  workers: Number(values.workers ?? 3),
  /** Each worker's pause between steps: a steady load, not a flood of e-mail. */
  paceMs: Number(values['pace-ms'] ?? 300),
};
const GROUPS = ['meetings', 'performance', 'priorities', 'workflow'];
const MAIL_FROM = 'Cancer network escalations <escalations@chaos.example.org>';
const log = (line: string) => process.stdout.write(`[chaos] ${line}\n`);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;

const infra = await PrivateInfra.start(join(process.cwd(), '.infra/chaos'));
log(
  `infrastructure: PostgreSQL :${infra.pgPort}, Redis :${infra.redisPort}, Kafka :${infra.kafkaPort}`,
);
await runScriptProcess('scripts/create-topics.ts', { KAFKA_BROKERS: infra.kafkaBrokers });
const smtp = await SmtpSink.start();
const identity = await TestIdentity.start();
const fleet = new Fleet(
  infra,
  identity,
  (service) => ({
    // Warnings too: a message holding its partition is one (kept under .infra/chaos/logs).
    LOG_LEVEL: 'warn',
    ...(service === 'workflow' && {
      SMTP_URL: smtp.url,
      MAIL_FROM,
      TIMER_SWEEP_SECONDS: '5',
      DIGEST_ENABLED: 'false',
      NOTIFICATION_BACKOFF_MS: '500',
      // A send cut off by a kill is recorded failed within the run, not five minutes later.
      NOTIFICATION_SENDING_TIMEOUT_SECONDS: '20',
    }),
  }),
  2,
);
const kafka = createKafka({ brokers: [infra.kafkaBrokers], clientId: 'chaos', log: () => {} });
let exitCode = 1;
// Interrupted, or failed outside the run's own handling: nothing of the suite's is left running.
const abandon = (why: string) => {
  log(`stopping: ${why}`);
  void fleet
    .killAll()
    .then(() => infra.stop())
    .finally(() => process.exit(130));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => abandon(signal));
}
process.once('uncaughtException', (error) => abandon(error.stack ?? String(error)));
process.once('unhandledRejection', (error) => abandon(String(error)));
try {
  await fleet.start();
  log(`${elapsed()} two instances of each of ${SERVICES.join(', ')} are up`);
  const api = new ChaosApi(fleet, () => identity.token(['admin']));
  const workload = await Workload.prepare(api, plan.ladders, plan.subjects);
  log(
    `${elapsed()} ${plan.ladders} alliances seated, ${plan.subjects} priorities, deadlines in seconds`,
  );

  // The faults, each at its own moment; kills at a steady pace until the last fault is done.
  const runMs = Math.max(plan.kills * plan.killEveryMs, 60_000);
  const at = (count: number) =>
    Array.from({ length: count }, () => runMs * (0.1 + 0.7 * Math.random()));
  const recoveries: string[] = [];
  const faults: FaultWindow[] = [];
  const timed = async (what: string, fault: () => Promise<void>) => {
    // Killed instances back first, so that the time measured is this fault's alone.
    await fleet.settle();
    const from = Date.now();
    await fault();
    await waitFor(`every instance ready after ${what}`, () => fleet.allReady(), {
      timeoutMs: 180_000,
      intervalMs: 500,
    });
    faults.push({ what, service: undefined, from, to: Date.now() });
    recoveries.push(`${what}: ${((Date.now() - from) / 1000).toFixed(1)}s`);
    log(
      `${elapsed()} ${what}; every instance ready again after ${((Date.now() - from) / 1000).toFixed(1)}s`,
    );
  };
  const scheduled = [
    ...at(plan.kafkaRestarts).map((ms) => ({
      ms,
      what: 'Kafka restarted',
      fault: () => infra.restartKafka(),
    })),
    ...at(plan.postgresRestarts).map((ms) => ({
      ms,
      what: 'PostgreSQL restarted',
      fault: () => infra.restartPostgres(),
    })),
    ...at(plan.redisFlushes).map((ms) => ({
      ms,
      what: 'Redis flushed',
      fault: () => infra.flushRedis(),
    })),
  ].sort((a, b) => a.ms - b.ms);
  // Groups are named after their services (each service's CONSUMER_GROUP default).
  const watch = new PartitionWatch(kafka, GROUPS, (group) => group);
  watch.start();
  let running = true;
  const workers = Array.from({ length: plan.workers }, async () => {
    while (running) {
      await workload.step();
      await new Promise((resolve) => setTimeout(resolve, plan.paceMs));
    }
  });
  const poisonSent = publishPoison(kafka, plan.poisonPerTopic).then((sent) => {
    log(`${elapsed()} ${sent.length} poison messages published`);
    return sent;
  });
  const runStart = Date.now();
  while (fleet.kills < plan.kills || scheduled.length > 0) {
    const next = scheduled[0];
    if (next && Date.now() - runStart >= next.ms) {
      scheduled.shift();
      await timed(next.what, next.fault);
      continue;
    }
    if (fleet.kills < plan.kills) {
      const victim = await fleet.killOne(500 + Math.random() * 2000);
      if (fleet.kills % 10 === 0) {
        log(
          `${elapsed()} ${fleet.kills} kills (last: ${victim}); workload ${JSON.stringify(workload.counts)}`,
        );
      }
    }
    await new Promise((resolve) =>
      setTimeout(resolve, plan.kills > fleet.kills ? plan.killEveryMs : 1000),
    );
  }
  running = false;
  await Promise.all(workers);
  await fleet.settle();
  const poison = await poisonSent;
  log(`${elapsed()} faults done; waiting for quiet`);
  const quietFrom = Date.now();
  let said = 0;
  await waitFor(
    'the platform to be quiet',
    async () => {
      const pending = await isQuiet(infra.databaseUrl, kafka, GROUPS);
      if (pending && Date.now() - said > 30_000) {
        said = Date.now();
        log(`${elapsed()} not quiet yet: ${pending}`);
      }
      return pending === '';
    },
    // The full run leaves thousands of e-mails to send (about 12 a second from two instances).
    { timeoutMs: short ? 600_000 : 1_800_000, intervalMs: 3000 },
  );
  const quietAt = new Date();
  await watch.stop();
  log(`${elapsed()} quiet after ${((Date.now() - quietFrom) / 1000).toFixed(0)}s`);

  const findings = await checkLedger({
    databaseUrl: infra.databaseUrl,
    kafka,
    api,
    received: smtp.messages.map((mail) => mail.messageId),
    raised: workload.raised,
    poison,
    mailFrom: MAIL_FROM,
    groups: GROUPS,
    quietAt,
  });
  const allFaults = [...faults, ...fleet.downtimes];
  findings.push(
    heldFinding(holdsIn(fleet.keptOutput()), allFaults),
    standStillFigures(watch.explained(allFaults)),
  );
  log('');
  log(
    `kills ${fleet.kills}, Kafka restarts ${plan.kafkaRestarts}, PostgreSQL restarts ${plan.postgresRestarts}, Redis flushes ${plan.redisFlushes}, poison ${poison.length}`,
  );
  log(`workload ${JSON.stringify(workload.counts)}; client retries ${api.retries}`);
  if (workload.errors.length > 0) {
    log(`workload errors (first ${workload.errors.length}): ${workload.errors.join(' | ')}`);
  }
  const sorted = [...fleet.recoveries].sort((a, b) => a - b);
  log(
    `instance back after a kill: median ${(sorted[sorted.length >> 1]! / 1000).toFixed(1)}s, max ${(sorted.at(-1)! / 1000).toFixed(1)}s`,
  );
  for (const line of recoveries) {
    log(`recovery: ${line}`);
  }
  for (const result of findings) {
    log(
      `${result.ok ? 'ok  ' : 'FAIL'} ${result.check}: ${Object.entries(result.figures)
        .map(([name, value]) => `${name} ${value}`)
        .join(', ')}`,
    );
    for (const example of result.examples) {
      log(`       ${example}`);
    }
  }
  const lost = findings.reduce((sum, result) => sum + (result.figures.lost ?? 0), 0);
  const duplicated = findings.reduce((sum, result) => sum + (result.figures.duplicated ?? 0), 0);
  log(`lost ${lost}, duplicated ${duplicated}, run ${elapsed()}`);
  log(`each instance's output: ${fleet.logDir}`);
  exitCode = findings.every((result) => result.ok) ? 0 : 1;
} catch (error) {
  log(`the suite failed: ${(error as Error).stack ?? String(error)}`);
  log(fleet.outputs());
} finally {
  await fleet.stop();
  await identity.stop();
  await smtp.close();
  await infra.stop();
}
process.exit(exitCode);
