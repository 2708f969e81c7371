import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventOf, EventRegistry, EventSchemas, EventTypeOf, PayloadOf } from '#contracts';
import { currentContext, SYSTEM_ACTOR, traceHeaders } from '#platform';
import {
  auditInsert,
  auditParameters,
  recordAudit,
  targetsOf,
  type AuditedWrite,
} from '../audit/record-audit.js';

/** The subject (the Kafka key) is not among these: the contract derives it from the payload. */
export interface PublishOptions {
  /** Defaults to the correlation id of the request or event being handled. */
  readonly correlationId?: string;
  /** Defaults to the id of the event being handled, when there is one. */
  readonly causationId?: string;
}

/** The NOTIFY channel a schema's relay listens on. */
export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

/**
 * Writes events to the outbox inside the caller's transaction, so an event exists exactly
 * when the change that caused it was committed. The relay sends it to Kafka afterwards.
 */
export class EventPublisher<TMap extends EventSchemas> {
  constructor(
    private readonly registry: EventRegistry<TMap>,
    private readonly schema: string,
  ) {}

  /** What an event's audit entry is found by: its `…Id` fields and the fields of its key. */
  private targetsOf(type: EventTypeOf<TMap>, data: Record<string, unknown>): string[] {
    const keyed = this.registry
      .aboutOf(type)
      .key.map((field) => data[field])
      .filter((value): value is string => typeof value === 'string');
    return [...new Set([...targetsOf(data), ...keyed])];
  }

  /** Records a write that publishes no event in the audit log, in `manager`'s transaction. */
  audit(manager: EntityManager, write: AuditedWrite): Promise<void> {
    return recordAudit(manager, this.schema, write);
  }

  /**
   * Runs a write that publishes no event in a transaction of its own and records what it
   * returns (the row written) in the audit log, under `action`.
   */
  audited<T extends object>(
    dataSource: DataSource,
    action: string,
    write: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return dataSource.transaction(async (manager) => {
      const written = await write(manager);
      await this.audit(manager, { action, changes: { ...written } as Record<string, unknown> });
      return written;
    });
  }

  async publish<TType extends EventTypeOf<TMap>>(
    manager: EntityManager,
    type: TType,
    data: PayloadOf<TMap, TType>,
    options: PublishOptions = {},
  ): Promise<EventOf<TMap, TType>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        `Event ${type} must be published with the EntityManager of the transaction that makes the change`,
      );
    }
    const context = currentContext();
    const causationId = options.causationId ?? context?.causationId;
    const event = this.registry.build(type, data, {
      correlationId: options.correlationId ?? context?.correlationId ?? randomUUID(),
      ...(causationId ? { causationId } : {}),
      actor: context?.actor ?? SYSTEM_ACTOR,
    });
    // The trace of the work that publishes (nothing while tracing is off): the relay sends the
    // event in it, whenever and wherever it runs.
    const trace = traceHeaders();
    // One round trip: the row, its audit entry and its notification (delivered at commit, never
    // on rollback). Writers' round trips are what limits outbox throughput (docs/performance.md).
    await manager.query(
      `WITH written AS (
         INSERT INTO "${this.schema}"."outbox_message"
           (event_id, topic, message_key, event_type, envelope, trace_parent, trace_state)
         VALUES ($1, $2, $3, $4, $5, $7, $8) RETURNING 1
       ), audited AS (
         ${auditInsert(this.schema, 9)}
       )
       SELECT pg_notify($6, '') FROM written`,
      [
        event.id,
        this.registry.topicOf(type),
        event.subject,
        event.type,
        JSON.stringify(event),
        outboxChannel(this.schema),
        trace.traceparent ?? null,
        // Vendors' state past 512 characters is dropped whole, as W3C allows, never cut.
        trace.tracestate !== undefined && trace.tracestate.length <= 512 ? trace.tracestate : null,
        ...auditParameters({
          action: event.type,
          changes: event.data as Record<string, unknown>,
          targets: this.targetsOf(type, event.data as Record<string, unknown>),
          correlationId: event.correlationid,
          eventId: event.id,
        }),
      ],
    );
    return event;
  }
}
