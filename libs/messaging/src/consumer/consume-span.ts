import { SpanKind } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import type { EventEnvelope } from '#contracts';
import { contextFromHeaders, inSpan } from '#platform';

/**
 * Runs one try at handling an event in a consumer span, child of the producer span whose
 * context the message carries (the outbox relay writes it), so the trace of the work that
 * published the event goes on here. Its transaction and what the handler does are its children.
 * Each try is one span, so a retried event shows its retries, spaced by `retryBackoff`.
 */
export function consumeSpan<T extends string>(
  event: EventEnvelope,
  source: { topic: string; partition: number; offset: string; headers: IHeaders },
  consumer: string,
  parked: boolean,
  work: () => Promise<T>,
): Promise<T> {
  return inSpan(
    `process ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      parent: contextFromHeaders(source.headers),
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': source.topic,
        'messaging.consumer.group.name': consumer,
        'messaging.destination.partition.id': String(source.partition),
        'messaging.kafka.offset': Number(source.offset),
        'messaging.message.id': event.id,
        'cloudevents.event_type': event.type,
        'messaging.kafka.message.parked': parked,
      },
    },
    async (span) => {
      const outcome = await work();
      span.setAttribute('messaging.outcome', outcome);
      return outcome;
    },
  );
}

/** How long before try `attempt + 1` of a failing handler: exponential, capped, jittered. */
export function retryBackoff(attempt: number, initialMs = 200, maxMs = 5_000): number {
  const exponential = Math.min(maxMs, initialMs * 2 ** (attempt - 1));
  return exponential / 2 + Math.random() * (exponential / 2); // jitter
}
