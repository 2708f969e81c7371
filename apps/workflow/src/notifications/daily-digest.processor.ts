import { Inject, Injectable } from '@nestjs/common';
import { DailyJobProcessor } from '#jobs';
import { APP_CONFIG } from '#platform';
import type { WorkflowConfig } from '../config.js';
import { DailyDigestService } from './daily-digest.service.js';

/** Sends the daily digest at `DIGEST_CRON` (UK time), when digests and notifications are on. */
@Injectable()
export class DailyDigestProcessor extends DailyJobProcessor {
  constructor(
    @Inject(DailyDigestService) private readonly digest: DailyDigestService,
    @Inject(APP_CONFIG) private readonly config: WorkflowConfig,
  ) {
    super();
  }

  protected schedule() {
    return {
      name: 'workflow-daily-digest',
      enabled: this.config.DIGEST_ENABLED && this.config.NOTIFICATIONS_ENABLED,
      cron: this.config.DIGEST_CRON,
      redisUrl: this.config.REDIS_URL,
    };
  }

  protected run() {
    return this.digest.run();
  }
}
