import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type SpanOptions,
} from '@opentelemetry/api';

/** The instrumentation scope of the platform's own spans. */
const TRACER_NAME = 'cancer-network';

export function platformTracer() {
  return trace.getTracer(TRACER_NAME);
}

/** The W3C trace context of a span, as it travels in HTTP and Kafka headers. */
export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

/** The active span's `traceparent` (and `tracestate`), or nothing outside any recorded span. */
export function traceHeaders(from: Context = context.active()): TraceHeaders {
  const carrier: TraceHeaders = {};
  propagation.inject(from, carrier);
  return carrier;
}

type HeaderValue = string | Buffer | readonly (string | Buffer)[] | undefined;

/** The trace context that headers (HTTP, or Kafka's Buffers) carry; the root when none. */
export function contextFromHeaders(
  headers: Readonly<Record<string, HeaderValue>> | TraceHeaders,
): Context {
  const carrier: Record<string, string> = {};
  for (const name of ['traceparent', 'tracestate'] as const) {
    const value = (headers as Readonly<Record<string, HeaderValue>>)[name];
    const first = Array.isArray(value) ? (value as (string | Buffer)[])[0] : value;
    if (first !== undefined) {
      carrier[name] = first.toString();
    }
  }
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** Marks a span failed with the error that ended its work. */
export function recordFailure(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

/**
 * Runs `work` in a new span, active for everything it calls, child of `parent` (the active
 * context by default); the span records a thrown error and ends when the work does.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions & { parent?: Context },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const { parent, ...spanOptions } = options;
  return platformTracer().startActiveSpan(
    name,
    spanOptions,
    parent ?? context.active(),
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        recordFailure(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The ids of the active span, for log lines; nothing outside a recorded span. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  return spanContext !== undefined && trace.isSpanContextValid(spanContext)
    ? { traceId: spanContext.traceId, spanId: spanContext.spanId }
    : undefined;
}
