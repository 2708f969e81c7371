import { Inject, Injectable } from '@nestjs/common';
import { DailyJobProcessor } from '#jobs';
import { APP_CONFIG, Clock } from '#platform';
import type { MeetingsConfig } from '../config.js';
import { ActionsService } from './actions.service.js';

/** Announces overdue actions on schedule (DAILY_CHECK_CRON, UK time). */
@Injectable()
export class ActionsDailyCheck extends DailyJobProcessor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: MeetingsConfig,
    @Inject(ActionsService) private readonly actions: ActionsService,
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
    return this.actions.markOverdue(this.clock.today());
  }
}
