import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { dailyCheckProcessor, DailyJob } from '#jobs';
import { APP_CONFIG, Clock, MetricsService } from '#platform';
import { deleteRedisKeys, testInfra, uniqueName, waitFor } from '#testing';

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

  it('registers its scheduler again when Redis loses it, and runs on, counting it', async () => {
    const name = uniqueName('daily-job-flush');
    const runs: number[] = [];
    const metrics = new MetricsService();
    const job = new DailyJob({
      name,
      cron: '* * * * * *', // every second, for the test
      redisUrl: testInfra.redisUrl,
      run: () => Promise.resolve(runs.push(runs.length)),
      logger: { log: () => {}, error: () => {}, warn: () => {} },
      checkEveryMs: 200,
      metrics,
    });
    const queue = new Queue(name, { connection: { url: testInfra.redisUrl } });
    try {
      await job.start();
      await waitFor('a first run', () => runs.length >= 1, { timeoutMs: 15_000 });
      // What a flush of Redis does to this job (only its keys: other tests share this Redis).
      await deleteRedisKeys(`bull:${name}`);
      const before = runs.length;
      const scheduler = await waitFor('the scheduler to be registered again', () =>
        queue.getJobScheduler(name),
      );
      expect(scheduler).toMatchObject({ pattern: '* * * * * *', tz: 'Europe/London' });
      // A job already running when the keys went may finish once; a second run needs the schedule.
      await waitFor('two runs after the flush', () => runs.length >= before + 2, {
        timeoutMs: 15_000,
      });
    } finally {
      await job.stop();
    }
    const restored = await metrics.registry.getSingleMetricAsString(
      'daily_job_schedulers_restored_total',
    );
    expect(restored).toContain(`daily_job_schedulers_restored_total{job="${name}"} 1`);
    await queue.obliterate({ force: true });
    await queue.close();
  });
});

describe('dailyCheckProcessor (real Redis, in a Nest app)', () => {
  class CountingCheck {
    readonly days: string[] = [];
    run(on: string): Promise<unknown> {
      this.days.push(on);
      return Promise.resolve({ on });
    }
  }

  async function appWith(enabled: boolean, name: string) {
    const Processor = dailyCheckProcessor(name, CountingCheck);
    const config = {
      DAILY_CHECK_ENABLED: enabled,
      DAILY_CHECK_CRON: '* * * * * *', // every second, for the test
      REDIS_URL: testInfra.redisUrl,
    };
    const moduleRef = await Test.createTestingModule({
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: { today: () => '2026-12-04' } },
        CountingCheck,
        Processor,
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    return { app, check: app.get(CountingCheck) };
  }

  it("runs the service's check for today on DAILY_CHECK_CRON while enabled", async () => {
    const name = uniqueName('daily-check-test');
    const { app, check } = await appWith(true, name);
    try {
      await waitFor('two runs', () => check.days.length >= 2, { timeoutMs: 15_000 });
    } finally {
      await app.close();
    }
    expect(new Set(check.days)).toEqual(new Set(['2026-12-04']));
    const queue = new Queue(name, { connection: { url: testInfra.redisUrl } });
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('schedules nothing when DAILY_CHECK_ENABLED is false', async () => {
    const name = uniqueName('daily-check-off');
    const { app, check } = await appWith(false, name);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await app.close();
    expect(check.days).toEqual([]);
    const queue = new Queue(name, { connection: { url: testInfra.redisUrl } });
    expect(await queue.getJobSchedulersCount()).toBe(0);
    await queue.close();
  });
});
