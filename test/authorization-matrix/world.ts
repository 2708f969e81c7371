import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { DEV_SERVICE_CLIENT } from '#dev-identity';
import { clientCredentialsToken } from '#platform';
import {
  deleteRedisKeys,
  isolatedTopicPrefix,
  serviceTestEnv,
  testKafka,
  testInfra,
  TestIdentity,
  waitFor,
} from '#testing';
import { createMeetingsApp } from '../../apps/meetings/src/bootstrap.js';
import { createMembershipApp } from '../../apps/membership/src/bootstrap.js';
import { createPerformanceApp } from '../../apps/performance/src/bootstrap.js';
import { createPrioritiesApp } from '../../apps/priorities/src/bootstrap.js';
import { createWorkflowApp } from '../../apps/workflow/src/bootstrap.js';
import { SEATED, SERVICES, type Caller, type SeatRole, type Service } from './matrix.js';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const CREATORS: Record<Service, (env: NodeJS.ProcessEnv) => Promise<INestApplication>> = {
  membership: createMembershipApp,
  meetings: createMeetingsApp,
  priorities: createPrioritiesApp,
  performance: createPerformanceApp,
  workflow: createWorkflowApp,
};

/** The services that keep a copy of membership's seats and identity links. */
const SEAT_VIEWS = ['meetings', 'priorities', 'workflow'] as const;

/**
 * The five services in this process, over real PostgreSQL, Kafka and Redis, trusting a test
 * identity server; one alliance with two lung groups (`own` and `other`), each with a chair,
 * clinical lead, secretariat, member and observer; an unseated clinician; an admin and a
 * machine client. Every caller is signed in once; `call` speaks HTTP to a service.
 */
export class World {
  readonly apps = {} as Record<Service, INestApplication>;
  readonly urls = {} as Record<Service, string>;
  readonly tokens = {} as Record<Caller, string>;
  /** How each service's audit log names each caller. */
  readonly actors = {} as Record<Caller, string>;
  allianceId = '';
  allianceCode = '';
  readonly bodies = { own: '', other: '' };
  readonly people = { own: {} as Record<SeatRole, string>, other: {} as Record<SeatRole, string> };
  unseated = '';
  private identity!: TestIdentity;
  private queuePrefix = '';
  private sequence = 0;

  constructor(readonly run: string) {}

  /** A string no other cell of the run uses. */
  unique(): string {
    this.sequence += 1;
    return `${this.sequence.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  }

  dataSource(service: Service): DataSource {
    return this.apps[service].get(DataSource);
  }

  schema(service: Service): string {
    return `${this.run}_${service}`;
  }

  async start(): Promise<void> {
    const prefix = await isolatedTopicPrefix(testKafka(), this.run);
    this.identity = await TestIdentity.start();
    this.queuePrefix = `q_${this.run}`;
    for (const service of SERVICES) {
      const app = await CREATORS[service]({
        ...serviceTestEnv(service, {
          schema: this.schema(service),
          prefix,
          identity: this.identity,
          logLevel: 'error',
        }),
        CONSUMER_GROUP: `${this.run}_${service}`,
        QUEUE_PREFIX: this.queuePrefix,
        NOTIFICATIONS_ENABLED: 'false',
        DIGEST_ENABLED: 'false',
        // The matrix's members' webhooks point at a local address no one listens on.
        WEBHOOK_ALLOW_INSECURE: 'true',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      });
      await app.startAllMicroservices();
      await app.listen(0, '127.0.0.1');
      this.apps[service] = app;
      this.urls[service] = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    }
    await this.signIn();
  }

  private async signIn(): Promise<void> {
    this.tokens.admin = await this.identity.token(['admin']);
    this.actors.admin = `user:${this.identity.subjectFor(['admin'])}`;
    const service = await clientCredentialsToken({
      issuer: this.identity.issuer,
      clientId: DEV_SERVICE_CLIENT.id,
      clientSecret: DEV_SERVICE_CLIENT.secret,
    });
    this.tokens.service = `Bearer ${service}`;
    const claims = JSON.parse(
      Buffer.from(service.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { sub: string };
    this.actors.service = `service:${claims.sub}`;
  }

  /** The alliance, the two bodies and their people, linked and seated, known to every service. */
  async populate(): Promise<void> {
    this.allianceCode = `AM${this.unique().toUpperCase()}`.slice(0, 12);
    this.allianceId = await this.create('membership', '/alliances', {
      code: this.allianceCode,
      name: `${this.allianceCode} Alliance`,
      nation: 'england',
      kind: 'cancer-alliance',
    });
    // The ladder above the groups comes first: a group needs somewhere to escalate.
    for (const kind of ['alliance-board', 'clinical-advisory-group']) {
      await this.create('membership', '/bodies', { allianceId: this.allianceId, kind, name: kind });
    }
    for (const column of ['own', 'other'] as const) {
      this.bodies[column] = await this.create('membership', '/bodies', {
        allianceId: this.allianceId,
        kind: 'tumour-site-group',
        name: `Lung Group (${column})`,
        specialty: 'lung',
      });
    }
    const link = async (key: string, profession = 'doctor') => {
      const memberId = await this.create('membership', '/members', {
        name: `Dr ${key}`,
        email: `${key}.${this.run}@example.org`.toLowerCase(),
        profession,
      });
      await this.create('membership', `/members/${memberId}/identities`, {
        issuer: this.identity.issuer,
        subject: this.identity.subjectFor(['clinician'], memberId),
      });
      return memberId;
    };
    await Promise.all(
      (['own', 'other'] as const).flatMap((column) =>
        SEATED.map(async (role) => {
          const memberId = await link(`${column}-${role}`);
          this.people[column][role] = memberId;
          await this.create('membership', '/appointments', {
            memberId,
            bodyId: this.bodies[column],
            role,
            termStart: '2025-04-01',
          });
        }),
      ),
    );
    this.unseated = await link('unseated');
    for (const role of SEATED) {
      this.tokens[role] = await this.identity.token(['clinician'], this.people.own[role]);
      this.actors[role] = `member:${this.people.own[role]}`;
    }
    this.tokens['unseated-clinician'] = await this.identity.token(['clinician'], this.unseated);
    this.actors['unseated-clinician'] = `member:${this.unseated}`;
    await this.waitForReadModels();
  }

  private async waitForReadModels(): Promise<void> {
    const seats = SEATED.length * 2;
    const links = seats + 1;
    for (const service of SEAT_VIEWS) {
      const schema = this.schema(service);
      await waitFor(
        `${service} to seat ${seats} and link ${links} accounts`,
        async () => {
          const [row] = await this.dataSource(service).query<{ seats: number; links: number }[]>(
            `SELECT (SELECT count(*)::int FROM "${schema}".seat WHERE body_id = ANY($1)) AS seats,
                    (SELECT count(*)::int FROM "${schema}".identity_link) AS links`,
            [[this.bodies.own, this.bodies.other]],
          );
          return row?.seats === seats && row.links === links;
        },
        { timeoutMs: 90_000, intervalMs: 250 },
      );
    }
    await waitFor(
      'meetings to know both bodies’ terms of reference',
      async () => {
        const [row] = await this.dataSource('meetings').query<{ n: number }[]>(
          `SELECT count(DISTINCT body_id)::int AS n FROM "${this.schema('meetings')}".body_terms
            WHERE body_id = ANY($1)`,
          [[this.bodies.own, this.bodies.other]],
        );
        return row?.n === 2;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    await waitFor(
      'performance to know the alliance',
      async () =>
        (
          await this.dataSource('performance').query<unknown[]>(
            `SELECT 1 FROM "${this.schema('performance')}".alliance_ref WHERE id = $1`,
            [this.allianceId],
          )
        ).length === 1,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }

  /** One HTTP request to a service; never throws on a status. */
  async call(
    service: Service,
    method: string,
    path: string,
    token: string,
    body?: object | string,
    contentType?: string,
    correlationId?: string,
  ): Promise<Answer> {
    const headers: Record<string, string> = { authorization: token };
    if (correlationId !== undefined) {
      headers['x-correlation-id'] = correlationId;
    }
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = contentType ?? 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(`${this.urls[service]}${path}`, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed };
  }

  /** A request as an admin that must succeed; its answer's body. */
  async asAdmin<T = Record<string, unknown>>(
    service: Service,
    method: string,
    path: string,
    body?: object | string,
    contentType?: string,
  ): Promise<T> {
    const answer = await this.call(service, method, path, this.tokens.admin, body, contentType);
    if (answer.status >= 300) {
      throw new Error(
        `setup ${method} ${service} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    }
    return answer.body as T;
  }

  /** POSTs as an admin and gives the created record's id. */
  async create(service: Service, path: string, body?: object): Promise<string> {
    return (await this.asAdmin<{ id: string }>(service, 'POST', path, body ?? {})).id;
  }

  async stop(): Promise<void> {
    for (const service of SERVICES) {
      await this.apps[service]?.close();
    }
    const client = new pg.Client({ connectionString: testInfra.databaseUrl });
    await client.connect();
    try {
      for (const service of SERVICES) {
        await client.query(`DROP SCHEMA IF EXISTS "${this.schema(service)}" CASCADE`);
      }
    } finally {
      await client.end();
    }
    await this.identity?.stop();
    await deleteRedisKeys(this.queuePrefix);
  }
}
