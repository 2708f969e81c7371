import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  deleteRedisKeys,
  isolatedTopicPrefix,
  serviceTestEnv,
  testInfra,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
} from '#testing';
import { createMeetingsApp } from '../../apps/meetings/src/bootstrap.js';
import { createMembershipApp } from '../../apps/membership/src/bootstrap.js';
import { createPerformanceApp } from '../../apps/performance/src/bootstrap.js';
import { createPrioritiesApp } from '../../apps/priorities/src/bootstrap.js';
import { createWorkflowApp } from '../../apps/workflow/src/bootstrap.js';
import type { Caller, OpenApiDocument } from './openapi-requests.js';

export const SERVICES = [
  'membership',
  'meetings',
  'priorities',
  'performance',
  'workflow',
] as const;
export type Service = (typeof SERVICES)[number];

const CREATE: Record<Service, (env: NodeJS.ProcessEnv) => Promise<INestApplication>> = {
  membership: createMembershipApp,
  meetings: createMeetingsApp,
  priorities: createPrioritiesApp,
  performance: createPerformanceApp,
  workflow: createWorkflowApp,
};

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/**
 * The five services in this process, each listening on a port of its own, on schemas, topics
 * and queues of the run's own, trusting a test identity server. The admin signs in there, and a
 * clinician whose account is linked to a member (`clinicianMemberId`) once `linkClinician` ran.
 */
export class PlatformUnderTest {
  private readonly tokens = new Map<Caller, string>();
  clinicianMemberId = '';

  private constructor(
    private readonly run: string,
    private readonly apps: Record<Service, INestApplication>,
    readonly urls: Record<Service, string>,
    readonly identity: TestIdentity,
  ) {}

  static async start(): Promise<PlatformUnderTest> {
    const run = uniqueName('hostile');
    const prefix = await isolatedTopicPrefix(testKafka(), run);
    const identity = await TestIdentity.start();
    const apps = {} as Record<Service, INestApplication>;
    const urls = {} as Record<Service, string>;
    // One at a time: five migrations and consumer-group joins at once starve two cores.
    for (const service of SERVICES) {
      const app = await CREATE[service]({
        ...serviceTestEnv(service, {
          schema: `${run}_${service}`,
          prefix,
          identity,
          logLevel: process.env.HOSTILE_LOG_LEVEL ?? 'silent',
        }),
        QUEUE_PREFIX: `q_${run}`,
        NOTIFICATIONS_ENABLED: 'false',
        DIGEST_ENABLED: 'false',
      });
      if (service !== 'membership') {
        await app.startAllMicroservices();
      }
      await app.listen(0, '127.0.0.1');
      const address = (app.getHttpServer() as Server).address() as AddressInfo;
      apps[service] = app;
      urls[service] = `http://127.0.0.1:${address.port}`;
    }
    const platform = new PlatformUnderTest(run, apps, urls, identity);
    platform.tokens.set('admin', await identity.token(['admin']));
    // Signed by nobody the services trust: each must answer 401, never 500.
    platform.tokens.set(
      'forged',
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWRtaW4iXX0.',
    );
    return platform;
  }

  /** Links a clinician's account to `memberId` and waits until every service knows the link. */
  async linkClinician(memberId: string): Promise<void> {
    const subject = this.identity.subjectFor(['clinician'], memberId);
    await this.expect('membership', 'POST', `/members/${memberId}/identities`, {
      issuer: this.identity.issuer,
      subject,
    });
    for (const service of ['meetings', 'priorities', 'workflow'] as const) {
      const dataSource = this.apps[service].get(DataSource);
      await waitFor(
        `${service} to hear of the clinician's account`,
        async () =>
          (
            await dataSource.query<unknown[]>(
              `SELECT 1 FROM "${this.run}_${service}".identity_link WHERE subject = $1`,
              [subject],
            )
          ).length > 0,
        { timeoutMs: 60_000, intervalMs: 200 },
      );
    }
    this.clinicianMemberId = memberId;
    this.tokens.set('clinician', await this.identity.token(['clinician'], memberId));
  }

  /** Waits until a service's copy of membership holds the body. */
  async knowsBody(service: 'meetings' | 'priorities' | 'workflow', bodyId: string): Promise<void> {
    const dataSource = this.apps[service].get(DataSource);
    await waitFor(
      `${service} to hear of body ${bodyId}`,
      async () =>
        (
          await dataSource.query<unknown[]>(
            `SELECT 1 FROM "${this.run}_${service}".body_view WHERE id = $1`,
            [bodyId],
          )
        ).length > 0,
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  }

  async document(service: Service): Promise<OpenApiDocument> {
    const response = await fetch(`${this.urls[service]}/docs-json`);
    return (await response.json()) as OpenApiDocument;
  }

  async call(
    service: Service,
    request: { method: string; url: string; caller: Caller; contentType?: string; body?: string },
  ): Promise<Answer> {
    const token = this.tokens.get(request.caller);
    const response = await fetch(`${this.urls[service]}${request.url}`, {
      method: request.method,
      headers: {
        ...(token !== undefined && { authorization: token }),
        ...(request.contentType !== undefined && { 'content-type': request.contentType }),
      },
      ...(request.body !== undefined && request.method !== 'GET' && { body: request.body }),
      signal: AbortSignal.timeout(30_000),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  }

  /** Sends a well-formed request as the admin (or `caller`) and returns its JSON; else fails. */
  async expect<T = { id: string }>(
    service: Service,
    method: string,
    url: string,
    body?: unknown,
    caller: Caller = 'admin',
  ): Promise<T> {
    const answer = await this.call(service, {
      method,
      url,
      caller,
      ...(body !== undefined && { contentType: 'application/json', body: JSON.stringify(body) }),
    });
    if (answer.status >= 300) {
      throw new Error(`Seeding ${service} ${method} ${url}: ${answer.status} ${answer.text}`);
    }
    return (answer.text === '' ? undefined : JSON.parse(answer.text)) as T;
  }

  async stop(): Promise<void> {
    for (const app of Object.values(this.apps)) {
      await app.close();
    }
    await this.identity.stop();
    await deleteRedisKeys(`q_${this.run}`);
    const client = new pg.Client({ connectionString: testInfra.databaseUrl });
    await client.connect();
    try {
      for (const service of SERVICES) {
        await client.query(`DROP SCHEMA IF EXISTS "${this.run}_${service}" CASCADE`);
      }
    } finally {
      await client.end();
    }
  }
}
