import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventOf, EventRegistry, EventSchemas, EventTypeOf, PayloadOf } from '#contracts';
import { currentContext } from '#platform';
import { OutboxMessage } from './outbox-message.entity.js';

export interface PublishOptions {
  /** The aggregate the event is about: envelope subject and Kafka key. */
  readonly subject: string;
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

  async publish<TType extends EventTypeOf<TMap>>(
    manager: EntityManager,
    type: TType,
    data: PayloadOf<TMap, TType>,
    options: PublishOptions,
  ): Promise<EventOf<TMap, TType>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        `Event ${type} must be published with the EntityManager of the transaction that makes the change`,
      );
    }
    const context = currentContext();
    const causationId = options.causationId ?? context?.causationId;
    const event = this.registry.build(type, data, {
      subject: options.subject,
      correlationId: options.correlationId ?? context?.correlationId ?? randomUUID(),
      ...(causationId ? { causationId } : {}),
    });
    await manager.getRepository(OutboxMessage).insert({
      eventId: event.id,
      topic: this.registry.topicOf(type),
      messageKey: event.subject,
      eventType: event.type,
      envelope: event,
    });
    // Delivered at commit, and never if the transaction rolls back.
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
    return event;
  }
}
