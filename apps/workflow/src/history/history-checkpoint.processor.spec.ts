import { MetricsService } from '#platform';
import type { WorkflowConfig } from '../config.js';
import { HistoryCheckpointProcessor } from './history-checkpoint.processor.js';
import type { CheckpointRun, HistoryCheckpointsService } from './history-checkpoints.service.js';

describe('HistoryCheckpointProcessor', () => {
  it('counts the case histories a checkpoint run found not to verify', async () => {
    const run: CheckpointRun = {
      checkpoints: 1,
      cases: 3,
      refused: [
        { caseId: 'a', reason: 'entry 2 hash differs' },
        { caseId: 'b', reason: 'head hash differs' },
      ],
    };
    const metrics = new MetricsService();
    const processor = new HistoryCheckpointProcessor(
      { take: () => Promise.resolve(run) } as unknown as HistoryCheckpointsService,
      {} as WorkflowConfig,
      metrics,
    );
    await (processor as unknown as { run(): Promise<CheckpointRun> }).run();
    expect(await metrics.render()).toContain('workflow_history_verification_failures_total 2');
  });
});
