import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import { Partitioners, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Span } from '@opentelemetry/api';
import { CLOUDEVENTS_CONTENT_TYPE } from '#contracts';
import { recordFailure, schemaOf } from '#platform';
import { permanentRejection } from '../kafka/kafka-rejection.js';
import { outboxChannel } from './event-publisher.js';
import { sendSpanHeaders } from './send-span.js';

export interface OutboxRelayOptions {
  readonly dataSource: DataSource;
  readonly kafka: Kafka;
  /** Rows sent per Kafka request. */
  readonly batchSize?: number;
  /** Fallback when a notification is missed (relay restarted, LISTEN connection lost). */
  readonly pollIntervalMs?: number;
  /** How long published rows are kept for inspection before pruning. */
  readonly retentionMs?: number;
  readonly pruneIntervalMs?: number;
  readonly logger?: LoggerService;
  /** Told of each batch once Kafka acknowledged it and the rows are marked. */
  readonly onPublished?: (batch: readonly PublishedRow[]) => void;
  /** Told of the rows parked because Kafka refuses them for good, once that is committed. */
  readonly onParked?: (rows: readonly ParkedRow[]) => void;
}

export interface PublishedRow {
  readonly eventId: string;
  readonly topic: string;
  readonly key: string;
  readonly createdAt: Date;
}

export interface ParkedRow {
  readonly eventId: string;
  readonly topic: string;
  readonly reason: string;
}

interface PendingRow {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  envelope: object;
  created_at: Date;
  trace_parent: string | null;
  trace_state: string | null;
}

/**
 * Sends outbox rows to Kafka and marks them published.
 *
 * Several relays may run against one schema (one per service instance). Each locks a batch
 * with FOR UPDATE SKIP LOCKED, and leaves out any row whose key has an earlier unpublished
 * row it does not hold, so a key's events reach Kafka in id order whichever relay sends
 * them. A relay that dies after sending and before marking leaves its rows unmarked; they
 * are sent again, and consumers, which record event ids, ignore the second copy.
 *
 * A row Kafka refuses for good (too large for the broker, an invalid topic: see
 * `permanentRejection`) would fail every batch it is in, and batches go in id order, so the
 * whole outbox would stall behind it. When a batch is refused for good, its rows are sent one
 * by one; each one refused is parked with the reason (an admin lists and re-queues them) and the
 * rest are marked published. A passing failure (the broker down) parks nothing: the batch stays
 * pending and is tried again. A parked row leaves its key's order: later events of its key go
 * out, and it goes when re-queued.
 *
 * Each message carries the trace context saved with its row (`send-span.ts`).
 */
export class OutboxRelay {
  private readonly schema: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionMs: number;
  private readonly pruneIntervalMs: number;
  private producer: Producer | undefined;
  private listener: pg.Client | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private wakeAgain = false;
  private stopped = true;
  readonly relayId = randomUUID();

  constructor(private readonly options: OutboxRelayOptions) {
    this.schema = schemaOf(options.dataSource);
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retentionMs = options.retentionMs ?? 7 * 24 * 3600 * 1000;
    this.pruneIntervalMs = options.pruneIntervalMs ?? 3600 * 1000;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
      // Bounded, so a broker outage fails the batch (rows stay pending) instead of
      // holding its row locks forever; duplicates from retries are harmless downstream.
      retry: { retries: 10 },
    });
    await this.producer.connect();
    await this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.pollIntervalMs);
    this.pruneTimer = setInterval(() => void this.prune(), this.pruneIntervalMs);
    this.wake();
  }

  /**
   * Stops relaying after one last drain, so events committed before shutdown go out now
   * rather than when some relay next starts (a short-lived command's events, say).
   */
  async stop({ drain = true }: { drain?: boolean } = {}): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.pruneTimer);
    clearTimeout(this.reconnectTimer);
    await this.draining;
    if (drain && this.producer) {
      await this.drain(true);
    }
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  /** Asks for a drain; calls while one runs fold into one more pass after it. */
  wake(): void {
    if (this.stopped) {
      return;
    }
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  /** Sends every pending row this relay can take now. */
  async drain(finalPass = false): Promise<void> {
    try {
      while ((finalPass || !this.stopped) && (await this.relayBatch()) === this.batchSize) {
        // a full batch: there may be more
      }
    } catch (error) {
      this.options.logger?.error(
        `Outbox relay batch failed; rows stay pending and are retried: ${(error as Error).message}`,
        (error as Error).stack,
        'OutboxRelay',
      );
    }
  }

  /** Deletes published rows older than the retention period. */
  async prune(): Promise<number> {
    const cutoff = new Date(Date.now() - this.retentionMs);
    const result: [unknown[], number] = await this.options.dataSource.query(
      `DELETE FROM "${this.schema}"."outbox_message" WHERE published_at < $1`,
      [cutoff],
    );
    return result[1];
  }

  private async relayBatch(): Promise<number> {
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows = (await runner.query(this.lockBatchSql, [this.batchSize])) as PendingRow[];
      const { sent, parked } = await this.sendOrPark(rows);
      if (sent.length > 0) {
        await this.markPublished(
          runner,
          sent.map((row) => row.id),
        );
      }
      if (parked.length > 0) {
        await this.park(runner, parked);
      }
      await runner.commitTransaction();
      if (sent.length > 0) {
        this.options.onPublished?.(
          sent.map((row) => ({
            eventId: row.event_id,
            topic: row.topic,
            key: row.message_key,
            createdAt: row.created_at,
          })),
        );
      }
      if (parked.length > 0) {
        for (const { row, reason } of parked) {
          this.options.logger?.error(
            `Outbox row ${row.id} (event ${row.event_id}, topic ${row.topic}) parked: Kafka refuses it for good (${reason})`,
            undefined,
            'OutboxRelay',
          );
        }
        this.options.onParked?.(
          parked.map(({ row, reason }) => ({ eventId: row.event_id, topic: row.topic, reason })),
        );
      }
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction().catch(() => undefined);
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Sends the batch; when Kafka refuses it for good, sends its rows one by one to find the
   * ones it refuses. A passing failure is thrown, and the batch stays pending (rows already
   * sent alone go again: consumers ignore the second copy).
   */
  private async sendOrPark(
    rows: readonly PendingRow[],
  ): Promise<{ sent: PendingRow[]; parked: { row: PendingRow; reason: string }[] }> {
    if (rows.length === 0) {
      return { sent: [], parked: [] };
    }
    try {
      await this.send(rows);
      return { sent: [...rows], parked: [] };
    } catch (error) {
      const reason = permanentRejection(error);
      if (reason === undefined) {
        throw error;
      }
      if (rows.length === 1) {
        return { sent: [], parked: [{ row: rows[0]!, reason }] };
      }
    }
    const sent: PendingRow[] = [];
    const parked: { row: PendingRow; reason: string }[] = [];
    for (const row of rows) {
      try {
        await this.send([row]);
        sent.push(row);
      } catch (error) {
        const reason = permanentRejection(error);
        if (reason === undefined) {
          throw error;
        }
        parked.push({ row, reason });
      }
    }
    return { sent, parked };
  }

  protected async send(rows: readonly PendingRow[]): Promise<void> {
    if (!this.producer) {
      throw new Error('Outbox relay is not started');
    }
    const byTopic = new Map<string, Message[]>();
    const spans: Span[] = [];
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({
        key: row.message_key,
        value: JSON.stringify(row.envelope),
        headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ...sendSpanHeaders(row, spans) },
      });
      byTopic.set(row.topic, messages);
    }
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, messages]) => ({
      topic,
      messages,
    }));
    try {
      await this.producer.sendBatch({ topicMessages, acks: -1 });
    } catch (error) {
      spans.forEach((span) => recordFailure(span, error));
      throw error;
    } finally {
      spans.forEach((span) => span.end());
    }
  }

  protected async markPublished(runner: QueryRunner, ids: readonly string[]): Promise<void> {
    await runner.query(
      `UPDATE "${this.schema}"."outbox_message" SET published_at = now() WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  protected async park(
    runner: QueryRunner,
    parked: readonly { row: PendingRow; reason: string }[],
  ): Promise<void> {
    await runner.query(
      `UPDATE "${this.schema}"."outbox_message" AS o SET parked_at = now(), park_reason = p.reason
       FROM unnest($1::bigint[], $2::varchar[]) AS p(id, reason) WHERE o.id = p.id`,
      [parked.map(({ row }) => row.id), parked.map(({ reason }) => reason.slice(0, 2000))],
    );
  }

  private get lockBatchSql(): string {
    const table = `"${this.schema}"."outbox_message"`;
    return `
      WITH locked AS (
        SELECT id, topic, message_key FROM ${table}
        WHERE published_at IS NULL AND parked_at IS NULL
        ORDER BY id
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      )
      SELECT o.id, o.event_id, o.topic, o.message_key, o.envelope, o.created_at,
             o.trace_parent, o.trace_state
      FROM ${table} o JOIN locked l ON l.id = o.id
      WHERE NOT EXISTS (
        SELECT 1 FROM ${table} e
        WHERE e.published_at IS NULL AND e.parked_at IS NULL
          AND e.topic = l.topic AND e.message_key = l.message_key AND e.id < l.id
          AND e.id NOT IN (SELECT id FROM locked)
      )
      ORDER BY o.id`;
  }

  private async listen(): Promise<void> {
    const url = (this.options.dataSource.options as { url?: string }).url;
    const client = new pg.Client({
      connectionString: url,
      application_name: 'outbox-relay',
    });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.options.logger?.warn(
        `Outbox LISTEN connection lost (${error.message}); polling until it is back`,
        'OutboxRelay',
      );
      this.scheduleReconnect(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${outboxChannel(this.schema)}"`);
      this.listener = client;
    } catch (error) {
      this.options.logger?.warn(
        `Outbox LISTEN unavailable (${(error as Error).message}); polling every ${this.pollIntervalMs} ms`,
        'OutboxRelay',
      );
      this.scheduleReconnect(client);
    }
  }

  private scheduleReconnect(client: pg.Client): void {
    void client.end().catch(() => undefined);
    if (this.listener === client) {
      this.listener = undefined;
    }
    if (this.stopped || this.reconnectTimer) {
      return;
    }
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.stopped) {
        void this.listen();
      }
    }, 1000);
  }
}

export type { PendingRow };
