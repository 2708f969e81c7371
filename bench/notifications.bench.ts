// Notification delivery, from a committed pending row in the workflow service to the SMTP
// server's acceptance, beside a raw nodemailer loop to the same server in the same run.
//   npm run bench:notifications -- [--count 3000] [--connections 3] [--in-flight 6]
//                                  [--instances 1] [--sweep-ms 0]
// What it measures and why: docs/performance.md ("Notification delivery").
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';
import { createWorkflowApp } from '../apps/workflow/src/bootstrap.js';
import { afterCommit } from '../apps/workflow/src/common/after-commit.js';
import { caseEmail, caseLinks } from '../apps/workflow/src/notifications/case-email.js';
import { withTransportOptions } from '../apps/workflow/src/notifications/email-sender.service.js';
import { mailDomain, threadHeaders } from '../apps/workflow/src/notifications/email-thread.js';
import { noticeKey } from '../apps/workflow/src/notifications/notice-key.js';
import { NotificationDeliveryService } from '../apps/workflow/src/notifications/notification-delivery.service.js';
import { Notification } from '../apps/workflow/src/notifications/notification.entity.js';
import {
  closeAppsDroppingSchema,
  deleteRedisKeys,
  isolatedTopicPrefix,
  serviceTestEnv,
  SmtpSink,
  testKafka,
  uniqueName,
  waitFor,
} from '#testing';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    // Totals over all instances; the raw loop uses the same.
    connections: { type: 'string', default: '3' },
    'in-flight': { type: 'string', default: '6' },
    instances: { type: 'string', default: '1' },
    // 0: only the service's own sweep (every 60 s); else the bench also sweeps this often.
    'sweep-ms': { type: 'string', default: '0' },
  },
});
const flag = (name: keyof typeof values, min: number): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`--${name} must be an integer of at least ${min} (got ${values[name]})`);
  }
  return value;
};
const params = {
  count: flag('count', 1),
  connections: flag('connections', 1),
  inFlight: flag('in-flight', 1),
  instances: flag('instances', 1),
  sweepMs: flag('sweep-ms', 0),
};
if (params.connections % params.instances || params.inFlight % params.instances) {
  throw new Error('--connections and --in-flight are shared evenly among --instances');
}

const MAIL_FROM = 'Cancer Network Escalations <escalations@cancer-network.invalid>';
const WEB_BASE_URL = 'http://127.0.0.1:3000';
const MEMBERS = 50;
const STALL_MS = 30_000;
const fmt = (value: number, digits = 1) => value.toFixed(digits);

/** The notifications of a run: two per case, to members in turn, as the planner writes them. */
function plan(count: number): Notification[] {
  const members = Array.from({ length: MEMBERS }, () => randomUUID());
  const cases = Array.from({ length: Math.ceil(count / 2) }, () => randomUUID());
  return Array.from({ length: count }, (_, i) => {
    const caseId = cases[Math.floor(i / 2)]!;
    const memberId = members[i % MEMBERS]!;
    const id = randomUUID();
    return Object.assign(new Notification(), {
      id,
      dedupKey: noticeKey({
        caseId,
        sequence: 1,
        audience: 'holding-body',
        memberId,
        channel: 'email',
      }),
      caseId,
      memberId,
      channel: 'email' as const,
      address: `member.${i % MEMBERS}@nhs.example`,
      subject: `Action needed: 28-day FDS below target at Trust ${i % 137} (case ${i})`,
      body: [
        'Opened at the Lung network group: the 28-day Faster Diagnosis Standard fell below 77% in',
        'two consecutive months (72.4% in August, 70.9% in September).',
        '',
        'The group must acknowledge the case within 5 working days and table it at its next',
        'meeting, or it moves to the Clinical Advisory Group.',
      ].join('\n'),
      urgent: true,
      status: 'pending' as const,
    });
  });
}

/** The message EmailSenderService sends for a notification, for the raw loop to send as is. */
function messageOf(notification: Notification) {
  const { subject, text, html } = caseEmail({
    subject: notification.subject,
    message: notification.body,
    links: caseLinks(WEB_BASE_URL, notification.caseId),
  });
  const thread = threadHeaders(notification, mailDomain(MAIL_FROM));
  return {
    from: MAIL_FROM,
    to: notification.address!,
    subject,
    text,
    html,
    messageId: thread.messageId,
    headers: { 'X-Escalation-Case': notification.caseId ?? '' },
  };
}

/** Resolves once the sink holds `total` messages: the moment the last was accepted. */
async function acceptedAll(sink: SmtpSink, total: number): Promise<number> {
  for (let seen = -1, since = performance.now(); sink.messages.length < total; await sleep(2)) {
    if (sink.messages.length !== seen) {
      [seen, since] = [sink.messages.length, performance.now()];
    } else if (performance.now() - since > STALL_MS) {
      throw new Error(`stalled: ${total - sink.messages.length} e-mails never arrived`);
    }
  }
  return performance.now();
}

/** The baseline: one pooled nodemailer transport, `inFlight` sendMail calls at a time. */
async function raw(sink: SmtpSink, notifications: readonly Notification[]) {
  const transport = nodemailer.createTransport(withTransportOptions(sink.url, params.connections));
  const messages = notifications.map(messageOf);
  const base = sink.messages.length;
  const elu = performance.eventLoopUtilization();
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: params.inFlight }, async () => {
      while (next < messages.length) {
        await transport.sendMail(messages[next++]!);
      }
    }),
  );
  const end = await acceptedAll(sink, base + messages.length);
  const busy = performance.eventLoopUtilization(elu).utilization;
  transport.close();
  return { seconds: (end - start) / 1000, busy };
}

async function startInstances(sink: SmtpSink, run: string) {
  const prefix = await isolatedTopicPrefix(testKafka(), run);
  const env = {
    ...serviceTestEnv('workflow', { schema: run, prefix, logLevel: 'warn' }),
    QUEUE_PREFIX: `q_${run}`,
    TIMERS_ENABLED: 'false',
    DIGEST_ENABLED: 'false',
    SMTP_URL: sink.url,
    MAIL_FROM,
    WEB_BASE_URL,
    NOTIFICATION_SMTP_CONNECTIONS: String(params.connections / params.instances),
    NOTIFICATION_CONCURRENCY: String(params.inFlight / params.instances),
  };
  const apps: INestApplication[] = [];
  // One after the other: the first runs the migrations.
  for (let i = 0; i < params.instances; i += 1) {
    const app = await createWorkflowApp(env);
    await app.init();
    apps.push(app);
  }
  return apps;
}

/** The measured path: rows committed pending, as a case's transaction plans them, then sent. */
async function delivery(
  sink: SmtpSink,
  apps: readonly INestApplication[],
  notifications: readonly Notification[],
) {
  const dataSource = apps[0]!.get(DataSource);
  const base = sink.messages.length;
  const elu = performance.eventLoopUtilization();
  await dataSource.transaction(async (manager) => {
    for (let i = 0; i < notifications.length; i += 500) {
      await manager.insert(Notification, notifications.slice(i, i + 500));
    }
    // What the planner does: each id is queued once the transaction commits.
    notifications.forEach((n) => afterCommit(manager, 'notifications', n.id));
  });
  const start = performance.now();

  // Optional extra sweeps while the backlog drains, each timed: what re-queueing costs.
  const sweeps: number[] = [];
  let draining = true;
  const sweeper = (async () => {
    const service = apps[0]!.get(NotificationDeliveryService);
    while (params.sweepMs > 0 && draining) {
      await sleep(params.sweepMs);
      const began = performance.now();
      await service.sweep();
      sweeps.push(performance.now() - began);
    }
  })();
  const end = await acceptedAll(sink, base + notifications.length).finally(
    () => (draining = false),
  );
  await sweeper;
  const busy = performance.eventLoopUtilization(elu).utilization;

  // Never twice: one message per notification, and every row recorded sent (the last few are
  // recorded just after the server accepts them).
  const received = sink.messages.slice(base).map((mail) => mail.messageId);
  const duplicates = received.length - new Set(received).size;
  const statusesOf = () =>
    dataSource.query<{ status: string; count: string }[]>(
      `SELECT status, count(*) FROM "${run}".notification WHERE id = ANY($1) GROUP BY status`,
      [notifications.map((n) => n.id)],
    );
  const statuses = await waitFor(
    'every row recorded',
    async () => {
      const rows = await statusesOf();
      return rows.every((row) => row.status === 'sent' || row.status === 'failed') && rows;
    },
    { timeoutMs: STALL_MS },
  ).catch(statusesOf);
  return { seconds: (end - start) / 1000, busy, duplicates, statuses, sweeps };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const run = uniqueName('bench_notify');
const sink = await SmtpSink.start();
let apps: INestApplication[] = [];
let failed = false;
try {
  console.log(
    `${params.count} e-mails, ${params.connections} SMTP connections, ${params.inFlight} in flight, ` +
      `${params.instances} workflow instance(s); ${os.cpus().length} cores, Node ${process.version}`,
  );
  apps = await startInstances(sink, run);
  const rate = (seconds: number) => params.count / seconds;

  const before = await raw(sink, plan(params.count));
  console.log(
    `raw nodemailer (before): ${fmt(before.seconds, 2)} s, ${fmt(rate(before.seconds))} e-mails/s, loop ${fmt(before.busy * 100, 0)}% busy`,
  );
  const measured = await delivery(sink, apps, plan(params.count));
  console.log(
    `notifications: ${fmt(measured.seconds, 2)} s, ${fmt(rate(measured.seconds))} e-mails/s, loop ${fmt(measured.busy * 100, 0)}% busy`,
  );
  const after = await raw(sink, plan(params.count));
  console.log(
    `raw nodemailer (after): ${fmt(after.seconds, 2)} s, ${fmt(rate(after.seconds))} e-mails/s, loop ${fmt(after.busy * 100, 0)}% busy`,
  );

  const statuses = measured.statuses.map((row) => `${row.status} ${row.count}`).join(', ');
  console.log(`rows: ${statuses}; duplicates at the SMTP server: ${measured.duplicates}`);
  if (measured.sweeps.length > 0) {
    const sorted = [...measured.sweeps].sort((a, b) => a - b);
    console.log(
      `bench sweeps every ${params.sweepMs} ms while draining: ${sorted.length}, ` +
        `p50 ${fmt(percentile(sorted, 50))} ms, max ${fmt(sorted.at(-1)!)} ms`,
    );
  }
  const sentAll =
    measured.statuses.length === 1 &&
    measured.statuses[0]?.status === 'sent' &&
    Number(measured.statuses[0].count) === params.count;
  if (measured.duplicates > 0 || !sentAll) {
    failed = true;
    console.error('FAILED: a notification was sent twice, or not recorded sent');
  }
  const baseline = (rate(before.seconds) + rate(after.seconds)) / 2;
  console.log(`baseline (mean of the raw runs): ${fmt(baseline)} e-mails/s`);
  console.log(`ratio notifications: ${(rate(measured.seconds) / baseline).toFixed(2)}`);
} finally {
  await closeAppsDroppingSchema(apps, run);
  await deleteRedisKeys(`q_${run}`);
  await sink.close();
}
process.exit(failed ? 1 : 0);
