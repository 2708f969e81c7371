import type { LoggerService } from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventRegistry, EventSchemas } from '#contracts';
import type { ConsumeOutcome } from './disposition.js';

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
  /** Assigned partitions handled at once, each still in order (1 unless said). */
  readonly partitionsConcurrently?: number;
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
  /**
   * How long each message held its partition, from its first try to its offset committed
   * (tries, waits between them, dead-lettering or parking included), in seconds.
   */
  readonly onHeld?: (seconds: number, eventType: string | undefined) => void;
  /** A message that holds its partition longer than this is logged as a warning (ms, 5000). */
  readonly slowMessageMs?: number;
  readonly onProcessedPruned?: (rows: number) => void;
  /** The kafkajs consumer, once made: for metrics that read its instrumentation events. */
  readonly onConsumer?: (consumer: Consumer) => void;
}
