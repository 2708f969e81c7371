import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, Clock } from '#platform';
import type { MembershipConfig } from '../config.js';
import {
  DAILY_CHECK_QUEUE,
  DAILY_CHECK_SCHEDULER_ID,
  type DailyCheckJobName,
  type DailyCheckJobs,
} from './daily-check.jobs.js';
import { MembershipDailyCheck } from './membership-daily-check.service.js';

/**
 * Fires the daily check from a BullMQ job scheduler (one job per tick across every instance).
 * The check itself is idempotent, so a stalled job run twice does no harm.
 */
@Injectable()
export class DailyCheckProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DailyCheck');
  private queue: Queue | undefined;
  private worker: Worker<DailyCheckJobs[DailyCheckJobName], unknown, DailyCheckJobName> | undefined;
  private readonly handlers: {
    [Name in DailyCheckJobName]: (job: Job<DailyCheckJobs[Name]>) => Promise<unknown>;
  } = {
    'daily-check': async () => this.check.run(this.clock.today()),
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: MembershipConfig,
    @Inject(MembershipDailyCheck) private readonly check: MembershipDailyCheck,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DAILY_CHECK_ENABLED) {
      return;
    }
    const connection = { url: this.config.REDIS_URL };
    this.queue = new Queue(DAILY_CHECK_QUEUE, { connection });
    await this.queue.upsertJobScheduler(
      DAILY_CHECK_SCHEDULER_ID,
      { pattern: this.config.DAILY_CHECK_CRON, tz: 'Europe/London' },
      { name: 'daily-check', data: {} },
    );
    this.worker = new Worker<DailyCheckJobs[DailyCheckJobName], unknown, DailyCheckJobName>(
      DAILY_CHECK_QUEUE,
      async (job) => {
        const handler = this.handlers[job.name];
        if (!handler) {
          throw new Error(`No handler for job ${job.name} on ${DAILY_CHECK_QUEUE}`);
        }
        const result = await handler(job);
        this.logger.log(`Daily check: ${JSON.stringify(result)}`);
        return result;
      },
      { connection: new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null }) },
    );
    this.worker.on('failed', (job, error) =>
      this.logger.error(`Daily check failed: ${error.message}`, error.stack),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }
}
