// The web app's two busiest pages, "my work" and the case page, for a member of a body with 50
// open cases, beside the same services' API calls made directly with the same token in the same
// run. The goal: a page costs at most twice the API calls it makes (ratio 0.50 or more).
//   npm run bench:web -- [--cases 50] [--rounds 40]
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEV_WEB_CLIENT } from '#dev-identity';
import {
  addressOf,
  freePort,
  isolatedTopicPrefix,
  MembershipProcess,
  serviceTestEnv,
  TEST_PASSWORD,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
} from '#testing';
import { createMeetingsApp } from '../apps/meetings/src/bootstrap.js';
import { createWebApp } from '../apps/web/src/bootstrap.js';
import { createWorkflowApp } from '../apps/workflow/src/bootstrap.js';
import { launchChromium, signInAtProvider } from '../test/web/browser.js';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '50' }, rounds: { type: 'string', default: '40' } },
});
const CASES = Number(values.cases);
const ROUNDS = Number(values.rounds);

const urlOf = (app: INestApplication) =>
  `http://127.0.0.1:${(app.getHttpServer() as { address(): { port: number } }).address().port}`;

async function timed(label: string, call: () => Promise<void>): Promise<number> {
  for (let warm = 0; warm < 5; warm += 1) {
    await call();
  }
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`${label}: median ${median.toFixed(1)} ms over ${ROUNDS} rounds`);
  return median;
}

async function ok(response: Promise<Response>): Promise<void> {
  const answer = await response;
  if (!answer.ok) {
    throw new Error(`${answer.url} answered ${answer.status}`);
  }
  await answer.arrayBuffer();
}

const run = uniqueName('benchweb');
const port = await freePort();
const webBase = `http://127.0.0.1:${port}`;
const prefix = await isolatedTopicPrefix(testKafka(), run);
const identity = await TestIdentity.start({ webBaseUrl: webBase });
const membership = await MembershipProcess.start({ run, prefix, identity });
const env = (service: string) => ({
  ...serviceTestEnv(service, { schema: `${run}_${service}`, prefix, identity }),
  NOTIFICATIONS_ENABLED: 'false',
  TIMERS_ENABLED: 'false',
});
const workflow = await createWorkflowApp(env('workflow'));
const meetings = await createMeetingsApp(env('meetings'));
const apps = [workflow, meetings];
try {
  for (const app of apps) {
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
  }
  const ladder = await membership.ladder('BWEB', {
    chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
    member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
  });
  for (const app of apps) {
    await waitFor('the read model to seat the group', async () => {
      const [row] = await app
        .get(DataSource)
        .query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${run}_${app === workflow ? 'workflow' : 'meetings'}".identity_link`,
        );
      return row?.n === 2;
    });
  }
  const bearer = await identity.token(['clinician'], ladder.members.member);
  let caseId = '';
  for (let index = 0; index < CASES; index += 1) {
    const raised = await fetch(`${urlOf(workflow)}/cases`, {
      method: 'POST',
      headers: { authorization: bearer, 'content-type': 'application/json' },
      body: JSON.stringify({
        bodyId: ladder.groupId,
        title: `Benchmark case ${index + 1}`,
        reason: 'Raised for the web pages benchmark',
      }),
    });
    caseId = ((await raised.json()) as { id: string }).id;
  }

  const web = await createWebApp({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WEB_BASE_URL: webBase,
    AUTH_ISSUER: identity.issuer,
    WEB_CLIENT_SECRET: DEV_WEB_CLIENT.secret,
    SESSION_KEY: randomBytes(32).toString('base64'),
    MEMBERSHIP_URL: membership.url,
    WORKFLOW_URL: urlOf(workflow),
    MEETINGS_URL: urlOf(meetings),
  });
  apps.push(web);
  await web.listen(port, '127.0.0.1');

  // Signed in once as a person would; the session cookie then goes with each page request.
  const browser = await launchChromium();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${webBase}/my-work`);
  await signInAtProvider(page, addressOf(['clinician'], ladder.members.member), TEST_PASSWORD);
  await page.waitForURL(`${webBase}/my-work`);
  const cookie = (await context.cookies())
    .map((entry) => `${entry.name}=${entry.value}`)
    .join('; ');
  await browser.close();

  const api = (base: string, path: string) =>
    fetch(`${base}${path}`, { headers: { authorization: bearer } });
  const memberId = ladder.members.member;
  const myWorkApi = await timed('my work, its API calls', () =>
    Promise.all([
      ok(api(urlOf(workflow), '/cases?limit=200')),
      ok(api(urlOf(workflow), '/inbox?limit=20')),
      ok(api(urlOf(meetings), `/members/${memberId}/actions?status=open&limit=50`)),
    ]).then(() => undefined),
  );
  const myWorkPage = await timed('my work, the page', () =>
    ok(fetch(`${webBase}/my-work`, { headers: { cookie } })),
  );
  const caseApi = await timed('case page, its API calls', async () => {
    await ok(api(urlOf(workflow), `/cases/${caseId}`));
    await Promise.all([
      ok(api(urlOf(workflow), `/cases/${caseId}/history/verify`)),
      ok(api(membership.url, `/bodies/${ladder.groupId}/role-holders`)),
    ]);
  });
  const casePage = await timed('case page, the page', () =>
    ok(fetch(`${webBase}/cases/${caseId}`, { headers: { cookie } })),
  );
  console.log(`\n${CASES} open cases, ${ROUNDS} rounds; goal: each page at most 2x its API calls`);
  console.log(`ratio my-work: ${(myWorkApi / myWorkPage).toFixed(2)}`);
  console.log(`ratio case-page: ${(caseApi / casePage).toFixed(2)}`);
} finally {
  for (const [app, service] of [
    [workflow, 'workflow'],
    [meetings, 'meetings'],
  ] as const) {
    await app.get(DataSource).query(`DROP SCHEMA IF EXISTS "${run}_${service}" CASCADE`);
  }
  for (const app of apps) {
    await app.close();
  }
  await membership.stop();
  await identity.stop();
}
