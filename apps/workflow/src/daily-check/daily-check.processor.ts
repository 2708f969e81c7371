import { Inject, Injectable } from '@nestjs/common';
import { DailyJobProcessor } from '#jobs';
import { APP_CONFIG } from '#platform';
import type { WorkflowConfig } from '../config.js';
import { GovernanceDailyCheckService } from './governance-daily-check.service.js';

/** Runs the daily check at 06:30 UK time, where this instance runs the timers. */
@Injectable()
export class DailyCheckProcessor extends DailyJobProcessor {
  constructor(
    @Inject(GovernanceDailyCheckService) private readonly check: GovernanceDailyCheckService,
    @Inject(APP_CONFIG) private readonly config: WorkflowConfig,
  ) {
    super();
  }

  protected schedule() {
    return {
      // Its name from before it was called the daily check: Redis holds its scheduler by it.
      name: 'workflow-daily-triggers',
      enabled: this.config.TIMERS_ENABLED,
      cron: '30 6 * * *',
      redisUrl: this.config.REDIS_URL,
    };
  }

  protected run() {
    return this.check.run();
  }
}
