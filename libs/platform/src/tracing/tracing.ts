import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/**
 * OpenTelemetry for the services, from the official SDK packages: `@opentelemetry/api` is what
 * the code calls (a no-op until a provider is registered), `sdk-trace-node` the provider with
 * its AsyncLocalStorage context manager, `core`'s W3C trace-context propagator for the
 * `traceparent`/`tracestate` headers, and the OTLP/HTTP exporter, which any collector accepts.
 *
 * Spans are made by hand at the platform's own seams (HTTP requests, transactions, the outbox,
 * Kafka, BullMQ through `bullmq-otel`, e-mail) rather than by the auto-instrumentations: those
 * hook `require`, and the services run as ES modules (under @swc-node in development and under
 * jest's module registry in tests), where the hooks see only some modules. A span made by hand
 * is there whichever loader runs the code.
 */

export type TraceExporterName = 'otlp' | 'console';

/**
 * The exporters the standard variables ask for; none means tracing stays off. Unlike the SDK's
 * own default (`otlp`), nothing is exported unless asked for: `OTEL_TRACES_EXPORTER` names them,
 * or an OTLP endpoint is set. `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` switches
 * it off whatever else is set.
 */
export function traceExporters(env: NodeJS.ProcessEnv): TraceExporterName[] {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') {
    return [];
  }
  const named = (env['OTEL_TRACES_EXPORTER'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (named.includes('none')) {
    return [];
  }
  if (named.length > 0) {
    const unknown = named.filter((name) => name !== 'otlp' && name !== 'console');
    if (unknown.length > 0) {
      throw new Error(
        `OTEL_TRACES_EXPORTER names ${unknown.join(', ')}; the services export to otlp, console or none`,
      );
    }
    return [...new Set(named)] as TraceExporterName[];
  }
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  return endpoint !== undefined && endpoint.trim() !== '' ? ['otlp'] : [];
}

export interface TracingOptions {
  /** `service.name` unless OTEL_SERVICE_NAME (or OTEL_RESOURCE_ATTRIBUTES) says otherwise. */
  readonly serviceName: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where spans go instead of the exporters the variables name (tests: an in-memory one). */
  readonly spanProcessors?: SpanProcessor[];
}

let provider: NodeTracerProvider | undefined;
let startedFromEnvironment = false;

/**
 * Registers the process's tracer provider, W3C propagator and context manager when the
 * variables ask for tracing (or a test passes its processors); otherwise registers nothing and
 * every span the code makes is the API's no-op. Call it once, before the app is created.
 */
export function startTracing(options: TracingOptions): boolean {
  const env = options.env ?? process.env;
  const spanProcessors =
    options.spanProcessors ??
    traceExporters(env).map((name) =>
      name === 'otlp'
        ? // Reads OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS, _TIMEOUT, _COMPRESSION itself.
          new BatchSpanProcessor(new OTLPTraceExporter())
        : new BatchSpanProcessor(new ConsoleSpanExporter()),
    );
  if (spanProcessors.length === 0 || provider !== undefined) {
    return provider !== undefined;
  }
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  provider = new NodeTracerProvider({ resource, spanProcessors });
  startedFromEnvironment = options.spanProcessors === undefined;
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return true;
}

/** Whether a provider is registered: the code skips what only serves tracing when not. */
export function tracingEnabled(): boolean {
  return provider !== undefined;
}

/** Sends the spans still buffered and unregisters the provider (at shutdown, and in tests). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  startedFromEnvironment = false;
  if (stopping === undefined) {
    return;
  }
  await stopping.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

/**
 * Flushes the spans still buffered when the app shuts down (SIGTERM through Nest's shutdown
 * hooks), when the process started tracing from its variables. A test that registers its own
 * processors and runs several apps in one process stops tracing itself.
 */
@Module({})
export class TracingModule implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    if (startedFromEnvironment) {
      await stopTracing();
    }
  }
}
