import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { WorkflowConfig } from '../config.js';
import { jobNames, SweptQueue, type JobHandlers } from './swept-queue.js';

interface ChoreJobs {
  sweep: { room: string };
  dust: { shelf: number };
}

/** A queue switched off (no Redis needed): start-up checks its handlers all the same. */
class ChoreQueue extends SweptQueue<ChoreJobs> {
  constructor(protected readonly handlers: JobHandlers<ChoreJobs>) {
    super({} as DataSource, {} as WorkflowConfig, new Logger('ChoreQueue'), {
      name: 'chores',
      jobNames: jobNames<ChoreJobs>({ sweep: true, dust: true }),
      channel: 'timers',
      enabled: false,
    });
  }

  protected committed(): Promise<void> {
    return Promise.resolve();
  }

  protected sweepOnce(): Promise<void> {
    return Promise.resolve();
  }
}

const done = () => Promise.resolve('done');

describe('a swept queue at start-up', () => {
  it('starts when every job name of its jobs file has a handler', async () => {
    await expect(
      new ChoreQueue({ sweep: done, dust: done }).onApplicationBootstrap(),
    ).resolves.toBeUndefined();
  });

  it('fails when a job name of its jobs file has no handler', async () => {
    const partial = { sweep: done } as unknown as JobHandlers<ChoreJobs>;
    await expect(new ChoreQueue(partial).onApplicationBootstrap()).rejects.toThrow(
      'Queue chores has no handler for job dust',
    );
  });

  it('lists each job name of a jobs type once', () => {
    expect(jobNames<ChoreJobs>({ sweep: true, dust: true })).toEqual(['sweep', 'dust']);
  });
});
