import { Inject, Injectable } from '@nestjs/common';
import { DailyJobProcessor } from '#jobs';
import { APP_CONFIG, Clock } from '#platform';
import type { PrioritiesConfig } from '../config.js';
import { PrioritiesDailyCheckService } from './priorities-daily-check.service.js';

/** Runs the priorities daily check on its schedule (DAILY_CHECK_CRON, UK time). */
@Injectable()
export class DailyCheckProcessor extends DailyJobProcessor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: PrioritiesConfig,
    @Inject(PrioritiesDailyCheckService) private readonly check: PrioritiesDailyCheckService,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  protected schedule() {
    return {
      name: 'priorities-daily-check',
      enabled: this.config.DAILY_CHECK_ENABLED,
      cron: this.config.DAILY_CHECK_CRON,
      redisUrl: this.config.REDIS_URL,
    };
  }

  protected run(): Promise<unknown> {
    return this.check.run(this.clock.today());
  }
}
