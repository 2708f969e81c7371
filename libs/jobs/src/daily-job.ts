import {
  Inject,
  Injectable,
  Logger,
  type LoggerService,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
  type Type,
} from '@nestjs/common';
import { APP_CONFIG, Clock, MetricsService } from '#platform';
import { Queue, Worker } from 'bullmq';
import type { Counter } from 'prom-client';
import { jobTelemetry } from './job-telemetry.js';

/** How often a running DailyJob checks that Redis still holds its schedule. */
const CHECK_EVERY_MS = 60_000;

export interface DailyJobOptions {
  /** Queue name and job scheduler id, e.g. `membership-daily-check`. */
  readonly name: string;
  /** When it runs, as a cron pattern in UK time (Europe/London). */
  readonly cron: string;
  readonly redisUrl: string;
  /** The work; it must be idempotent, as a stalled BullMQ job can run twice. */
  readonly run: () => Promise<unknown>;
  readonly logger?: LoggerService;
  /** How often to check that Redis still holds the schedule; a minute unless a test says less. */
  readonly checkEveryMs?: number;
  /** Where the count of schedules registered again goes (`daily_job_schedulers_restored_total`). */
  readonly metrics?: MetricsService;
}

/**
 * Why a wrapper and not `@nestjs/bullmq`: a daily check is one queue, one job scheduler and one
 * handler, switched on or off by the service's validated config at boot (tests and one-off
 * processes run without it). `@nestjs/bullmq` declares queues and processors at module
 * definition, before config is read, and has no declarative job schedulers, so it would still
 * need this class's `upsertJobScheduler` and enable logic around it; these sixty lines are
 * simpler than that. The worker takes only this job's name: any other job on the queue fails
 * loudly instead of being dropped.
 *
 * A daily check fired by a BullMQ job scheduler: one job per tick whichever instances run,
 * processed by whichever instance is free. The services' daily checks (terms ending, actions
 * overdue) are each one of these; each also has an admin endpoint to run it now.
 *
 * Redis holds the schedule, so a flush (or a restart of a Redis that keeps nothing on disk)
 * takes it, and no job would run again until the service restarted. While it runs, a DailyJob
 * checks every minute that its scheduler is still there and registers it again when it is not.
 */
export class DailyJob {
  private queue: Queue | undefined;
  private worker: Worker | undefined;
  private checker: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private readonly logger: LoggerService;
  private readonly restored: Counter<'job'> | undefined;

  constructor(private readonly options: DailyJobOptions) {
    this.logger = options.logger ?? new Logger(options.name);
    this.restored = options.metrics?.counter({
      name: 'daily_job_schedulers_restored_total',
      help: 'Daily job schedulers found missing from Redis (a flush) and registered again',
      labelNames: ['job'],
    });
  }

  async start(): Promise<void> {
    const { name, redisUrl } = this.options;
    this.queue = new Queue(name, { connection: { url: redisUrl }, ...jobTelemetry() });
    await this.register();
    this.worker = new Worker(
      name,
      async (job) => {
        if (job.name !== name) {
          throw new Error(`No handler for job ${job.name} on queue ${name}`);
        }
        const result = await this.options.run();
        this.logger.log(`${name}: ${JSON.stringify(result)}`);
        return result;
      },
      // BullMQ makes (and on close, ends) the worker's blocking connection itself; one passed in
      // as an ioredis instance would be left open and keep the process alive at shutdown.
      { connection: { url: redisUrl }, ...jobTelemetry() },
    );
    // A worker without an error listener would throw its connection errors at the process.
    this.worker.on('error', (error) => {
      this.logger.error(`${name} worker: ${error.message}`);
    });
    this.worker.on('failed', (_job, error) => {
      this.logger.error(`${name} failed: ${error.message}`, error.stack);
    });
    this.checker = setInterval(
      () => void this.check(),
      this.options.checkEveryMs ?? CHECK_EVERY_MS,
    );
    // The check alone never keeps a process alive.
    this.checker.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.checker);
    await this.checking;
    await this.worker?.close();
    await this.queue?.close();
  }

  /** Upserting is harmless when the scheduler is there: several instances may all do it. */
  private async register(): Promise<void> {
    const { name, cron } = this.options;
    await this.queue!.upsertJobScheduler(
      name,
      { pattern: cron, tz: 'Europe/London' },
      { name, data: {} },
    );
  }

  /** Registers the schedule again when Redis no longer holds it; one check at a time. */
  private check(): Promise<void> {
    const { name } = this.options;
    this.checking ??= (async () => {
      if ((await this.queue!.getJobScheduler(name)) !== undefined) {
        return;
      }
      await this.register();
      this.restored?.inc({ job: name });
      this.logger.warn(`${name}: its job scheduler was missing from Redis; registered it again`);
    })()
      .catch((error: Error) => {
        this.logger.error(`${name} schedule check: ${error.message}`);
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }
}

/**
 * A Nest provider running one DailyJob while the app runs (a service's `*.processor.ts`). A service's daily check extends it,
 * naming its schedule (usually from config) and its work.
 */
export abstract class DailyJobProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private job: DailyJob | undefined;

  // A property, so that the services' processors need not pass it through their constructors;
  // optional, as a test module may have no metrics.
  @Optional()
  @Inject(MetricsService)
  private readonly metrics: MetricsService | undefined;

  protected abstract schedule(): {
    name: string;
    enabled: boolean;
    cron: string;
    redisUrl: string;
  };

  protected abstract run(): Promise<unknown>;

  async onApplicationBootstrap(): Promise<void> {
    const { enabled, ...schedule } = this.schedule();
    if (!enabled) {
      return;
    }
    this.job = new DailyJob({ ...schedule, run: () => this.run(), metrics: this.metrics });
    await this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job?.stop();
  }
}

/** A service's daily check: idempotent work for one UK day. */
export interface DailyCheck {
  run(on: string): Promise<unknown>;
}

/** The settings every service with a daily check reads from its environment. */
interface DailyCheckConfig {
  readonly DAILY_CHECK_ENABLED: boolean;
  readonly DAILY_CHECK_CRON: string;
  readonly REDIS_URL: string;
}

/**
 * The processor of a service whose daily check runs on DAILY_CHECK_CRON (UK time) while
 * DAILY_CHECK_ENABLED, for today's UK date:
 *
 *     export class DailyCheckProcessor extends dailyCheckProcessor('membership-daily-check', MembershipDailyCheckService) {}
 *
 * `name` is the queue and scheduler name: Redis holds the schedule by it, so it never changes.
 */
export function dailyCheckProcessor(
  name: string,
  check: Type<DailyCheck>,
): Type<OnApplicationBootstrap & OnApplicationShutdown> {
  @Injectable()
  class ScheduledDailyCheck extends DailyJobProcessor {
    constructor(
      @Inject(APP_CONFIG) private readonly config: DailyCheckConfig,
      @Inject(check) private readonly work: DailyCheck,
      @Inject(Clock) private readonly clock: Clock,
    ) {
      super();
    }

    protected schedule() {
      return {
        name,
        enabled: this.config.DAILY_CHECK_ENABLED,
        cron: this.config.DAILY_CHECK_CRON,
        redisUrl: this.config.REDIS_URL,
      };
    }

    protected run(): Promise<unknown> {
      return this.work.run(this.clock.today());
    }
  }
  return ScheduledDailyCheck;
}
