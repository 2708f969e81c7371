import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { jobTelemetry } from '#jobs';
import type { WorkflowConfig } from '../config.js';
import { takeAfterCommit, type AfterCommitChannel } from './after-commit.js';

type NameOf<J> = Extract<keyof J, string>;

/** A job of a queue whose jobs are `J` (name to payload), its data typed by its name. */
export type QueueJob<J, N extends NameOf<J> = NameOf<J>> = Job<J[N], string, N>;

/**
 * What runs each job of a queue, by name; each answers what it did. The job's row decides
 * whether anything is left to do.
 */
export type JobHandlers<J> = { [N in NameOf<J>]: (job: QueueJob<J, N>) => Promise<string> };

/**
 * Every job name of a queue, for its jobs file: the compiler checks the list against the
 * queue's jobs type (each name once, no other), and start-up checks each has a handler.
 */
export function jobNames<J>(names: Record<NameOf<J>, true>): readonly NameOf<J>[] {
  return Object.keys(names) as NameOf<J>[];
}

export interface SweptQueueSpec<J> {
  /** The BullMQ queue's name. */
  readonly name: string;
  /** Every job name of the queue, from its jobs file. */
  readonly jobNames: readonly NameOf<J>[];
  readonly channel: AfterCommitChannel;
  readonly enabled: boolean;
  /** Jobs the worker runs at once; 1 unless given. */
  readonly concurrency?: number;
}

/**
 * A BullMQ queue whose truth is in PostgreSQL: rows (deadlines, notifications) say what must
 * happen, jobs make it happen. Work a transaction noted for the queue's channel starts once it
 * commits; a sweep in this process, on an interval, catches what that missed (a crash between
 * commit and queueing, a Redis that lost its jobs). The sweep is not a BullMQ repeatable job,
 * which a Redis flush would take with it. The worker runs each job by its name through the
 * queue's handlers; start-up fails when a name of the queue's jobs file has none.
 *
 * Why a wrapper and not `@nestjs/bullmq`: it declares queues and processors when the module is
 * defined, before config is read, so it cannot switch a queue on or off by config at boot; and
 * it has nothing for what these queues need most, arming jobs from committed PostgreSQL rows
 * after commit and re-arming them from an in-process sweep that survives a Redis flush. Both
 * would still need this class around it.
 */
export abstract class SweptQueue<J extends { [N in keyof J]: object }>
  implements OnApplicationBootstrap, OnApplicationShutdown, EntitySubscriberInterface
{
  protected queue: Queue<J[NameOf<J>], string, NameOf<J>> | undefined;
  private worker: Worker<J[NameOf<J>], string, NameOf<J>> | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> | undefined;

  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly config: WorkflowConfig,
    protected readonly logger: Logger,
    private readonly spec: SweptQueueSpec<J>,
  ) {}

  /** The handler of each job of the queue, by name. */
  protected abstract readonly handlers: JobHandlers<J>;

  /** Starts the work a committed transaction noted. */
  protected abstract committed(ids: string[]): Promise<void>;

  /** One pass of catching up. */
  protected abstract sweepOnce(): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    this.assertEveryJobHandled();
    if (!this.spec.enabled) {
      return;
    }
    const options = {
      connection: { url: this.config.REDIS_URL },
      prefix: this.config.QUEUE_PREFIX,
      // Each job in the trace of the work that queued it (a case's event, say), while tracing is on.
      ...jobTelemetry(),
    };
    this.queue = new Queue<J[NameOf<J>], string, NameOf<J>>(this.spec.name, options);
    this.worker = new Worker<J[NameOf<J>], string, NameOf<J>>(
      this.spec.name,
      (job) => this.dispatch(job),
      { ...options, concurrency: this.spec.concurrency ?? 1 },
    );
    this.worker.on('failed', (job, error) => {
      this.logger.warn(`${this.spec.name} job ${job?.id ?? '?'} failed: ${error.message}`);
    });
    // A worker without an error listener would throw its connection errors at the process.
    this.worker.on('error', (error) => {
      this.logger.error(`${this.spec.name} worker: ${error.message}`);
    });
    this.dataSource.subscribers.push(this);
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), this.config.TIMER_SWEEP_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) {
      this.dataSource.subscribers.splice(index, 1);
    }
    await this.sweeping;
    await this.worker?.close();
    await this.queue?.close();
  }

  /** A job name its jobs file lists but no handler takes is a bug: the service does not start. */
  private assertEveryJobHandled(): void {
    const unhandled = this.spec.jobNames.filter(
      (name) => typeof (this.handlers as Record<string, unknown>)[name] !== 'function',
    );
    if (unhandled.length > 0) {
      throw new Error(`Queue ${this.spec.name} has no handler for job ${unhandled.join(', ')}`);
    }
  }

  private async dispatch(job: QueueJob<J>): Promise<string> {
    // A name from Redis that no handler takes (an older or newer release's job) fails the job.
    if (!Object.hasOwn(this.handlers, job.name)) {
      throw new Error(`No handler for job ${job.name} on ${this.spec.name}`);
    }
    const handler: (job: QueueJob<J>) => Promise<string> = this.handlers[job.name];
    return handler(job);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const ids = takeAfterCommit(event.queryRunner.data, this.spec.channel);
    if (ids.length > 0 && this.queue) {
      // Best effort: what fails here, the next sweep does.
      void this.committed(ids).catch((error: Error) =>
        this.logger.warn(
          `${this.spec.name} after commit failed; the sweep will catch up: ${error.message}`,
        ),
      );
    }
  }

  /** One sweep at a time; a call while one runs waits for it. */
  sweep(): Promise<unknown> {
    if (!this.queue) {
      return Promise.resolve();
    }
    this.sweeping ??= this.sweepOnce()
      .catch((error: Error) =>
        this.logger.error(`${this.spec.name} sweep failed: ${error.message}`, error.stack),
      )
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }
}
