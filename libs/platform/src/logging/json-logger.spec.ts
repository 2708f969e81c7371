import { Logger } from '@nestjs/common';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { inSpan } from '../tracing/spans.js';
import { startTracing, stopTracing } from '../tracing/tracing.js';
import { JsonLogger } from './json-logger.service.js';
import { currentContext, runWithContext } from './request-context.js';

function collectingLogger(level: 'info' | 'debug' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  };
  return { logger: new JsonLogger({ service: 'membership', level, destination }), lines };
}

describe('JsonLogger', () => {
  it('writes the correlation id of the context the line is logged in', async () => {
    const { logger, lines } = collectingLogger();

    await runWithContext({ correlationId: 'req-42', causationId: 'evt-7' }, async () => {
      await Promise.resolve();
      logger.log('member appointed', 'AppointmentsService');
    });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'member appointed',
      service: 'membership',
      context: 'AppointmentsService',
      correlationId: 'req-42',
      causationId: 'evt-7',
    });
  });

  it('writes the trace and span ids of the active span beside the correlation id', async () => {
    const { logger, lines } = collectingLogger();
    const exporter = new InMemorySpanExporter();
    startTracing({
      serviceName: 'membership',
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    let finished;
    try {
      await runWithContext({ correlationId: 'req-43' }, () =>
        inSpan('appoint', {}, () => Promise.resolve(logger.log('member appointed'))),
      );
      logger.log('outside the span');
      finished = exporter.getFinishedSpans();
    } finally {
      await stopTracing();
    }

    const span = finished[0]!.spanContext();
    expect(lines[0]).toMatchObject({
      correlationId: 'req-43',
      traceId: span.traceId,
      spanId: span.spanId,
    });
    expect(lines[0]!['traceId']).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[1]).not.toHaveProperty('traceId');
    expect(lines[1]).not.toHaveProperty('spanId');
  });

  it('writes no trace ids while tracing is off', async () => {
    const { logger, lines } = collectingLogger();

    await inSpan('appoint', {}, () => Promise.resolve(logger.log('member appointed')));

    expect(lines[0]).not.toHaveProperty('traceId');
  });

  it('writes no correlation id outside any context', () => {
    const { logger, lines } = collectingLogger();

    logger.warn('booting');

    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'booting', service: 'membership' });
    expect(lines[0]).not.toHaveProperty('correlationId');
  });

  it('keeps the stack and context Nest passes with errors apart', () => {
    const { logger, lines } = collectingLogger();
    const stack = new Error('boom').stack ?? '';

    logger.error('Unhandled failure', stack, 'ExceptionsHandler');

    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'Unhandled failure',
      stack,
      context: 'ExceptionsHandler',
    });
  });

  it('drops lines below its level', () => {
    const { logger, lines } = collectingLogger('info');

    logger.debug('noise');
    logger.verbose('more noise');

    expect(lines).toHaveLength(0);
  });

  it('serves as the sink of Nest Loggers once installed', () => {
    const { logger, lines } = collectingLogger();
    Logger.overrideLogger(logger);
    try {
      runWithContext({ correlationId: 'abc' }, () => new Logger('CasesService').log('opened'));
    } finally {
      Logger.overrideLogger(false);
    }

    expect(lines[0]).toMatchObject({
      msg: 'opened',
      context: 'CasesService',
      correlationId: 'abc',
    });
  });
});

describe('request context', () => {
  it('is undefined outside runWithContext and restored after it', () => {
    expect(currentContext()).toBeUndefined();
    const inside = runWithContext({ correlationId: 'x' }, () => currentContext());
    expect(inside).toEqual({ correlationId: 'x' });
    expect(currentContext()).toBeUndefined();
  });
});
