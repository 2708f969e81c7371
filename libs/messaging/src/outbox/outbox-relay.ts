import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import { Partitioners, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { CLOUDEVENTS_CONTENT_TYPE } from '#contracts';
import { schemaOf } from '#platform';
import { outboxChannel } from './event-publisher.js';

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
}

export interface PublishedRow {
  readonly eventId: string;
  readonly topic: string;
  readonly key: string;
  readonly createdAt: Date;
}

interface PendingRow {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  envelope: object;
  created_at: Date;
}

/**
 * Sends outbox rows to Kafka and marks them published.
 *
 * Several relays may run against one schema (one per service instance). Each locks a batch
 * with FOR UPDATE SKIP LOCKED, and leaves out any row whose key has an earlier unpublished
 * row it does not hold, so a key's events reach Kafka in id order whichever relay sends
 * them. A relay that dies after sending and before marking leaves its rows unmarked; they
 * are sent again, and consumers, which record event ids, ignore the second copy.
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
      if (rows.length > 0) {
        await this.send(rows);
        await this.markPublished(
          runner,
          rows.map((row) => row.id),
        );
      }
      await runner.commitTransaction();
      if (rows.length > 0) {
        this.options.onPublished?.(
          rows.map((row) => ({
            eventId: row.event_id,
            topic: row.topic,
            key: row.message_key,
            createdAt: row.created_at,
          })),
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

  protected async send(rows: readonly PendingRow[]): Promise<void> {
    if (!this.producer) {
      throw new Error('Outbox relay is not started');
    }
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({
        key: row.message_key,
        value: JSON.stringify(row.envelope),
        headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
      });
      byTopic.set(row.topic, messages);
    }
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, messages]) => ({
      topic,
      messages,
    }));
    await this.producer.sendBatch({ topicMessages, acks: -1 });
  }

  protected async markPublished(runner: QueryRunner, ids: readonly string[]): Promise<void> {
    await runner.query(
      `UPDATE "${this.schema}"."outbox_message" SET published_at = now() WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  private get lockBatchSql(): string {
    const table = `"${this.schema}"."outbox_message"`;
    return `
      WITH locked AS (
        SELECT id, topic, message_key FROM ${table}
        WHERE published_at IS NULL
        ORDER BY id
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      )
      SELECT o.id, o.event_id, o.topic, o.message_key, o.envelope, o.created_at
      FROM ${table} o JOIN locked l ON l.id = o.id
      WHERE NOT EXISTS (
        SELECT 1 FROM ${table} e
        WHERE e.published_at IS NULL
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
