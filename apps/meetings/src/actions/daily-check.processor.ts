import { Inject, Injectable } from '@nestjs/common';
import { DailyJobProcessor } from '#jobs';
import { APP_CONFIG, Clock } from '#platform';
import type { MeetingsConfig } from '../config.js';
import { ActionsDailyCheckService } from './actions-daily-check.service.js';

/** Runs the daily check on schedule (DAILY_CHECK_CRON, UK time). */
@Injectable()
export class DailyCheckProcessor extends DailyJobProcessor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: MeetingsConfig,
    @Inject(ActionsDailyCheckService) private readonly check: ActionsDailyCheckService,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  protected schedule() {
    return {
      name: 'meetings-actions-overdue',
      enabled: this.config.DAILY_CHECK_ENABLED,
      cron: this.config.DAILY_CHECK_CRON,
      redisUrl: this.config.REDIS_URL,
    };
  }

  protected run(): Promise<unknown> {
    return this.check.run(this.clock.today());
  }
}
