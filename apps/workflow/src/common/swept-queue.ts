import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import type { WorkflowConfig } from '../config.js';
import { takeAfterCommit, type AfterCommitChannel } from './after-commit.js';

/**
 * A BullMQ queue whose truth is in PostgreSQL: rows (deadlines, notifications) say what must
 * happen, jobs make it happen. Work a transaction noted for the queue's channel starts once it
 * commits; a sweep in this process, on an interval, catches what that missed (a crash between
 * commit and queueing, a Redis that lost its jobs). The sweep is not a BullMQ repeatable job,
 * which a Redis flush would take with it.
 */
export abstract class SweptQueue<T extends object>
  implements OnApplicationBootstrap, OnApplicationShutdown, EntitySubscriberInterface
{
  protected queue: Queue<T> | undefined;
  private worker: Worker<T> | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> | undefined;

  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly config: WorkflowConfig,
    protected readonly logger: Logger,
    private readonly spec: { name: string; channel: AfterCommitChannel; enabled: boolean },
  ) {}

  /** Runs one job; the row it names decides whether there is anything left to do. */
  protected abstract process(job: Job<T>): Promise<string>;

  /** Starts the work a committed transaction noted. */
  protected abstract committed(ids: string[]): Promise<void>;

  /** One pass of catching up. */
  protected abstract sweepOnce(): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    if (!this.spec.enabled) {
      return;
    }
    const options = {
      connection: { url: this.config.REDIS_URL },
      prefix: this.config.QUEUE_PREFIX,
    };
    this.queue = new Queue<T>(this.spec.name, options);
    this.worker = new Worker<T>(this.spec.name, (job) => this.process(job), options);
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
