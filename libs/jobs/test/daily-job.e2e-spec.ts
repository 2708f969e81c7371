import { Queue } from 'bullmq';
import { DailyJob } from '#jobs';
import { testInfra, uniqueName, waitFor } from '#testing';

describe('DailyJob (real Redis)', () => {
  it('fires on its schedule, once per tick however many instances run, and stops', async () => {
    const name = uniqueName('daily-job-test');
    const runs: number[] = [];
    const quiet = { log: () => {}, error: () => {}, warn: () => {} };
    // Two service instances with the same job: the scheduler adds one job per tick.
    const instances = [0, 1].map(
      (instance) =>
        new DailyJob({
          name,
          cron: '* * * * * *', // every second, for the test
          redisUrl: testInfra.redisUrl,
          run: () => Promise.resolve(runs.push(instance)),
          logger: quiet,
        }),
    );
    const started = Date.now();
    try {
      await Promise.all(instances.map((job) => job.start()));
      await waitFor('three runs', () => runs.length >= 3, { timeoutMs: 15_000 });
    } finally {
      await Promise.all(instances.map((job) => job.stop()));
    }
    const seconds = Math.ceil((Date.now() - started) / 1000) + 1;
    // Two instances each running every tick would make about twice as many runs as seconds.
    expect(runs.length).toBeLessThanOrEqual(seconds);
    const queue = new Queue(name, { connection: { url: testInfra.redisUrl } });
    await queue.obliterate({ force: true });
    await queue.close();
  });
});
