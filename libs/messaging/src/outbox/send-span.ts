import { SpanKind, trace, type Span } from '@opentelemetry/api';
import { contextFromHeaders, platformTracer, traceHeaders, tracingEnabled } from '#platform';

/** What of an outbox row tells its trace: the W3C context saved when it was written. */
export interface TracedRow {
  readonly event_id: string;
  readonly topic: string;
  readonly message_key: string;
  readonly trace_parent: string | null;
  readonly trace_state: string | null;
}

/**
 * The trace headers of a row's Kafka message. While tracing is on, a producer span in the trace
 * the row was written in (the broker's hop in that trace, added to `spans` for the caller to
 * end once Kafka answers), and its context in the headers, so the consumer's span is its child.
 * While it is off, the saved context passes through unchanged, so a relay without tracing does
 * not break the trace.
 */
export function sendSpanHeaders(row: TracedRow, spans: Span[]): Record<string, string> {
  if (row.trace_parent === null) {
    return {};
  }
  const saved = {
    traceparent: row.trace_parent,
    ...(row.trace_state !== null && { tracestate: row.trace_state }),
  };
  if (!tracingEnabled()) {
    return saved;
  }
  const parent = contextFromHeaders(saved);
  const span = platformTracer().startSpan(
    `send ${row.topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': row.topic,
        'messaging.kafka.message.key': row.message_key,
        'messaging.message.id': row.event_id,
      },
    },
    parent,
  );
  spans.push(span);
  return { ...traceHeaders(trace.setSpan(parent, span)) };
}
