import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { EventEnvelope } from '#contracts';
import type { Role } from '#platform';
import {
  isolatedTopicPrefix,
  testInfra,
  testKafka,
  TestIdentity,
  TopicRecorder,
  uniqueName,
  waitFor,
} from '#testing';
import { createMembershipApp } from '../src/bootstrap.js';

/**
 * The membership service booted on a schema and topics of its own (a KAFKA_TOPIC_PREFIX),
 * with the real database and broker, and a recorder of its membership topic.
 */
export class MembershipHarness {
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly app: INestApplication,
    readonly schema: string,
    readonly recorder: TopicRecorder,
    readonly topic: string,
    private readonly identity: TestIdentity,
  ) {}

  static async start(): Promise<MembershipHarness> {
    const schema = uniqueName('membership');
    const prefix = await isolatedTopicPrefix(testKafka(), schema);
    const identity = await TestIdentity.start();
    const app = await createMembershipApp({
      ...identity.serviceEnv(),
      KAFKA_TOPIC_PREFIX: prefix,
      SERVICE_NAME: 'membership',
      NODE_ENV: 'test',
      DATABASE_URL: testInfra.databaseUrl,
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: testInfra.kafkaBrokers.join(','),
      DAILY_CHECK_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    });
    await app.init();
    const topic = `${prefix}membership.events`;
    const recorder = await TopicRecorder.start(testKafka(), [topic]);
    const harness = new MembershipHarness(app, schema, recorder, topic, identity);
    await harness.signIn();
    return harness;
  }

  /**
   * Signs the harness's people in at its identity server: the admin, and a clinician whose
   * account is linked to a member of their own (a clinician linked to no member is refused).
   */
  private async signIn(): Promise<void> {
    this.tokens.set('admin', await this.identity.token(['admin']));
    const memberId = await this.create('/members', {
      name: 'Dr Harness Clinician',
      email: `harness.${this.schema}@example.org`,
      profession: 'doctor',
    });
    await this.post(`/members/${memberId}/identities`, {
      issuer: this.identity.issuer,
      subject: this.identity.subjectFor(['clinician'], memberId),
    }).expect(201);
    this.tokens.set('clinician', await this.identity.token(['clinician'], memberId));
  }

  /** Links an account holding `roles` to the member and signs it in: `Bearer <token>`. */
  async signInAs(memberId: string, roles: Role[] = ['clinician']): Promise<string> {
    await this.post(`/members/${memberId}/identities`, {
      issuer: this.identity.issuer,
      subject: this.identity.subjectFor(roles, memberId),
    }).expect(201);
    return this.identity.token(roles, memberId);
  }

  /** An account holding `roles` that is no member (a service's, say): `Bearer <token>`. */
  accountToken(roles: Role[]): Promise<string> {
    return this.identity.token(roles);
  }

  /** GET with the given bearer token. */
  getWith(path: string, token: string): request.Test {
    return request(this.app.getHttpServer()).get(path).set('authorization', token);
  }

  token(roles: Role[] = ['admin']): string {
    const token = this.tokens.get([...roles].sort().join('+'));
    if (!token) {
      throw new Error(`The harness has no signed-in account with roles ${roles.join(', ')}`);
    }
    return token;
  }

  post(path: string, body: object, roles: Role[] = ['admin']): request.Test {
    return request(this.app.getHttpServer())
      .post(path)
      .set('authorization', this.token(roles))
      .send(body);
  }

  /** Creates something as an admin: expects 201 Created and returns its id. */
  async create(path: string, body: object): Promise<string> {
    const response = await this.post(path, body).expect(201);
    return (response.body as { id: string }).id;
  }

  patch(path: string, body: object, roles: Role[] = ['admin']): request.Test {
    return request(this.app.getHttpServer())
      .patch(path)
      .set('authorization', this.token(roles))
      .send(body);
  }

  get(path: string, roles: Role[] = ['clinician']): request.Test {
    return request(this.app.getHttpServer()).get(path).set('authorization', this.token(roles));
  }

  /** Events on the topic whose subject is one of `subjects`. */
  eventsAbout(...subjects: string[]): EventEnvelope[] {
    return this.recorder
      .on(this.topic)
      .map((message) => message.json<EventEnvelope>())
      .filter((event) => subjects.includes(event.subject));
  }

  /** Waits until everything written to the outbox is on the topic, then returns those events. */
  async settledEventsAbout(...subjects: string[]): Promise<EventEnvelope[]> {
    const dataSource = this.app.get(DataSource);
    const ids = await waitFor('the outbox to be relayed', async () => {
      const rows: { event_id: string; published_at: Date | null }[] = await dataSource.query(
        `SELECT event_id, published_at FROM "${this.schema}".outbox_message WHERE message_key = ANY($1)`,
        [subjects],
      );
      return rows.every((row) => row.published_at !== null) && rows.map((row) => row.event_id);
    });
    return waitFor('the relayed events to arrive', () => {
      const events = this.eventsAbout(...subjects);
      return ids.every((id) => events.some((event) => event.id === id)) && events;
    });
  }

  async close(): Promise<void> {
    await this.recorder.close();
    await this.app.get(DataSource).query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.app.close();
    await this.identity.stop();
  }
}
