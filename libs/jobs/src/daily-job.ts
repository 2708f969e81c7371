import {
  Inject,
  Injectable,
  Logger,
  type LoggerService,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import { APP_CONFIG, Clock } from '#platform';
import { Queue, Worker } from 'bullmq';

export interface DailyJobOptions {
  /** Queue name and job scheduler id, e.g. `membership-daily-check`. */
  readonly name: string;
  /** When it runs, as a cron pattern in UK time (Europe/London). */
  readonly cron: string;
  readonly redisUrl: string;
  /** The work; it must be idempotent, as a stalled BullMQ job can run twice. */
  readonly run: () => Promise<unknown>;
  readonly logger?: LoggerService;
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
 */
export class DailyJob {
  private queue: Queue | undefined;
  private worker: Worker | undefined;
  private readonly logger: LoggerService;

  constructor(private readonly options: DailyJobOptions) {
    this.logger = options.logger ?? new Logger(options.name);
  }

  async start(): Promise<void> {
    const { name, cron, redisUrl } = this.options;
    this.queue = new Queue(name, { connection: { url: redisUrl } });
    await this.queue.upsertJobScheduler(
      name,
      { pattern: cron, tz: 'Europe/London' },
      { name, data: {} },
    );
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
      { connection: { url: redisUrl } },
    );
    // A worker without an error listener would throw its connection errors at the process.
    this.worker.on('error', (error) => {
      this.logger.error(`${name} worker: ${error.message}`);
    });
    this.worker.on('failed', (_job, error) => {
      this.logger.error(`${name} failed: ${error.message}`, error.stack);
    });
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }
}

/**
 * A Nest provider running one DailyJob while the app runs (a service's `*.processor.ts`). A service's daily check extends it,
 * naming its schedule (usually from config) and its work.
 */
export abstract class DailyJobProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private job: DailyJob | undefined;

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
    this.job = new DailyJob({ ...schedule, run: () => this.run() });
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
