import pg from 'pg';
import request from 'supertest';
import { mintToken, type Role } from '#platform';
import { startServiceProcess, type ServiceProcess } from './service-process.js';
import type { TestIdentity } from './test-identity.js';
import { serviceTestEnv, testInfra } from './test-infra.js';

/** A bearer token for tests, signed with the secret the test's services were given. */
export function testToken(secret: string, roles: Role[], memberId?: string): string {
  return `Bearer ${mintToken({
    secret,
    issuer: 'cancer-network',
    audience: 'cancer-network',
    sub: `test-${memberId ?? roles.join('-')}`,
    roles,
    ttlSeconds: 600,
    ...(memberId ? { memberId } : {}),
  })}`;
}

export interface SeatedPerson {
  readonly name: string;
  readonly profession: string;
  readonly role: string;
}

export interface Ladder<K extends string> {
  readonly allianceId: string;
  readonly boardId: string;
  readonly cagId: string;
  /** A lung tumour-site group under the CAG. */
  readonly groupId: string;
  /** Member ids by the keys the test gave its people, each seated on the group from 2025-04-01. */
  readonly members: Record<K, string>;
}

/**
 * The membership service as its own process, on the test's schema and topic prefix, driven
 * only over HTTP: the other services' tests build their read models from its real events.
 */
export class MembershipProcess {
  private constructor(
    private readonly process: ServiceProcess,
    private readonly schema: string,
    private readonly auth: { secret: string } | { identity: TestIdentity },
  ) {}

  /** With `identity`, it trusts that server, and each person `ladder` seats is linked there. */
  static async start(
    options: { run: string; prefix: string } & ({ secret: string } | { identity: TestIdentity }),
  ): Promise<MembershipProcess> {
    const schema = `${options.run}_membership`;
    const process = await startServiceProcess(
      'membership',
      serviceTestEnv('membership', {
        schema,
        prefix: options.prefix,
        ...('identity' in options ? { identity: options.identity } : { secret: options.secret }),
        logLevel: 'warn',
      }),
    );
    const auth =
      'identity' in options ? { identity: options.identity } : { secret: options.secret };
    return new MembershipProcess(process, schema, auth);
  }

  private admin(): Promise<string> {
    return 'identity' in this.auth
      ? this.auth.identity.token(['admin'])
      : Promise.resolve(testToken(this.auth.secret, ['admin']));
  }

  /** POSTs as an admin and returns the created record's id; any other answer fails the test. */
  async create(path: string, body: object): Promise<string> {
    const response = await request(this.process.url)
      .post(path)
      .set('authorization', await this.admin())
      .send(body);
    if (response.status !== 201) {
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return (response.body as { id: string }).id;
  }

  /** An alliance with its Board, CAG and a lung group, and `people` seated on the group. */
  async ladder<K extends string>(
    code: string,
    people: Record<K, SeatedPerson>,
  ): Promise<Ladder<K>> {
    const allianceId = await this.create('/alliances', {
      code,
      name: `${code} Alliance`,
      nation: 'england',
      kind: 'cancer-alliance',
    });
    const boardId = await this.create('/bodies', {
      allianceId,
      kind: 'alliance-board',
      name: 'Board',
    });
    const cagId = await this.create('/bodies', {
      allianceId,
      kind: 'clinical-advisory-group',
      name: 'CAG',
    });
    const groupId = await this.create('/bodies', {
      allianceId,
      kind: 'tumour-site-group',
      name: 'Lung Group',
      specialty: 'lung',
    });
    const members = {} as Record<K, string>;
    for (const [key, person] of Object.entries(people) as [K, SeatedPerson][]) {
      members[key] = await this.create('/members', {
        name: person.name,
        email: `${key}.${this.schema}@example.org`,
        profession: person.profession,
      });
      if ('identity' in this.auth) {
        // Their clinician account acts as them: linked as an admin links one.
        const { identity } = this.auth;
        await this.create(`/members/${members[key]}/identities`, {
          issuer: identity.issuer,
          subject: identity.subjectFor(['clinician'], members[key]),
        });
      }
      await this.create('/appointments', {
        memberId: members[key],
        bodyId: groupId,
        role: person.role,
        termStart: '2025-04-01',
      });
    }
    return { allianceId, boardId, cagId, groupId, members };
  }

  async stop(): Promise<void> {
    await this.process.stop();
    const client = new pg.Client({ connectionString: testInfra.databaseUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    } finally {
      await client.end();
    }
  }
}
