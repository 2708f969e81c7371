import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  type INestApplication,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { EventRegistry, EventSchemas } from '#contracts';
import { APP_CONFIG, MetricsService, type BaseConfig } from '#platform';
import { reportConsumerLag, type LagLabel } from './consumer/consumer-lag.js';
import { KafkaEventServer, type KafkaEventServerOptions } from './consumer/kafka-event.server.js';
import { AuditController } from './audit/audit.controller.js';
import { ParkedEventsController } from './consumer/parked-events.controller.js';
import { createKafka } from './kafka/kafka-client.js';
import { EVENT_REGISTRY, KAFKA } from './messaging.tokens.js';
import type { AnyServicePublisherClass } from './outbox/service-publisher.js';
import { OutboxController } from './outbox/outbox.controller.js';
import { countParked } from './outbox/outbox-parking.js';
import { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay.js';

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingModuleOptions<TMap extends EventSchemas = EventSchemas> {
  readonly registry: EventRegistry<TMap>;
  /** The service's one publisher (see `publisherFor`); a service that publishes nothing has none. */
  readonly publisher?: AnyServicePublisherClass;
  /** Relay tuning; `enabled: false` leaves relaying to other instances or processes. */
  readonly relay?: Pick<OutboxRelayOptions, 'batchSize' | 'pollIntervalMs' | 'retentionMs'> & {
    readonly enabled?: boolean;
  };
}

@Injectable()
class OutboxRelayHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay | undefined;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(MetricsService) metrics: MetricsService,
    @Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions,
  ) {
    // Rows parked by any relay of the schema, read at each scrape: alert while it is above 0.
    metrics.gauge({
      name: 'outbox_messages_parked',
      help: 'Outbox rows parked because Kafka refuses them for good, waiting for an admin',
      async collect() {
        this.set(await countParked(dataSource).catch(() => Number.NaN));
      },
    });
    if (options.relay?.enabled === false) {
      return;
    }
    const parked = metrics.counter({
      name: 'outbox_events_parked_total',
      help: 'Outbox rows this relay parked because Kafka refuses them for good',
      labelNames: ['topic'],
    });
    const published = metrics.counter({
      name: 'outbox_events_published_total',
      help: 'Events the outbox relay sent to Kafka and marked published',
      labelNames: ['topic'],
    });
    const lag = metrics.histogram({
      name: 'outbox_publish_lag_seconds',
      help: 'Time from an event being written to the outbox to Kafka acknowledging it',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
    this.relay = new OutboxRelay({
      ...options.relay,
      dataSource,
      kafka,
      logger: new Logger('OutboxRelay'),
      onPublished: (batch) => {
        const now = Date.now();
        for (const row of batch) {
          published.inc({ topic: row.topic });
          lag.observe((now - row.createdAt.getTime()) / 1000);
        }
      },
      onParked: (rows) => {
        for (const row of rows) {
          parked.inc({ topic: row.topic });
        }
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}

/**
 * Publishing for a service: the Kafka client, the service's publisher writing to the outbox of
 * its schema, and the relay that sends the outbox to Kafka while the app runs.
 * Needs ConfigModule, DatabaseModule and MetricsModule from #platform.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot<TMap extends EventSchemas>(
    typedOptions: MessagingModuleOptions<TMap>,
  ): DynamicModule {
    // Providers are untyped at run time; the service's own code keeps the event map's types.
    const options = typedOptions as unknown as MessagingModuleOptions;
    return {
      module: MessagingModule,
      controllers: [AuditController, ParkedEventsController, OutboxController],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: EVENT_REGISTRY,
          inject: [APP_CONFIG],
          useFactory: (config: BaseConfig) =>
            options.registry.withTopicPrefix(config.KAFKA_TOPIC_PREFIX),
        },
        {
          provide: KAFKA,
          inject: [APP_CONFIG],
          useFactory: (config: BaseConfig): Kafka => {
            const logger = new Logger('kafkajs');
            return createKafka({
              brokers: config.KAFKA_BROKERS,
              clientId: config.SERVICE_NAME,
              log: ({ level, message, detail }) =>
                level === 'error'
                  ? logger.error(`${message} ${JSON.stringify(detail)}`)
                  : logger.warn(`${message} ${JSON.stringify(detail)}`),
            });
          },
        },
        ...(options.publisher ? [options.publisher] : []),
        OutboxRelayHost,
      ],
      exports: [KAFKA, EVENT_REGISTRY, ...(options.publisher ? [options.publisher] : [])],
    };
  }
}

export type EventConsumerOptions = Pick<
  KafkaEventServerOptions<EventSchemas>,
  | 'consumer'
  | 'maxAttempts'
  | 'retryInitialMs'
  | 'retryMaxMs'
  | 'fromBeginning'
  | 'sessionTimeoutMs'
  | 'maxWaitTimeInMs'
  | 'parkedRetryInitialMs'
  | 'parkedRetryMaxMs'
  | 'parkedSweepMs'
  | 'wakesParked'
>;

/**
 * Serves the app's `@OnEvent` handlers from Kafka as consumer group `options.consumer`,
 * sharing the app's data source, Kafka client and metrics. Call before
 * `app.startAllMicroservices()`.
 */
export function connectEventConsumer(
  app: INestApplication,
  options: EventConsumerOptions,
): KafkaEventServer<EventSchemas> {
  const metrics = app.get(MetricsService);
  const consumed = metrics.counter({
    name: 'events_consumed_total',
    help: 'Messages a consumer took from Kafka, by outcome',
    labelNames: ['consumer', 'outcome', 'type'],
  });
  const pruned = metrics.counter({
    name: 'processed_events_pruned_total',
    help: 'Processed-event rows deleted for being older than the retention window',
  });
  const lag = metrics.gauge<LagLabel>({
    name: 'kafka_consumer_lag',
    help: 'Messages after the last batch a consumer handled, up to the partition high watermark',
    labelNames: ['consumer', 'topic', 'partition'],
  });
  // A message holding its partition holds every message after it: alert on the tail.
  const held = metrics.histogram({
    name: 'consumer_message_hold_seconds',
    help: 'Time a message held its partition, from its first try to its offset committed',
    labelNames: ['consumer'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  const {
    KAFKA_TOPIC_PREFIX: prefix,
    PROCESSED_EVENT_RETENTION_DAYS,
    KAFKA_PARTITIONS_CONCURRENTLY,
  } = app.get<BaseConfig>(APP_CONFIG);
  const server = new KafkaEventServer({
    ...options,
    processedEventRetentionDays: PROCESSED_EVENT_RETENTION_DAYS,
    partitionsConcurrently: KAFKA_PARTITIONS_CONCURRENTLY,
    onProcessedPruned: (rows) => pruned.inc(rows),
    onConsumer: (consumer) => reportConsumerLag(consumer, lag, options.consumer),
    // The group, and so its dead-letter topic, lives under the environment's prefix too.
    consumer: `${prefix}${options.consumer}`,
    registry: app.get<EventRegistry<EventSchemas>>(EVENT_REGISTRY),
    kafka: app.get<Kafka>(KAFKA),
    dataSource: app.get(DataSource),
    logger: new Logger(`Consumer ${options.consumer}`),
    onOutcome: (outcome, type) =>
      consumed.inc({ consumer: options.consumer, outcome, type: type ?? 'invalid' }),
    onHeld: (seconds) => held.observe({ consumer: options.consumer }, seconds),
  });
  // Read at each scrape: alert while it stays above 0 (see GET /admin/parked-events).
  metrics.gauge({
    name: 'consumer_events_parked',
    help: 'Events the consumer parked because what they name is not known yet',
    labelNames: ['consumer'],
    async collect() {
      this.set({ consumer: options.consumer }, await server.parkedCount().catch(() => Number.NaN));
    },
  });
  // Not the HTTP pipeline: payloads are validated against their contract by the server, and
  // the HTTP validation pipe, guards and filters have nothing to say about events.
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: false });
  return server;
}
