import pg from 'pg';
import request from 'supertest';
import { startServiceProcess, type ServiceProcess } from './service-process.js';
import type { TestIdentity } from './test-identity.js';
import { serviceTestEnv, testInfra } from './test-infra.js';

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
    private readonly identity: TestIdentity,
  ) {}

  /** It trusts the test's identity server, where each person `ladder` seats is linked. */
  static async start(options: {
    run: string;
    prefix: string;
    identity: TestIdentity;
  }): Promise<MembershipProcess> {
    const schema = `${options.run}_membership`;
    const process = await startServiceProcess(
      'membership',
      serviceTestEnv('membership', {
        schema,
        prefix: options.prefix,
        identity: options.identity,
        logLevel: 'warn',
      }),
    );
    return new MembershipProcess(process, schema, options.identity);
  }

  /** POSTs as an admin and returns the created record's id; any other answer fails the test. */
  /** Where the membership service answers. */
  get url(): string {
    return this.process.url;
  }

  async create(path: string, body: object): Promise<string> {
    const response = await request(this.process.url)
      .post(path)
      .set('authorization', await this.identity.token(['admin']))
      .send(body);
    if (response.status !== 201) {
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return (response.body as { id: string }).id;
  }

  /**
   * An alliance (in England unless `options.nation` says otherwise) with its Board, CAG and a
   * lung group, and `people` seated on the group.
   */
  async ladder<K extends string>(
    code: string,
    people: Record<K, SeatedPerson>,
    options: { nation?: 'england' | 'scotland' | 'wales' | 'northern-ireland' } = {},
  ): Promise<Ladder<K>> {
    const allianceId = await this.create('/alliances', {
      code,
      name: `${code} Alliance`,
      nation: options.nation ?? 'england',
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
      // Their clinician account acts as them: linked as an admin links one.
      await this.create(`/members/${members[key]}/identities`, {
        issuer: this.identity.issuer,
        subject: this.identity.subjectFor(['clinician'], members[key]),
      });
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
