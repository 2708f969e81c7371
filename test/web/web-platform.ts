import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEV_WEB_CLIENT } from '#dev-identity';
import type { Role } from '#platform';
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
  type SeatedPerson,
} from '#testing';
import { createMeetingsApp } from '../../apps/meetings/src/bootstrap.js';
import { createPerformanceApp } from '../../apps/performance/src/bootstrap.js';
import { createPrioritiesApp } from '../../apps/priorities/src/bootstrap.js';
import { createWebApp } from '../../apps/web/src/bootstrap.js';
import { createWorkflowApp } from '../../apps/workflow/src/bootstrap.js';
import { launchChromium, seriousViolations, signInAtProvider } from './browser.js';

type InProcess = 'meetings' | 'priorities' | 'performance' | 'workflow';

const SCREENSHOTS = 'docs/screenshots';

/**
 * The whole platform for a browser test: the identity server, membership as its own process,
 * the other four services and the web app in this one, on schemas and topics of the run's own,
 * and Chromium. `people` are seated on a lung group under a CAG and a Board (membership.ladder).
 */
export class WebPlatform<K extends string> {
  private constructor(
    readonly run: string,
    readonly identity: TestIdentity,
    readonly membership: MembershipProcess,
    readonly services: Record<InProcess, INestApplication>,
    readonly web: INestApplication,
    readonly webBase: string,
    readonly browser: Browser,
    readonly ladder: Ladder<K>,
  ) {}

  static async start<K extends string>(
    code: string,
    people: Record<K, SeatedPerson>,
    env: Partial<Record<InProcess, Record<string, string>>> = {},
  ): Promise<WebPlatform<K>> {
    const run = uniqueName('web');
    const port = await freePort();
    const webBase = `http://127.0.0.1:${port}`;
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    const identity = await TestIdentity.start({ webBaseUrl: webBase });
    const membership = await MembershipProcess.start({ run, prefix, identity });
    const envOf = (service: InProcess) => ({
      ...serviceTestEnv(service, { schema: `${run}_${service}`, prefix, identity }),
      ...env[service],
    });
    const services: Record<InProcess, INestApplication> = {
      meetings: await createMeetingsApp(envOf('meetings')),
      priorities: await createPrioritiesApp(envOf('priorities')),
      performance: await createPerformanceApp(envOf('performance')),
      // E-mails link to this web app's pages.
      workflow: await createWorkflowApp({
        NOTIFICATIONS_ENABLED: 'false',
        WEB_BASE_URL: webBase,
        ...envOf('workflow'),
      }),
    };
    for (const app of Object.values(services)) {
      await app.startAllMicroservices();
      await app.listen(0, '127.0.0.1');
    }
    const ladder = await membership.ladder(code, people);
    const seated = Object.keys(people).length;
    for (const service of ['meetings', 'priorities', 'workflow'] as const) {
      const schema = `${run}_${service}`;
      await waitFor(`${schema} to seat the lung group, with their accounts`, async () => {
        const [row] = await services[service]
          .get(DataSource)
          .query<{ n: number; accounts: number }[]>(
            `SELECT (SELECT count(*)::int FROM "${schema}".seat WHERE body_id = $1) AS n,
                    (SELECT count(*)::int FROM "${schema}".identity_link) AS accounts`,
            [ladder.groupId],
          );
        return row?.n === seated && row.accounts >= seated;
      });
    }
    const web = await createWebApp({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      WEB_BASE_URL: webBase,
      AUTH_ISSUER: identity.issuer,
      WEB_CLIENT_SECRET: DEV_WEB_CLIENT.secret,
      SESSION_KEY: randomBytes(32).toString('base64'),
      MEMBERSHIP_URL: membership.url,
      MEETINGS_URL: urlOf(services.meetings),
      PRIORITIES_URL: urlOf(services.priorities),
      PERFORMANCE_URL: urlOf(services.performance),
      WORKFLOW_URL: urlOf(services.workflow),
    });
    await web.listen(port, '127.0.0.1');
    const browser = await launchChromium();
    return new WebPlatform(run, identity, membership, services, web, webBase, browser, ladder);
  }

  /** Where an in-process service answers, for calls the test makes itself. */
  url(service: InProcess): string {
    return urlOf(this.services[service]);
  }

  /** `Bearer <token>` of a seated person (clinician) or of an account with `roles`. */
  token(who: K | Role[]): Promise<string> {
    return Array.isArray(who)
      ? this.identity.token(who)
      : this.identity.token(['clinician'], this.ladder.members[who]);
  }

  /** A case raised by hand at the lung group by a seated person, as the API does it; its id. */
  async raiseCase(who: K, title: string, reason: string): Promise<string> {
    const raised = await request(this.url('workflow'))
      .post('/cases')
      .set('authorization', await this.token(who))
      .send({ bodyId: this.ladder.groupId, title, reason })
      .expect(201);
    return (raised.body as { id: string }).id;
  }

  /**
   * Maps providers (ODS code: name) to the platform's alliance at performance, as an admin
   * (`Bearer` token): rows count towards an alliance only once their providers are mapped. The
   * alliance reaches performance from membership's events, so the first mapping may wait.
   */
  async mapProviders(admin: string, providers: Record<string, string>): Promise<void> {
    for (const [odsCode, name] of Object.entries(providers)) {
      await waitFor(
        `performance to know the alliance, to map ${odsCode}`,
        async () => {
          const mapped = await request(this.url('performance'))
            .put(`/providers/${odsCode}`)
            .set('authorization', admin)
            .send({ allianceId: this.ladder.allianceId, name });
          return mapped.status === 200;
        },
        { timeoutMs: 60_000 },
      );
    }
  }

  /** A page in a browser context of its own (axe needs one): nobody's cookies but its own. */
  async newPage(): Promise<Page> {
    const context = await this.browser.newContext();
    return context.newPage();
  }

  /** A person opens `path`, signs in at the provider on the way, and is back on `path`. */
  async signedIn(who: K | Role[], path: string): Promise<Page> {
    const page = await this.newPage();
    await page.goto(`${this.webBase}${path}`);
    const email = Array.isArray(who)
      ? addressOf(who)
      : addressOf(['clinician'], this.ladder.members[who]);
    await signInAtProvider(page, email, TEST_PASSWORD);
    await page.waitForURL(`${this.webBase}${path}*`);
    return page;
  }

  /** No serious or critical axe violation, and a screenshot for docs/screenshots. */
  async expectAccessible(page: Page, screenshot: string): Promise<void> {
    const violations = await seriousViolations(page);
    if (violations.length > 0) {
      throw new Error(`axe found on ${page.url()}:\n${violations.join('\n')}`);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/${screenshot}.png`, fullPage: true });
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.web.close();
    for (const [service, app] of Object.entries(this.services)) {
      await app.get(DataSource).query(`DROP SCHEMA IF EXISTS "${this.run}_${service}" CASCADE`);
      await app.close();
    }
    await this.membership.stop();
    await this.identity.stop();
  }
}

function urlOf(app: INestApplication): string {
  const server = app.getHttpServer() as { address(): { port: number } };
  return `http://127.0.0.1:${server.address().port}`;
}
