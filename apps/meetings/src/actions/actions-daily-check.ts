import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, Clock, DailyJob } from '#platform';
import type { MeetingsConfig } from '../config.js';
import { ActionsService } from './actions.service.js';

/** Announces overdue actions on schedule (DAILY_CHECK_CRON, UK time). */
@Injectable()
export class ActionsDailyCheck implements OnApplicationBootstrap, OnApplicationShutdown {
  private job: DailyJob | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: MeetingsConfig,
    @Inject(ActionsService) private readonly actions: ActionsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DAILY_CHECK_ENABLED) {
      return;
    }
    this.job = new DailyJob({
      name: 'meetings-actions-overdue',
      cron: this.config.DAILY_CHECK_CRON,
      redisUrl: this.config.REDIS_URL,
      run: () => this.actions.markOverdue(this.clock.today()),
    });
    await this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job?.stop();
  }
}
