import { Clock, MetricsService } from '#platform';
import type { DataSource } from 'typeorm';
import type { CasesService } from '../cases/cases.service.js';
import type { WorkflowConfig } from '../config.js';
import { DeadlineTimersService } from './deadline-timers.service.js';

describe('the deadline timers', () => {
  it('have a handler for every job of the deadline queue, so they start', async () => {
    const timers = new DeadlineTimersService(
      {} as DataSource,
      {} as CasesService,
      { TIMERS_ENABLED: false } as WorkflowConfig,
      new Clock(),
      new MetricsService(),
    );
    await expect(timers.onApplicationBootstrap()).resolves.toBeUndefined();
  });
});
