import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, Clock, DailyJob } from '#platform';
import type { MembershipConfig } from '../config.js';
import { MembershipDailyCheck } from './membership-daily-check.service.js';

/** Runs the membership daily check on its schedule (DAILY_CHECK_CRON, UK time). */
@Injectable()
export class DailyCheckProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private job: DailyJob | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: MembershipConfig,
    @Inject(MembershipDailyCheck) private readonly check: MembershipDailyCheck,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DAILY_CHECK_ENABLED) {
      return;
    }
    this.job = new DailyJob({
      name: 'membership-daily-check',
      cron: this.config.DAILY_CHECK_CRON,
      redisUrl: this.config.REDIS_URL,
      run: () => this.check.run(this.clock.today()),
    });
    await this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job?.stop();
  }
}
