import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { contextFromHeaders, inSpan, traceHeaders } from './spans.js';
import { startTracing, stopTracing, traceExporters, tracingEnabled } from './tracing.js';

describe('traceExporters', () => {
  it('exports nothing when no OTEL_* variable asks for it', () => {
    expect(traceExporters({})).toEqual([]);
  });

  it('exports over OTLP when an endpoint is set', () => {
    expect(traceExporters({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual([
      'otlp',
    ]);
    expect(
      traceExporters({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' }),
    ).toEqual(['otlp']);
  });

  it('takes the exporters OTEL_TRACES_EXPORTER names, and none or OTEL_SDK_DISABLED over all', () => {
    expect(traceExporters({ OTEL_TRACES_EXPORTER: 'console, otlp' })).toEqual(['console', 'otlp']);
    expect(
      traceExporters({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c' }),
    ).toEqual([]);
    expect(
      traceExporters({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c' }),
    ).toEqual([]);
  });

  it('refuses an exporter the services do not have', () => {
    expect(() => traceExporters({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/zipkin/);
  });
});

describe('startTracing', () => {
  afterEach(() => stopTracing());

  it('registers nothing when the variables ask for nothing', async () => {
    expect(startTracing({ serviceName: 'workflow', env: {} })).toBe(false);
    expect(tracingEnabled()).toBe(false);
    await inSpan('work', {}, () => Promise.resolve(expect(traceHeaders()).toEqual({})));
  });

  it('carries a span in W3C traceparent headers, and a child continues its trace', async () => {
    const exporter = new InMemorySpanExporter();
    startTracing({
      serviceName: 'workflow',
      env: {},
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });

    const headers = await inSpan('publish', {}, () => Promise.resolve(traceHeaders()));
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const consumedIn = await inSpan('consume', { parent: contextFromHeaders(headers) }, () =>
      Promise.resolve(trace.getSpan(context.active())?.spanContext().traceId),
    );
    expect(consumedIn).toBe(headers.traceparent?.split('-')[1]);

    const [publish, consume] = exporter.getFinishedSpans();
    expect(consume?.spanContext().traceId).toBe(publish?.spanContext().traceId);
    expect(consume?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
    expect(publish?.resource.attributes['service.name']).toBe('workflow');
  });

  it('marks a span failed when its work throws', async () => {
    const exporter = new InMemorySpanExporter();
    startTracing({
      serviceName: 'x',
      env: {},
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });

    await expect(inSpan('send', {}, () => Promise.reject(new Error('smtp down')))).rejects.toThrow(
      'smtp down',
    );

    expect(exporter.getFinishedSpans()[0]?.status).toMatchObject({ code: 2, message: 'smtp down' });
  });
});
