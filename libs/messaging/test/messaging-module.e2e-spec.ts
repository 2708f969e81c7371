import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  HttpCode,
  Inject,
  type INestApplication,
  Module,
  Post,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsInt, IsString, Min, MinLength } from 'class-validator';
import request from 'supertest';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { EventEnvelope, EventOf } from '#contracts';
import {
  connectEventConsumer,
  eventHandlerDecorator,
  publisherFor,
  messagingEntities,
  messagingMigrations,
  MessagingModule,
  type EventContext,
} from '#messaging';
import {
  AuthModule,
  baseConfigSchema,
  ConfigModule,
  configureHttpApp,
  databaseCheck,
  DatabaseModule,
  HealthModule,
  MetricsModule,
  Roles,
  schemaOf,
} from '#platform';
import {
  createTestTopic,
  sampleContract,
  sampleEvents,
  testInfra,
  testKafka,
  TopicRecorder,
  uniqueName,
  waitFor,
  TestIdentity,
  type SampleEventMap,
} from '#testing';

const OnSampleEvent = eventHandlerDecorator<SampleEventMap>();

/** The sample service's one publisher; the topic comes from the registry the module is given. */
class SamplePublisher extends publisherFor(sampleContract('sample.events')) {}

class CreateEffectTable1763700000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema: string }).schema;
    await queryRunner.query(
      `CREATE TABLE "${schema}".effect (event_id uuid PRIMARY KEY, correlation_id text NOT NULL)`,
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema: string }).schema;
    await queryRunner.query(`DROP TABLE "${schema}".effect`);
  }
}

class RecordThingDto {
  @IsString()
  @MinLength(1)
  thingId!: string;

  @IsInt()
  @Min(0)
  seq!: number;
}

@Controller('things')
class ThingsController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SamplePublisher) private readonly publisher: SamplePublisher,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles('admin')
  async record(@Body() body: RecordThingDto): Promise<{ eventId: string }> {
    const event = await this.dataSource.transaction((manager) =>
      this.publisher.publish(manager, 'sample.thing-happened.v1', body),
    );
    return { eventId: event.id };
  }

  @OnSampleEvent('sample.thing-happened.v1')
  async onThing(
    event: EventOf<SampleEventMap, 'sample.thing-happened.v1'>,
    context: EventContext,
  ): Promise<void> {
    await context.manager.query(
      `INSERT INTO "${schemaOf(context.manager.connection)}".effect (event_id, correlation_id) VALUES ($1, $2)`,
      [event.id, event.correlationid],
    );
  }
}

describe('a service wired with the platform and messaging modules', () => {
  const schema = uniqueName('svc');
  let identity: TestIdentity;
  let app: INestApplication;
  let recorder: TopicRecorder;
  let topic: string;
  let token: string;

  beforeAll(async () => {
    const kafka = testKafka();
    topic = await createTestTopic(kafka, 'svc');
    identity = await TestIdentity.start();
    const env = {
      ...identity.serviceEnv(),
      SERVICE_NAME: 'sample',
      NODE_ENV: 'test',
      DATABASE_URL: testInfra.databaseUrl,
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: testInfra.kafkaBrokers.join(','),
      LOG_LEVEL: 'silent',
    };

    @Module({
      imports: [
        ConfigModule.forRoot(baseConfigSchema, env),
        DatabaseModule.forRoot({
          entities: messagingEntities,
          migrations: [...messagingMigrations, CreateEffectTable1763700000001],
          migrateOnBoot: true,
        }),
        MetricsModule.forRoot(),
        AuthModule.forRoot(),
        HealthModule.forRootAsync({
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({ checks: [databaseCheck(dataSource)] }),
        }),
        MessagingModule.forRoot({
          registry: sampleEvents(topic),
          publisher: SamplePublisher,
          relay: { pollIntervalMs: 200 },
        }),
      ],
      controllers: [ThingsController],
    })
    class SampleServiceModule {}

    app = await NestFactory.create(SampleServiceModule, { bufferLogs: true });
    configureHttpApp(app, { config: baseConfigSchema.parse(env), title: 'Sample service' });
    connectEventConsumer(app, {
      consumer: uniqueName('sample-consumer'),
      maxWaitTimeInMs: 100,
      sessionTimeoutMs: 6000,
    });
    await app.startAllMicroservices();
    await app.init();
    recorder = await TopicRecorder.start(kafka, [topic]);
    token = (await identity.token(['admin'])).replace(/^Bearer /, '');
  });

  afterAll(async () => {
    await recorder?.close();
    await identity?.stop();
    const dataSource = app?.get(DataSource);
    await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await app?.close();
  });

  it('publishes through the outbox on commit and consumes it once, carrying the correlation id', async () => {
    const correlationId = `req-${randomUUID()}`;
    const response = await request(app.getHttpServer())
      .post('/things')
      .set('authorization', `Bearer ${token}`)
      .set('x-correlation-id', correlationId)
      .send({ thingId: 'lung-fds', seq: 3 })
      .expect(202);
    const eventId = (response.body as { eventId: string }).eventId;

    const [message] = await recorder.waitForCount(topic, 1);
    const event = message!.json<EventEnvelope>();
    expect(event).toMatchObject({
      id: eventId,
      subject: 'lung-fds',
      correlationid: correlationId,
      data: { thingId: 'lung-fds', seq: 3 },
    });

    const dataSource = app.get(DataSource);
    const effects = await waitFor('the consumer to record the event', async () => {
      const rows: { event_id: string; correlation_id: string }[] = await dataSource.query(
        `SELECT * FROM "${schema}".effect`,
      );
      return rows.length > 0 && rows;
    });
    expect(effects).toEqual([{ event_id: eventId, correlation_id: correlationId }]);

    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/outbox_events_published_total\{[^}]*topic="[^"]+"[^}]*\} 1/);
    expect(metrics.text).toMatch(/events_consumed_total\{[^}]*outcome="handled"[^}]*\} 1/);
  });

  it('answers 400 naming the field and publishes nothing for a bad body', async () => {
    const before = recorder.on(topic).length;
    const response = await request(app.getHttpServer())
      .post('/things')
      .set('authorization', `Bearer ${token}`)
      .send({ thingId: 'lung-fds', seq: -1, colour: 'red' })
      .expect(400);
    expect(response.body).toMatchObject({
      message: 'Validation failed',
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'seq' }),
        expect.objectContaining({
          field: 'colour',
          messages: ['property colour should not exist'],
        }),
      ]),
    });
    const pending: { count: string }[] = await app
      .get(DataSource)
      .query(`SELECT count(*) FROM "${schema}".outbox_message`);
    expect(pending[0]?.count).toBe(String(before));
  });

  it('refuses a clinician token for an admin write with 403', async () => {
    const clinician = (await identity.token(['clinician'])).replace(/^Bearer /, '');
    await request(app.getHttpServer())
      .post('/things')
      .set('authorization', `Bearer ${clinician}`)
      .send({ thingId: 'x', seq: 1 })
      .expect(403);
  });

  it('is ready when its database answers', async () => {
    await request(app.getHttpServer()).get('/health/ready').expect(200);
  });
});
