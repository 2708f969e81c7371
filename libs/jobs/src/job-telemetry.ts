import type { QueueBaseOptions } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';
import { tracingEnabled } from '#platform';

/**
 * The options that trace a BullMQ queue or worker while tracing is on: a span for adding a job
 * (child of the work that adds it, whose context the job carries in Redis) and one for
 * processing it (child of that), so a job a Kafka event queued stays in the event's trace.
 * `bullmq-otel` is BullMQ's own OpenTelemetry binding for its `telemetry` option; it keeps the
 * context in the job's options, so the job payloads do not change. Nothing while tracing is off.
 */
export function jobTelemetry(): Pick<QueueBaseOptions, 'telemetry'> {
  return tracingEnabled() ? { telemetry: new BullMQOtel({ tracerName: 'cancer-network' }) } : {};
}
