import { Inject, Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { DailyJobProcessor } from '#jobs';
import { APP_CONFIG, MetricsService } from '#platform';
import type { WorkflowConfig } from '../config.js';
import { HistoryCheckpointsService, type CheckpointRun } from './history-checkpoints.service.js';

/** Checkpoints the case histories on HISTORY_CHECKPOINT_CRON, where this instance runs the timers. */
@Injectable()
export class HistoryCheckpointProcessor extends DailyJobProcessor {
  private readonly verificationFailures: Counter;

  constructor(
    @Inject(HistoryCheckpointsService) private readonly checkpoints: HistoryCheckpointsService,
    @Inject(APP_CONFIG) private readonly config: WorkflowConfig,
    @Inject(MetricsService) metrics: MetricsService,
  ) {
    super();
    // A history that no longer verifies was changed outside the service: alert on any.
    this.verificationFailures = metrics.counter({
      name: 'workflow_history_verification_failures_total',
      help: 'Case histories whose hash chain did not verify when a checkpoint was taken',
    });
  }

  protected schedule() {
    return {
      name: 'workflow-history-checkpoint',
      enabled: this.config.TIMERS_ENABLED,
      cron: this.config.HISTORY_CHECKPOINT_CRON,
      redisUrl: this.config.REDIS_URL,
    };
  }

  protected async run(): Promise<CheckpointRun> {
    const run = await this.checkpoints.take();
    this.verificationFailures.inc(run.refused.length);
    return run;
  }
}
