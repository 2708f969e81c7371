import { setTimeout as sleep } from 'node:timers/promises';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import {
  Partitioners,
  type Consumer,
  type EachMessagePayload,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import type { AnyEventOf, EventSchemas } from '#contracts';
import { runWithContext, schemaOf, SYSTEM_ACTOR } from '#platform';
import { consumeSpan, retryBackoff } from './consume-span.js';
import { ensureTopics } from '../kafka/kafka-client.js';
import { messageOf, ParkedEventStore, sourceOf } from './parked-event-store.js';
import { ParkedEventSweep } from './parked-event-sweep.js';
import { deadLetterMessage, deadLetterTopic } from './dead-letter.js';
import { EventContext } from './event-context.js';
import { runCapturingHandlerError } from './on-event.decorator.js';
import { ProcessedEventPruner } from './processed-event-pruner.js';
import { recordSkipped } from './processed-event.entity.js';
import type { KafkaEventServerOptions } from './kafka-event-server.options.js';
import { isTransientInfrastructureError } from './transient-error.js';
import { dispositionOf } from './disposition.js';
import { measureHold, type HoldReport } from './message-hold.js';

export { dispositionOf, type ConsumeOutcome } from './disposition.js';
export type { KafkaEventServerOptions } from './kafka-event-server.options.js';

type MessageSource = {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: KafkaMessage['headers'] & object;
};

/**
 * A Nest microservice transport that serves `@OnEvent(eventType)` handlers (a typed
 * `@EventPattern`, see on-event.decorator.ts) from the
 * platform's Kafka topics, with the guarantees the stock Kafka transport lacks:
 *
 * - each message is validated against the contract of its type;
 * - the event id is recorded in the same transaction as the handler's effects, and a
 *   redelivered event is skipped, so redelivery has no second effect;
 * - the offset is committed only after that transaction commits;
 * - a handler's domain error says what to do (`dispositionOf`): a refused or conflicting
 *   command is skipped, a message naming what does not exist goes to the dead-letter topic;
 * - a message naming what is not known here yet (NotKnownYetError) is parked in `parked_event`
 *   and its offset committed, so the partition moves on; a later message of the same key is
 *   parked behind it, to keep the key's order. Parked events are tried again, through the same
 *   handler path and processed-event record, at a sweep with backoff, and at once after an event
 *   that may have brought what they wait for. A parked event that keeps failing stays parked,
 *   for an admin to see (GET /admin/parked-events); only a permanent error dead-letters it;
 * - a failing handler is retried with backoff; after `maxAttempts` failures, or at once for
 *   a message that breaks its contract, the message goes to the consumer's dead-letter
 *   topic with the reason and its origin in headers, and the partition moves on;
 * - an outage of the database is not the message's fault: the message is retried, not
 *   dead-lettered, until the database answers.
 */
export class KafkaEventServer<TMap extends EventSchemas>
  extends Server
  implements CustomTransportStrategy
{
  /** Handler failures are awaited and handled here (retry, dead letter), not by Nest. */
  override readonly propagatesEventHandlerErrors = true;
  private readonly schema: string;
  private readonly maxAttempts: number;
  private readonly deadLetterTopic: string;
  private readonly parked: ParkedEventStore;
  private readonly pruner: ProcessedEventPruner | undefined;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private closing = false;
  private readonly sweep: ParkedEventSweep<AnyEventOf<TMap>>;

  constructor(private readonly options: KafkaEventServerOptions<TMap>) {
    super();
    this.schema = schemaOf(options.dataSource);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.deadLetterTopic = deadLetterTopic(options.consumer);
    this.parked = new ParkedEventStore(options.dataSource, this.schema, options.consumer);
    this.sweep = new ParkedEventSweep({
      store: this.parked,
      dataSource: options.dataSource,
      intervalMs: options.parkedSweepMs,
      retryInitialMs: options.parkedRetryInitialMs,
      retryMaxMs: options.parkedRetryMaxMs,
      logger: options.logger,
      onOutcome: options.onOutcome,
      decode: (row) => options.registry.decode(row.value),
      handle: async (row, event) => {
        const handler = this.getHandlerByPattern(event.type);
        return handler ? this.process(event, handler, sourceOf(row), true) : 'no-handler';
      },
      recordSkipped: (event, manager) =>
        recordSkipped(manager, this.schema, options.consumer, event),
      deadLetter: (row, reason, attempts) =>
        this.deadLetter(messageOf(row), sourceOf(row), reason, attempts),
    });
    if (options.processedEventRetentionDays !== undefined) {
      this.pruner = new ProcessedEventPruner({
        dataSource: options.dataSource,
        retentionDays: options.processedEventRetentionDays,
        ...(options.logger ? { logger: options.logger } : {}),
        ...(options.onProcessedPruned ? { onPruned: options.onProcessedPruned } : {}),
      });
    }
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.sweep.stop();
    await this.pruner?.stop();
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = undefined;
    this.producer = undefined;
  }

  /** How many events this consumer has parked. */
  parkedCount(): Promise<number> {
    return this.parked.count();
  }

  on(): never {
    throw new Error('KafkaEventServer reports through its logger and onOutcome option');
  }

  unwrap<T>(): T {
    if (!this.consumer) {
      throw new Error('KafkaEventServer is not listening');
    }
    return this.consumer as T;
  }

  /** The topics this consumer reads, from the contracts of the event types it handles. */
  subscribedTopics(): string[] {
    const topics = new Set<string>();
    for (const pattern of this.messageHandlers.keys()) {
      if (!this.options.registry.has(pattern)) {
        throw new Error(
          `@EventPattern('${pattern}') names no event type in the contracts (consumer ${this.options.consumer})`,
        );
      }
      topics.add(this.options.registry.topicOf(pattern));
    }
    return [...topics];
  }

  private async start(): Promise<void> {
    const topics = this.subscribedTopics();
    const { kafka, consumer: groupId } = this.options;
    await ensureTopics(kafka, [{ topic: this.deadLetterTopic, numPartitions: 1 }]);
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
    });
    await this.producer.connect();
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: Math.floor((this.options.sessionTimeoutMs ?? 10_000) / 5),
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 250,
      allowAutoTopicCreation: false,
      retry: {
        initialRetryTime: 300,
        maxRetryTime: 30_000,
        retries: 10,
        restartOnFailure: () => Promise.resolve(true),
      },
    });
    this.consumer = consumer;
    this.options.onConsumer?.(consumer);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.options.logger?.error(
        `Consumer ${groupId} crashed (restart: ${String(payload.restart)}): ${payload.error.message}`,
        payload.error.stack,
        'KafkaEventServer',
      );
    });
    const joined = new Promise<void>((resolve) => {
      const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
    await consumer.connect();
    await consumer.subscribe({
      topics,
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
      eachMessage: (payload) => this.handleMessage(payload),
    });
    // Serving starts when the group is joined; a caller awaiting listen() may produce at once.
    await joined;
    this.sweep.start();
    this.pruner?.start();
    this.options.logger?.log(
      `Consumer ${groupId} reads ${topics.join(', ') || 'no topic'}`,
      'KafkaEventServer',
    );
  }

  /** Handles one message and reports how long it held its partition. */
  private handleMessage(payload: EachMessagePayload): Promise<void> {
    return measureHold(payload, this.options, (report) => this.handleMessageOnce(payload, report));
  }

  private async handleMessageOnce(payload: EachMessagePayload, report: HoldReport): Promise<void> {
    const { topic, partition, message } = payload;
    const source: MessageSource = {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString() ?? null,
      headers: message.headers ?? {},
    };
    let event: AnyEventOf<TMap>;
    try {
      event = this.options.registry.decode(message.value);
    } catch (error) {
      await this.deadLetter(message, source, (error as Error).message, 0);
      this.options.onOutcome?.('dead-lettered', undefined);
      return this.commit(source);
    }
    const handler = this.getHandlerByPattern(event.type);
    if (!handler) {
      this.options.onOutcome?.('ignored', event.type);
      return this.commit(source);
    }
    for (let attempt = 1; ; attempt += 1) {
      report(event.type, attempt);
      try {
        const outcome = (await this.process(event, handler, source, false)) as
          'handled' | 'duplicate'; // not parked: never 'busy'
        this.options.onOutcome?.(outcome, event.type);
        if (outcome === 'handled') {
          this.wake(event.type);
        }
        break;
      } catch (error) {
        if (this.closing) {
          throw error; // left uncommitted: redelivered to whoever takes the partition
        }
        const reason = (error as Error).message;
        const disposition = dispositionOf(error);
        if (disposition === 'skip') {
          await recordSkipped(this.options.dataSource, this.schema, this.options.consumer, event);
          this.options.logger?.log(
            `${event.type} ${event.id} changes nothing: ${reason}`,
            'KafkaEventServer',
          );
          this.options.onOutcome?.('skipped', event.type);
          break;
        }
        if (disposition === 'park') {
          await this.sweep.park(event, message, source, error);
          break;
        }
        const transient = isTransientInfrastructureError(error);
        if (!transient && (disposition === 'dead-letter' || attempt >= this.maxAttempts)) {
          await this.deadLetter(message, source, reason, attempt);
          this.options.onOutcome?.('dead-lettered', event.type);
          break;
        }
        this.options.onOutcome?.('retried', event.type);
        this.options.logger?.warn(
          `${event.type} ${event.id} failed (attempt ${attempt}${transient ? ', infrastructure unavailable' : `/${this.maxAttempts}`}): ${reason}`,
          'KafkaEventServer',
        );
        await sleep(retryBackoff(attempt, this.options.retryInitialMs, this.options.retryMaxMs));
        await payload.heartbeat();
      }
    }
    await this.commit(source);
  }

  /**
   * Runs the handler and records the event in one transaction; for a parked event (`parked`),
   * the same transaction takes its parked row first ('busy' when another instance has it) and
   * removes it with the handler's effects.
   */
  private async process(
    event: AnyEventOf<TMap>,
    handler: MessageHandler,
    source: MessageSource,
    parked: boolean,
  ): Promise<'handled' | 'duplicate' | 'busy'> {
    return consumeSpan(event, source, this.options.consumer, parked, () =>
      this.options.dataSource.transaction(async (manager) => {
        if (parked && !(await this.parked.lock(manager, event.id))) {
          return 'busy';
        }
        // Blocks while another instance holds the same event's row, then finds it taken.
        const recorded: unknown[] = await manager.query(
          `INSERT INTO "${this.schema}"."processed_event" (consumer, event_id, event_type)
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
          [this.options.consumer, event.id, event.type],
        );
        if (recorded.length === 0) {
          if (parked) {
            await this.parked.remove(manager, event.id);
          }
          return 'duplicate';
        }
        // The key's order holds: nothing after a parked event of its key runs before it.
        await this.parked.refuseIfParkedAhead(manager, source);
        const context = new EventContext([manager, event, source]);
        await runWithContext(
          {
            correlationId: event.correlationid,
            causationId: event.id,
            actor: event.actor ?? SYSTEM_ACTOR,
          },
          () =>
            runCapturingHandlerError(async () => {
              const result: unknown = await handler(event, context);
              if (isObservable(result)) {
                await lastValueFrom(result, { defaultValue: undefined });
              }
            }),
        );
        if (parked) {
          await this.parked.remove(manager, event.id);
        }
        return 'handled';
      }),
    );
  }

  private wake(eventType: string): void {
    if (this.options.wakesParked?.(eventType) ?? true) {
      this.sweep.wake();
    }
  }

  private async deadLetter(
    message: KafkaMessage,
    source: MessageSource,
    reason: string,
    attempts: number,
  ): Promise<void> {
    if (!this.producer) {
      throw new Error('KafkaEventServer is not started');
    }
    this.options.logger?.error(
      `Dead-lettering ${source.topic}[${source.partition}]@${source.offset} after ${attempts} attempt(s): ${reason}`,
      undefined,
      'KafkaEventServer',
    );
    // If this send fails the offset stays uncommitted and the message comes back: never lost.
    await this.producer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [
        deadLetterMessage(message, {
          ...source,
          reason,
          consumer: this.options.consumer,
          attempts,
        }),
      ],
    });
  }

  private async commit(source: MessageSource): Promise<void> {
    await this.consumer?.commitOffsets([
      {
        topic: source.topic,
        partition: source.partition,
        offset: (BigInt(source.offset) + 1n).toString(),
      },
    ]);
  }
}
