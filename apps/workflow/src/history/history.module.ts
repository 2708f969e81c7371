import { Module } from '@nestjs/common';
import { APP_CONFIG } from '#platform';
import type { WorkflowConfig } from '../config.js';
import { CaseHistoryService } from './case-history.service.js';
import { CheckpointSigner } from './checkpoint-signer.js';
import { HistoryCheckpointProcessor } from './history-checkpoint.processor.js';
import { HistoryCheckpointsService } from './history-checkpoints.service.js';
import { HistoryController } from './history.controller.js';

/** The hash-chained history of every case, anchored by signed checkpoints. */
@Module({
  controllers: [HistoryController],
  providers: [
    CaseHistoryService,
    HistoryCheckpointsService,
    HistoryCheckpointProcessor,
    {
      provide: CheckpointSigner,
      inject: [APP_CONFIG],
      useFactory: (config: WorkflowConfig) =>
        CheckpointSigner.fromSetting(config.HISTORY_SIGNING_KEY, config.NODE_ENV ?? 'production'),
    },
  ],
  exports: [CaseHistoryService],
})
export class HistoryModule {}
