import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { NotKnownYetError } from '#platform';

/** A parked row as the retry reads it back. */
export interface ParkedRow {
  readonly eventId: string;
  readonly eventType: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer;
  readonly headers: Record<string, string | string[]>;
  readonly attempts: number;
}

export interface ParkRequest {
  readonly eventId: string;
  readonly eventType: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly message: KafkaMessage;
  readonly reason: string;
  readonly waitsFor: string | null;
  readonly retryInMs: number;
}

/** Kafka headers as JSON: each value as text, as the platform's producers write them. */
export function headersAsJson(headers: IHeaders | undefined): Record<string, string | string[]> {
  const json: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) {
      continue;
    }
    json[name] = Array.isArray(value) ? value.map((v) => v.toString()) : value.toString();
  }
  return json;
}

/** A parked row as a Kafka message again, for the handler path and the dead-letter topic. */
export function messageOf(row: ParkedRow): KafkaMessage {
  return {
    key: row.key === null ? null : Buffer.from(row.key),
    value: row.value,
    headers: row.headers,
    offset: row.offset,
    timestamp: '0',
    attributes: 0,
  };
}

/** Where a parked row's message came from, as the consumer's handler path reads it. */
export function sourceOf(row: ParkedRow) {
  const { topic, partition, offset, key, headers } = row;
  return { topic, partition, offset, key, headers };
}

/** The SQL of one consumer's parked events, in the service's messaging schema. */
export class ParkedEventStore {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    private readonly consumer: string,
  ) {
    this.table = `"${schema}"."parked_event"`;
  }

  /** Parks an event; a redelivered one already parked keeps its row. */
  async park(request: ParkRequest): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.table} (consumer, event_id, event_type, source_topic, source_partition,
         source_offset, message_key, message_value, message_headers, reason, waits_for, attempts,
         next_retry_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, now() + make_interval(secs => $12))
       ON CONFLICT (consumer, event_id) DO NOTHING`,
      [
        this.consumer,
        request.eventId,
        request.eventType,
        request.topic,
        request.partition,
        request.offset,
        request.message.key?.toString() ?? null,
        request.message.value,
        headersAsJson(request.message.headers),
        request.reason.slice(0, 2000),
        request.waitsFor,
        request.retryInMs / 1000,
      ],
    );
  }

  /**
   * Rows to try, in the order they were consumed: those due, or (`all`) every one, as when a
   * fact arrived that may unblock them.
   */
  async candidates(all: boolean, limit: number): Promise<ParkedRow[]> {
    const rows = await this.dataSource.query<
      {
        event_id: string;
        event_type: string;
        source_topic: string;
        source_partition: number;
        source_offset: string;
        message_key: string | null;
        message_value: Buffer;
        message_headers: Record<string, string | string[]>;
        attempts: number;
      }[]
    >(
      `SELECT event_id, event_type, source_topic, source_partition, source_offset::text,
              message_key, message_value, message_headers, attempts
         FROM ${this.table}
        WHERE consumer = $1 ${all ? '' : 'AND next_retry_at <= now()'}
        ORDER BY source_topic, source_partition, source_offset
        LIMIT $2`,
      [this.consumer, limit],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      eventType: row.event_type,
      topic: row.source_topic,
      partition: row.source_partition,
      offset: row.source_offset,
      key: row.message_key,
      value: row.message_value,
      headers: row.message_headers,
      attempts: row.attempts,
    }));
  }

  /** Takes the row for this transaction; false when another instance has it, or it is gone. */
  async lock(manager: EntityManager, eventId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ${this.table} WHERE consumer = $1 AND event_id = $2 FOR UPDATE SKIP LOCKED`,
      [this.consumer, eventId],
    );
    return rows.length === 1;
  }

  /** Throws NotKnownYetError when an event of the same key, consumed before, is parked. */
  async refuseIfParkedAhead(
    manager: EntityManager,
    source: { topic: string; key: string | null; offset: string },
  ): Promise<void> {
    if (source.key === null) {
      return;
    }
    const [ahead] = await manager.query<{ event_id: string }[]>(
      `SELECT event_id FROM ${this.table}
        WHERE consumer = $1 AND source_topic = $2 AND message_key = $3 AND source_offset < $4
        ORDER BY source_offset LIMIT 1`,
      [this.consumer, source.topic, source.key, source.offset],
    );
    if (ahead) {
      throw new NotKnownYetError(`Waits behind parked event ${ahead.event_id} of the same key`, {
        waitsFor: `event:${ahead.event_id}`,
      });
    }
  }

  async remove(manager: EntityManager | DataSource, eventId: string): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE consumer = $1 AND event_id = $2`, [
      this.consumer,
      eventId,
    ]);
  }

  /** Another try failed: it stays parked, with the latest reason, until `retryInMs` from now. */
  async failed(
    eventId: string,
    reason: string,
    waitsFor: string | null,
    retryInMs: number,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table}
          SET attempts = attempts + 1, reason = $3, waits_for = $4,
              next_retry_at = now() + make_interval(secs => $5)
        WHERE consumer = $1 AND event_id = $2`,
      [this.consumer, eventId, reason.slice(0, 2000), waitsFor, retryInMs / 1000],
    );
  }

  async count(): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${this.table} WHERE consumer = $1`,
      [this.consumer],
    );
    return row?.n ?? 0;
  }
}
