import { SpanKind } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing } from '#platform';
import { SmtpSink, waitFor } from '#testing';
import { anFdsLine, csv, PROVIDER_HEADER } from '../apps/performance/test/builders.js';
import { WebPlatform } from './web/web-platform.js';

/** A month of lung FDS for the alliance's two trusts, and the published ALL CANCERS total. */
const lungMonth = (period: string, share: number) => [
  anFdsLine({ period, orgCode: 'RGT', total: 100, within: Math.round(100 * share) }),
  anFdsLine({ period, orgCode: 'RGN', total: 50, within: Math.round(50 * share) }),
  anFdsLine({ period, cancerType: 'ALL CANCERS', total: 150, within: 150 }),
];

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/**
 * One breach followed in one trace: the CWT upload in the web app, the import and detection at
 * performance, its outbox row sent to Kafka, the workflow's case, the agenda request it sends
 * to meetings, and the chair's e-mail. The services run in this process (membership apart), so
 * one in-memory exporter sees the spans of them all, with real Kafka, PostgreSQL, Redis and SMTP.
 */
describe('tracing: one breach, one trace, from the upload to the e-mail', () => {
  const exporter = new InMemorySpanExporter();
  let platform: WebPlatform<'chair'>;
  let smtp: SmtpSink;

  beforeAll(async () => {
    // Before the apps are made: their BullMQ queues are traced only when tracing is on.
    startTracing({ serviceName: 'platform', spanProcessors: [new SimpleSpanProcessor(exporter)] });
    smtp = await SmtpSink.start();
    platform = await WebPlatform.start(
      'TRACE',
      { chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' } },
      // No sweep during the test: the e-mail's job is queued after the case's commit, in its trace.
      {
        workflow: {
          NOTIFICATIONS_ENABLED: 'true',
          SMTP_URL: smtp.url,
          TIMER_SWEEP_SECONDS: '3600',
        },
      },
    );
    const admin = await platform.token(['admin']);
    await platform.mapProviders(admin, {
      RGT: 'Cambridge University Hospitals',
      RGN: 'North West Anglia',
    });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp?.close();
    await stopTracing();
  });

  it('carries the trace across the web app, three services and Kafka', async () => {
    const page = await platform.signedIn(['admin'], '/performance/upload');
    await page.locator('input[type=file][name=file]').setInputFiles({
      name: 'cwt-lung.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        csv(PROVIDER_HEADER, lungMonth('2026-03', 0.7), lungMonth('2026-04', 0.7)),
      ),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.waitForURL(/\/performance\/imports\//);
    await page.context().close();
    const chair = `chair.${platform.run}_membership@example.org`;
    await waitFor('the chair’s e-mail', () => smtp.to(chair)[0], { timeoutMs: 60_000 });

    const schema = (service: string) => `${platform.run}_${service}`;
    const spans = () => exporter.getFinishedSpans();
    const email = await waitFor('the e-mail’s span', () =>
      spans().find((span) => span.name === 'smtp send'),
    );
    const traceId = email.spanContext().traceId;
    const inTrace = () => spans().filter((span) => span.spanContext().traceId === traceId);
    const agendaRequest = await waitFor('meetings handling the agenda request in the trace', () =>
      inTrace().find(
        (span) =>
          span.kind === SpanKind.CONSUMER &&
          span.attributes['cloudevents.event_type'] === 'workflow.agenda-item-requested.v1',
      ),
    );
    // A span is exported when it ends, and a parent may end after its child (the job's span
    // after its e-mail's, a producer's after Kafka's answer): wait until no parent is missing.
    const trace = await waitFor('every parent in the trace to end', () => {
      const ended = inTrace();
      const ids = new Set(ended.map((span) => span.spanContext().spanId));
      const orphans = ended.filter((span) => !ids.has(parentOf(span) ?? ''));
      return orphans.length === 1 ? ended : undefined;
    });
    const byId = new Map(trace.map((span) => [span.spanContext().spanId, span]));

    // The root: the upload the admin's browser posted to the web app.
    const roots = trace.filter((span) => parentOf(span) === undefined);
    expect(roots.map((span) => [span.name, span.kind])).toEqual([
      ['POST /performance/upload', SpanKind.SERVER],
    ]);
    // The web app's call to performance, continued there from its traceparent header.
    const imported = trace.find((span) => span.name === 'POST /imports');
    expect(imported?.kind).toBe(SpanKind.SERVER);
    // Transactions in four schemas' worth of services: performance, workflow and meetings here.
    const namespaces = new Set(trace.map((span) => span.attributes['db.namespace']));
    for (const service of ['performance', 'workflow', 'meetings']) {
      expect(namespaces).toContain(schema(service));
    }
    // The broker's hops: each consumer span is the child of the relay's producer span.
    const breach = trace.find(
      (span) =>
        span.kind === SpanKind.CONSUMER &&
        String(span.attributes['cloudevents.event_type']).startsWith('performance.'),
    );
    expect(breach).toBeDefined();
    for (const consumed of [breach!, agendaRequest]) {
      const producer = byId.get(parentOf(consumed) ?? '');
      expect(producer?.kind).toBe(SpanKind.PRODUCER);
      expect(producer?.attributes['messaging.system']).toBe('kafka');
      expect(producer?.attributes['messaging.message.id']).toBe(
        consumed.attributes['messaging.message.id'],
      );
    }
    // The e-mail: sent by the notification job, queued by the workflow in the breach's trace.
    const ancestors: ReadableSpan[] = [];
    for (let span = byId.get(parentOf(email) ?? ''); span; span = byId.get(parentOf(span) ?? '')) {
      ancestors.push(span);
    }
    expect(
      ancestors.some((span) => span.kind === SpanKind.CONSUMER && /notification/.test(span.name)),
    ).toBe(true);
    expect(ancestors).toContain(breach);
    expect(ancestors.at(-1)).toBe(roots[0]);
    // Every span of the trace hangs from another of it: one tree, nothing lost on the way.
    for (const span of trace) {
      if (span !== roots[0]) {
        expect(byId.has(parentOf(span) ?? '')).toBe(true);
      }
    }
  });
});
