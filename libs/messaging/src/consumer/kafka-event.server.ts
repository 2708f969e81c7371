import { setTimeout as sleep } from 'node:timers/promises';
import type { LoggerService } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import {
  Partitioners,
  type Consumer,
  type EachMessagePayload,
  type Kafka,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { AnyEventOf, EventRegistry, EventSchemas } from '#contracts';
import { DomainError, NotKnownYetError, runWithContext, schemaOf, SYSTEM_ACTOR } from '#platform';
import { ensureTopics } from '../kafka/kafka-client.js';
import { messageOf, ParkedEventStore, type ParkedRow } from '../parked/parked-event-store.js';
import { deadLetterMessage, deadLetterTopic } from './dead-letter.js';
import { EventContext } from './event-context.js';
import { runCapturingHandlerError } from './on-event.decorator.js';
import { ProcessedEventPruner } from './processed-event-pruner.js';
import { isTransientInfrastructureError } from './transient-error.js';

export type ConsumeOutcome =
  | 'handled'
  | 'duplicate'
  | 'ignored'
  | 'skipped'
  | 'retried'
  | 'parked'
  | 'unparked'
  | 'dead-lettered';

/**
 * What the consumer does with a domain error a handler throws: a refused or conflicting command
 * changes nothing and never will (skip it); what is not known yet may be known in a second or in
 * a day (park it, so the partition moves on, and try it again later); a message naming what does
 * not exist or breaking a rule will fail however often it is tried (dead-letter); anything else
 * may pass on a second try (retry in place, then dead-letter).
 */
export function dispositionOf(error: unknown): 'skip' | 'park' | 'retry' | 'dead-letter' {
  if (!(error instanceof DomainError)) {
    return 'retry';
  }
  switch (error.kind) {
    case 'conflict':
    case 'refused':
      return 'skip';
    case 'not-known-yet':
      return 'park';
    case 'invalid':
    case 'not-found':
    case 'unprocessable':
      return 'dead-letter';
  }
}

export interface KafkaEventServerOptions<TMap extends EventSchemas> {
  readonly registry: EventRegistry<TMap>;
  readonly kafka: Kafka;
  /** The service's data source: handler writes and processed-event rows go through it. */
  readonly dataSource: DataSource;
  /** Consumer group id, also the name recorded with each processed event. */
  readonly consumer: string;
  /** Attempts before a failing message goes to the dead-letter topic. */
  readonly maxAttempts?: number;
  readonly retryInitialMs?: number;
  readonly retryMaxMs?: number;
  /** A new consumer group reads its topics from the start, so read models can be rebuilt. */
  readonly fromBeginning?: boolean;
  readonly sessionTimeoutMs?: number;
  readonly maxWaitTimeInMs?: number;
  /** The first wait before a parked event is tried again; it doubles up to `parkedRetryMaxMs`. */
  readonly parkedRetryInitialMs?: number;
  readonly parkedRetryMaxMs?: number;
  /** How often parked events are looked at: those due, or all after a waking event. */
  readonly parkedSweepMs?: number;
  /**
   * Whether a handled event of this type may have brought what parked events wait for, so they
   * are all tried at the next sweep rather than when due. Any type unless said.
   */
  readonly wakesParked?: (eventType: string) => boolean;
  /** Processed-event rows older than this are pruned (see ProcessedEventPruner); none if unset. */
  readonly processedEventRetentionDays?: number;
  readonly logger?: LoggerService;
  readonly onOutcome?: (outcome: ConsumeOutcome, eventType: string | undefined) => void;
  readonly onProcessedPruned?: (rows: number) => void;
}

type MessageSource = {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: KafkaMessage['headers'] & object;
};

/** What a handler's error says the event waits for (`body:<id>`...), when it says. */
function waitsForOf(error: unknown): string | null {
  const waitsFor = error instanceof DomainError ? error.details['waitsFor'] : undefined;
  return typeof waitsFor === 'string' ? waitsFor.slice(0, 300) : null;
}

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
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  /** A handled event may have brought what parked events wait for: try them all next sweep. */
  private woken = false;

  constructor(private readonly options: KafkaEventServerOptions<TMap>) {
    super();
    this.schema = schemaOf(options.dataSource);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.deadLetterTopic = deadLetterTopic(options.consumer);
    this.parked = new ParkedEventStore(options.dataSource, this.schema, options.consumer);
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
    clearInterval(this.sweepTimer);
    await this.pruner?.stop();
    await this.sweeping;
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
      eachMessage: (payload) => this.handleMessage(payload),
    });
    // Serving starts when the group is joined; a caller awaiting listen() may produce at once.
    await joined;
    this.sweepTimer = setInterval(() => this.sweepParked(), this.options.parkedSweepMs ?? 1_000);
    this.sweepTimer.unref();
    this.pruner?.start();
    this.options.logger?.log(
      `Consumer ${groupId} reads ${topics.join(', ') || 'no topic'}`,
      'KafkaEventServer',
    );
  }

  private async handleMessage(payload: EachMessagePayload): Promise<void> {
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
      try {
        // Not parked: never 'busy'.
        const outcome = (await this.process(event, handler, source, false)) as
          'handled' | 'duplicate';
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
          await this.recordSkipped(event);
          this.options.logger?.log(
            `${event.type} ${event.id} changes nothing: ${reason}`,
            'KafkaEventServer',
          );
          this.options.onOutcome?.('skipped', event.type);
          break;
        }
        if (disposition === 'park') {
          await this.parked.park({
            eventId: event.id,
            eventType: event.type,
            topic,
            partition,
            offset: message.offset,
            message,
            reason,
            waitsFor: waitsForOf(error),
            retryInMs: this.parkedBackoff(1),
          });
          this.options.logger?.warn(
            `${event.type} ${event.id} parked: ${reason}`,
            'KafkaEventServer',
          );
          this.options.onOutcome?.('parked', event.type);
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
        await sleep(this.backoff(attempt));
        await payload.heartbeat();
      }
    }
    await this.commit(source);
  }

  /** A skipped event counts as processed, so a redelivery is a duplicate, not a second try. */
  private async recordSkipped(
    event: AnyEventOf<TMap>,
    manager: Pick<DataSource, 'query'> = this.options.dataSource,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}"."processed_event" (consumer, event_id, event_type)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [this.options.consumer, event.id, event.type],
    );
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
    return this.options.dataSource.transaction(async (manager) => {
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
      const ahead =
        source.key === null
          ? undefined
          : await this.parked.parkedAhead(manager, source.topic, source.key, source.offset);
      if (ahead !== undefined) {
        throw new NotKnownYetError(`Waits behind parked event ${ahead} of the same key`, {
          waitsFor: `event:${ahead}`,
        });
      }
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
    });
  }

  private wake(eventType: string): void {
    if (this.options.wakesParked?.(eventType) ?? true) {
      this.woken = true;
    }
  }

  /** One sweep at a time: the due parked events, or all of them after a waking event. */
  private sweepParked(): void {
    if (this.sweeping || this.closing) {
      return;
    }
    const all = this.woken;
    this.woken = false;
    this.sweeping = this.retryParked(all)
      .catch((error: unknown) => {
        this.options.logger?.warn(
          `Parked events not tried: ${(error as Error).message}`,
          'KafkaEventServer',
        );
      })
      .finally(() => {
        this.sweeping = undefined;
      });
  }

  private async retryParked(all: boolean): Promise<void> {
    for (const row of await this.parked.candidates(all, 100)) {
      if (this.closing) {
        return;
      }
      await this.retryParkedEvent(row);
    }
  }

  /** A parked event through the live path: handled, skipped, dead-lettered, or parked still. */
  private async retryParkedEvent(row: ParkedRow): Promise<void> {
    const message = messageOf(row);
    const source: MessageSource = {
      topic: row.topic,
      partition: row.partition,
      offset: row.offset,
      key: row.key,
      headers: message.headers ?? {},
    };
    let event: AnyEventOf<TMap>;
    try {
      event = this.options.registry.decode(row.value);
    } catch (error) {
      // Its contract changed under it: it will never pass.
      await this.deadLetter(message, source, (error as Error).message, row.attempts + 1);
      await this.parked.remove(this.options.dataSource, row.eventId);
      this.options.onOutcome?.('dead-lettered', row.eventType);
      return;
    }
    const handler = this.getHandlerByPattern(event.type);
    if (!handler) {
      const reason = `No handler for ${event.type} any more`;
      await this.parked.failed(row.eventId, reason, null, this.parkedBackoff(row.attempts + 1));
      return;
    }
    try {
      const outcome = await this.process(event, handler, source, true);
      if (outcome === 'busy') {
        return;
      }
      this.options.onOutcome?.(outcome === 'handled' ? 'unparked' : 'duplicate', event.type);
      this.options.logger?.log(
        `${event.type} ${event.id} unparked: ${outcome}`,
        'KafkaEventServer',
      );
      // Events parked behind it, and whatever it brought, may pass now.
      this.woken = true;
    } catch (error) {
      if (this.closing) {
        return;
      }
      const reason = (error as Error).message;
      const disposition = dispositionOf(error);
      if (disposition === 'skip') {
        await this.options.dataSource.transaction(async (manager) => {
          await this.recordSkipped(event, manager);
          await this.parked.remove(manager, event.id);
        });
        this.options.onOutcome?.('skipped', event.type);
      } else if (disposition === 'dead-letter' && !isTransientInfrastructureError(error)) {
        await this.deadLetter(message, source, reason, row.attempts + 1);
        await this.parked.remove(this.options.dataSource, event.id);
        this.options.onOutcome?.('dead-lettered', event.type);
      } else {
        const attempts = row.attempts + 1;
        await this.parked.failed(event.id, reason, waitsForOf(error), this.parkedBackoff(attempts));
      }
    }
  }

  private parkedBackoff(attempts: number): number {
    const initial = this.options.parkedRetryInitialMs ?? 1_000;
    const max = this.options.parkedRetryMaxMs ?? 300_000;
    return Math.min(max, initial * 2 ** Math.min(attempts - 1, 30));
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
          reason,
          consumer: this.options.consumer,
          topic: source.topic,
          partition: source.partition,
          offset: source.offset,
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

  private backoff(attempt: number): number {
    const initial = this.options.retryInitialMs ?? 200;
    const max = this.options.retryMaxMs ?? 5_000;
    const exponential = Math.min(max, initial * 2 ** (attempt - 1));
    return exponential / 2 + Math.random() * (exponential / 2); // jitter
  }
}
