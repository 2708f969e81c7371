import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError } from 'bullmq';
import { messagingEntities, messagingMigrations } from '#messaging';
import { Clock, MetricsService } from '#platform';
import { createTestDataSource, deleteRedisKeys, testInfra, uniqueName, waitFor } from '#testing';
import type { CasesService } from '../src/cases/cases.service.js';
import type { WorkflowConfig } from '../src/config.js';
import { workflowEntities, workflowMigrations } from '../src/database.js';
import { DEADLINE_QUEUE, deadlineJobId } from '../src/timers/deadline-jobs.js';
import { DeadlineTimersService } from '../src/timers/deadline-timers.service.js';

type Fired = Parameters<CasesService['fireDeadline']>[0];

/**
 * The deadline timers on their own (real PostgreSQL and Redis, no Kafka): a stand-in for the
 * cases service decides whether a fired deadline's work fails.
 */
describe('deadline timers whose jobs failed (real PostgreSQL and Redis)', () => {
  const run = uniqueName('wfdt');
  const queuePrefix = `q_${run}`;
  let dataSource: Awaited<ReturnType<typeof createTestDataSource>>;
  let timers: DeadlineTimersService;
  let queue: Queue;
  const metrics = new MetricsService();
  const fired: Fired[] = [];
  // Until the database comes back, say: each run fails for good, as after its last attempt.
  let failing = true;
  const cases = {
    fireDeadline: (job: Fired) => {
      if (failing) {
        return Promise.reject(new UnrecoverableError('the database is away'));
      }
      fired.push(job);
      return Promise.resolve('fired');
    },
  } as unknown as CasesService;

  const aDeadline = (kind: string) => ({
    caseId: randomUUID(),
    level: 'group',
    kind,
    // Already due, so its job runs as soon as it is armed.
    dueAt: new Date(Date.now() - 60_000),
  });
  const open = aDeadline('acknowledge');
  const settled = aDeadline('resolve');

  beforeAll(async () => {
    // The test data source brings the messaging tables itself.
    const messaging = new Set<unknown>([...messagingEntities, ...messagingMigrations]);
    dataSource = await createTestDataSource({
      schema: `${run}_workflow`,
      entities: workflowEntities.filter((entity) => !messaging.has(entity)),
      migrations: workflowMigrations.filter((migration) => !messaging.has(migration)),
    });
    for (const row of [open, settled]) {
      await dataSource.query(
        `INSERT INTO "${run}_workflow".case_deadline (case_id, level, kind, due_on, due_at)
           VALUES ($1, $2, $3, $4, $5)`,
        [row.caseId, row.level, row.kind, row.dueAt.toISOString().slice(0, 10), row.dueAt],
      );
    }
    const config = {
      TIMERS_ENABLED: true,
      REDIS_URL: testInfra.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      // The test sweeps by hand; the interval never comes.
      TIMER_SWEEP_SECONDS: 3600,
    } as WorkflowConfig;
    timers = new DeadlineTimersService(dataSource, cases, config, new Clock(), metrics);
    queue = new Queue(DEADLINE_QUEUE, {
      connection: { url: testInfra.redisUrl },
      prefix: queuePrefix,
    });
  });

  afterAll(async () => {
    await timers?.onApplicationShutdown();
    await queue?.close();
    await dataSource?.drop();
    await deleteRedisKeys(queuePrefix);
  });

  const stateOf = (row: typeof open) => queue.getJobState(deadlineJobId(row));

  it('re-arms the failed job of an open deadline on the next sweep, so it still fires, and counts it', async () => {
    // Start-up's sweep arms both; each job fails for good.
    await timers.onApplicationBootstrap();
    await waitFor(
      'both deadline jobs to fail',
      async () => (await stateOf(open)) === 'failed' && (await stateOf(settled)) === 'failed',
    );
    // One deadline is settled meanwhile (the case moved on); the other is still open.
    await dataSource.query(
      `UPDATE "${run}_workflow".case_deadline SET settled_at = now(), outcome = 'cancelled'
        WHERE case_id = $1`,
      [settled.caseId],
    );
    failing = false;

    await timers.sweep();

    // The settled deadline's failed job stays where it is, for whoever looks into it.
    expect(await stateOf(settled)).toBe('failed');
    const refired = await waitFor('the open deadline to fire', () => fired.length > 0 && fired);
    expect(refired).toEqual([
      expect.objectContaining({
        caseId: open.caseId,
        level: 'group',
        kind: 'acknowledge',
        jobId: deadlineJobId(open),
      }),
    ]);
    const rearmed = await metrics.registry.getSingleMetricAsString(
      'workflow_deadline_jobs_rearmed_total',
    );
    expect(rearmed).toMatch(/^workflow_deadline_jobs_rearmed_total 1$/m);
  });
});
