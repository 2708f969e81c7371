import { Inject, Injectable } from '@nestjs/common';
import { DailyJobProcessor } from '#jobs';
import { APP_CONFIG } from '#platform';
import type { WorkflowConfig } from '../config.js';
import { HistoryCheckpointsService } from './history-checkpoints.service.js';

/** Checkpoints the case histories on HISTORY_CHECKPOINT_CRON, where this instance runs the timers. */
@Injectable()
export class HistoryCheckpointProcessor extends DailyJobProcessor {
  constructor(
    @Inject(HistoryCheckpointsService) private readonly checkpoints: HistoryCheckpointsService,
    @Inject(APP_CONFIG) private readonly config: WorkflowConfig,
  ) {
    super();
  }

  protected schedule() {
    return {
      name: 'workflow-history-checkpoint',
      enabled: this.config.TIMERS_ENABLED,
      cron: this.config.HISTORY_CHECKPOINT_CRON,
      redisUrl: this.config.REDIS_URL,
    };
  }

  protected run() {
    return this.checkpoints.take();
  }
}
