import { Inject, Injectable } from '@nestjs/common';
import { DailyJobProcessor } from '#jobs';
import { APP_CONFIG, Clock } from '#platform';
import type { MembershipConfig } from '../config.js';
import { MembershipDailyCheckService } from './membership-daily-check.service.js';

/** Runs the membership daily check on its schedule (DAILY_CHECK_CRON, UK time). */
@Injectable()
export class DailyCheckProcessor extends DailyJobProcessor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: MembershipConfig,
    @Inject(MembershipDailyCheckService) private readonly check: MembershipDailyCheckService,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  protected schedule() {
    return {
      name: 'membership-daily-check',
      enabled: this.config.DAILY_CHECK_ENABLED,
      cron: this.config.DAILY_CHECK_CRON,
      redisUrl: this.config.REDIS_URL,
    };
  }

  protected run(): Promise<unknown> {
    return this.check.run(this.clock.today());
  }
}
