import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
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
  type Ladder,
} from '#testing';
import { createMeetingsApp } from '../apps/meetings/src/bootstrap.js';
import { createWebApp } from '../apps/web/src/bootstrap.js';
import { createWorkflowApp } from '../apps/workflow/src/bootstrap.js';
import { launchChromium, seriousViolations, signInAtProvider } from './web/browser.js';

const SCREENSHOTS = 'docs/screenshots';

/**
 * The web app as people use it, in Chromium against the running services: sign-in at the
 * identity provider, "my work", the case page and acknowledging, with axe on every page.
 */
describe('web app in the browser', () => {
  const run = uniqueName('web');
  let identity: TestIdentity;
  let membership: MembershipProcess;
  let workflow: INestApplication;
  let meetings: INestApplication;
  let web: INestApplication;
  let browser: Browser;
  let webBase: string;
  let ladder: Ladder<'chair' | 'member'>;
  let caseId: string;

  const url = (app: INestApplication) => {
    const server = app.getHttpServer() as { address(): { port: number } };
    const address = server.address();
    return `http://127.0.0.1:${address.port}`;
  };

  /** A page in a browser context of its own (axe needs one): nobody's cookies but its own. */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    return context.newPage();
  }

  /** A browser of the person's own, signed in: they open `path` and sign in on the way. */
  async function signedIn(who: 'chair' | 'member', path: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${webBase}${path}`);
    await signInAtProvider(page, addressOf(['clinician'], ladder.members[who]), TEST_PASSWORD);
    await page.waitForURL(`${webBase}${path}*`);
    return page;
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  }

  beforeAll(async () => {
    const port = await freePort();
    webBase = `http://127.0.0.1:${port}`;
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    identity = await TestIdentity.start({ webBaseUrl: webBase });
    membership = await MembershipProcess.start({ run, prefix, identity });
    workflow = await createWorkflowApp({
      ...serviceTestEnv('workflow', { schema: `${run}_workflow`, prefix, identity }),
      NOTIFICATIONS_ENABLED: 'false',
    });
    meetings = await createMeetingsApp(
      serviceTestEnv('meetings', { schema: `${run}_meetings`, prefix, identity }),
    );
    for (const app of [workflow, meetings]) {
      await app.startAllMicroservices();
      await app.listen(0, '127.0.0.1');
    }
    ladder = await membership.ladder('WEB', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
    });
    for (const [app, schema] of [
      [workflow, `${run}_workflow`],
      [meetings, `${run}_meetings`],
    ] as const) {
      await waitFor(`${schema} to seat the lung group, with their accounts`, async () => {
        const [row] = await app.get(DataSource).query<{ n: number; accounts: number }[]>(
          `SELECT (SELECT count(*)::int FROM "${schema}".seat WHERE body_id = $1) AS n,
                  (SELECT count(*)::int FROM "${schema}".identity_link) AS accounts`,
          [ladder.groupId],
        );
        return row?.n === 2 && row.accounts === 2;
      });
    }
    const raised = await request(url(workflow))
      .post('/cases')
      .set('authorization', await identity.token(['clinician'], ladder.members.member))
      .send({
        bodyId: ladder.groupId,
        title: 'No clinical lead for the lung pathway',
        reason: 'The lead stood down in March and nobody has been appointed',
      })
      .expect(201);
    caseId = (raised.body as { id: string }).id;

    web = await createWebApp({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      WEB_BASE_URL: webBase,
      AUTH_ISSUER: identity.issuer,
      WEB_CLIENT_SECRET: DEV_WEB_CLIENT.secret,
      SESSION_KEY: randomBytes(32).toString('base64'),
      MEMBERSHIP_URL: membership.url,
      WORKFLOW_URL: url(workflow),
      MEETINGS_URL: url(meetings),
    });
    await web.listen(port, '127.0.0.1');
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    for (const [app, schema] of [
      [workflow, `${run}_workflow`],
      [meetings, `${run}_meetings`],
    ] as const) {
      await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await app?.close();
    }
    await membership?.stop();
    await identity?.stop();
  });

  it('shows what the service is to someone not signed in', async () => {
    const page = await newPage();
    await page.goto(webBase);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Cancer network escalations',
    );
    await expectAccessible(page, 'home');
    await page.context().close();
  });

  it('sends a chair who opens the case to sign in and back, and lets them acknowledge it', async () => {
    const page = await signedIn('chair', `/cases/${caseId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'No clinical lead for the lung pathway',
    );
    expect(await page.locator('.nhsuk-tag').first().textContent()).toContain('Opened');
    await expectAccessible(page, 'case');

    await page.getByRole('button', { name: 'Acknowledge this case' }).click();
    await page.waitForURL(/done=acknowledged/);
    expect(await page.locator('.nhsuk-notification-banner').textContent()).toContain(
      'You acknowledged the case',
    );
    expect(await page.locator('.nhsuk-tag').first().textContent()).toContain('Acknowledged');
    await expectAccessible(page, 'case-acknowledged');
    await page.context().close();
  });

  it("lists the member's open cases in my work, and offers them no acknowledge button", async () => {
    const page = await signedIn('member', '/my-work');
    await page.getByRole('link', { name: 'No clinical lead for the lung pathway' }).click();
    await page.waitForURL(`${webBase}/cases/${caseId}`);
    expect(await page.getByRole('button', { name: 'Acknowledge this case' }).count()).toBe(0);
    // A form forged with the member's own session still meets the service's refusal.
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const forged = await page.request.post(`${webBase}/cases/${caseId}/acknowledge`, {
      form: { _csrf: csrf },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    // …and one without the session's token is refused before any service is asked.
    const tokenless = await page.request.post(`${webBase}/cases/${caseId}/acknowledge`, {
      form: {},
      maxRedirects: 0,
    });
    expect(tokenless.status()).toBe(403);
    await page.goto(`${webBase}/my-work`);
    await expectAccessible(page, 'my-work');
    await page.context().close();
  });

  it('answers 404 for a case the person may not see or that does not exist', async () => {
    const page = await signedIn('member', '/my-work');
    const missing = await page.goto(`${webBase}/cases/00000000-0000-4000-8000-000000000000`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await expectAccessible(page, 'not-found');
    await page.context().close();
  });
});
