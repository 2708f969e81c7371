import { context, SpanKind, trace, type Span } from '@opentelemetry/api';
import {
  EventSubscriber,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type TransactionStartEvent,
} from 'typeorm';
import { schemaOf } from './schema-of.js';
import { platformTracer } from '../tracing/spans.js';
import { tracingEnabled } from '../tracing/tracing.js';

// A query runner's open transactions, innermost last (a nested one is a savepoint); undefined
// for one opened outside any traced work.
const open = new WeakMap<QueryRunner, (Span | undefined)[]>();

/**
 * A span for each database transaction, from BEGIN to COMMIT or ROLLBACK, child of the work
 * that opened it (the request, the event handled, the job). TypeORM tells its subscribers of
 * every transaction of the data source, whichever code opens it, which is the one seam all of
 * them pass; the PostgreSQL driver's own instrumentation would need a `require` hook (see
 * tracing.ts). Only transactions inside traced work get one: the outbox relay's polls, the
 * sweeps and pruners open a transaction every second or so, and a trace of each would bury
 * the traces people follow (the events they send are traced, from the context saved with each
 * outbox row). Its statements are not spans: a transaction's duration and outcome are what a
 * trace of a breach needs, and statements would be most of its spans.
 */
// TypeORM takes only decorated classes from a data source's `subscribers`.
@EventSubscriber()
export class TransactionSpans implements EntitySubscriberInterface {
  beforeTransactionStart(event: TransactionStartEvent): void {
    if (!tracingEnabled()) {
      return;
    }
    const depth = open.get(event.queryRunner) ?? [];
    const active = context.active();
    const span =
      trace.getSpan(active) === undefined
        ? undefined
        : platformTracer().startSpan(
            depth.length === 0 ? 'db.transaction' : 'db.savepoint',
            {
              kind: SpanKind.CLIENT,
              attributes: {
                'db.system.name': 'postgresql',
                'db.namespace': schemaOf(event.connection),
              },
            },
            active,
          );
    open.set(event.queryRunner, [...depth, span]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    this.end(event.queryRunner, 'commit');
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.end(event.queryRunner, 'rollback');
  }

  private end(runner: QueryRunner, outcome: 'commit' | 'rollback'): void {
    const span = open.get(runner)?.pop();
    if (span === undefined) {
      return;
    }
    // A rollback is not always a failure (a refused command rolls back on purpose): an
    // attribute, not an error status; the work that failed marks its own span.
    span.setAttribute('db.transaction.outcome', outcome);
    span.end();
  }
}
