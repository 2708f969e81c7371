// The web app's two busiest pages, "my work" and the case page, for a member of a body with 50
// open cases, beside the same services' API calls made directly with the same token in the same
// run. The goal: a page costs at most twice the API calls it makes (ratio 0.50 or more).
//   npm run bench:web -- [--cases 50] [--rounds 40]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { WebPlatform } from '../test/web/web-platform.js';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '50' }, rounds: { type: 'string', default: '40' } },
});
const CASES = Number(values.cases);
const ROUNDS = Number(values.rounds);

/**
 * The medians of a page and of its API calls, measured in alternate rounds so that whatever else
 * the machine is doing weighs on both alike.
 */
async function timedPair(
  label: string,
  apiCalls: () => Promise<void>,
  page: () => Promise<void>,
): Promise<{ api: number; page: number }> {
  for (let warm = 0; warm < 5; warm += 1) {
    await apiCalls();
    await page();
  }
  const times = { api: [] as number[], page: [] as number[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [kind, call] of [
      ['api', apiCalls],
      ['page', page],
    ] as const) {
      const start = performance.now();
      await call();
      times[kind].push(performance.now() - start);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] ?? 0;
  const result = { api: median(times.api), page: median(times.page) };
  console.log(`${label}, its API calls: median ${result.api.toFixed(1)} ms over ${ROUNDS} rounds`);
  console.log(`${label}, the page: median ${result.page.toFixed(1)} ms over ${ROUNDS} rounds`);
  return result;
}

async function ok(response: Promise<Response>): Promise<void> {
  const answer = await response;
  if (!answer.ok) {
    throw new Error(`${answer.url} answered ${answer.status}`);
  }
  await answer.arrayBuffer();
}

const platform = await WebPlatform.start(
  'BWEB',
  {
    chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
    member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
  },
  { workflow: { TIMERS_ENABLED: 'false' } },
);
try {
  const bearer = await platform.token('member');
  const workflow = platform.url('workflow');
  let caseId = '';
  for (let index = 0; index < CASES; index += 1) {
    caseId = await platform.raiseCase(
      'member',
      `Benchmark case ${index + 1}`,
      'Raised for the web pages benchmark',
    );
  }

  // Signed in once as a person would; the session cookie then goes with each page request.
  const page = await platform.signedIn('member', '/my-work');
  const cookie = (await page.context().cookies())
    .map((entry) => `${entry.name}=${entry.value}`)
    .join('; ');
  await page.context().close();

  const api = (base: string, path: string) =>
    fetch(`${base}${path}`, { headers: { authorization: bearer } });
  const memberId = platform.ladder.members.member;
  const myWork = await timedPair(
    'my work',
    () =>
      Promise.all([
        ok(api(workflow, '/cases?limit=200')),
        ok(api(workflow, '/inbox?limit=20')),
        ok(api(platform.url('meetings'), `/members/${memberId}/actions?status=open&limit=50`)),
        ok(api(platform.url('meetings'), `/members/${memberId}/meetings?limit=5`)),
        ok(api(workflow, `/members/${memberId}/preferences`)),
      ]).then(() => undefined),
    () => ok(fetch(`${platform.webBase}/my-work`, { headers: { cookie } })),
  );
  const casePage = await timedPair(
    'case page',
    async () => {
      await ok(api(workflow, `/cases/${caseId}`));
      await Promise.all([
        ok(api(workflow, `/cases/${caseId}/history/verify`)),
        ok(api(platform.membership.url, `/bodies/${platform.ladder.groupId}/role-holders`)),
      ]);
    },
    () => ok(fetch(`${platform.webBase}/cases/${caseId}`, { headers: { cookie } })),
  );
  console.log(`\n${CASES} open cases, ${ROUNDS} rounds; goal: each page at most 2x its API calls`);
  console.log(`ratio my-work: ${(myWork.api / myWork.page).toFixed(2)}`);
  console.log(`ratio case-page: ${(casePage.api / casePage.page).toFixed(2)}`);
} finally {
  await platform.stop();
}
