import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import type { Counter } from 'prom-client';
import { APP_CONFIG, Clock, MetricsService, schemaOf } from '#platform';
import { CaseDeadline } from '../cases/case-deadline.entity.js';
import { CasesService } from '../cases/cases.service.js';
import type { WorkflowConfig } from '../config.js';
import { SweptQueue, type JobHandlers } from '../common/swept-queue.js';
import {
  DEADLINE_ATTEMPTS,
  DEADLINE_JOB_NAMES,
  DEADLINE_QUEUE,
  deadlineJobId,
  type DeadlineJobs,
} from './deadline-jobs.js';

const CHUNK = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Every this many sweeps, every open deadline is re-added, whatever the counts say. */
const FULL_SWEEP_EVERY = 10;

/**
 * The timers that fire case deadlines. PostgreSQL holds the truth (`case_deadline`); BullMQ
 * delayed jobs, one per deadline with a deterministic id, fire them. A transaction that
 * changes a case's deadlines arms and disarms them once it commits. A sweep in this process
 * (not a BullMQ repeatable job, which a Redis flush would take with it) arms what was missed
 * and, when Redis holds fewer jobs than there are open deadlines, re-adds them all, so a
 * flush of this machine's Redis, which keeps nothing on disk, loses no escalation. A job
 * that failed all its attempts stays in BullMQ's failed set, where adding its id again does
 * nothing; the sweep takes those of open deadlines out and arms them again.
 */
@Injectable()
export class DeadlineTimersService extends SweptQueue<DeadlineJobs> {
  private sweeps = 0;
  private readonly rearmed: Counter;

  protected readonly handlers: JobHandlers<DeadlineJobs> = {
    'deadline-due': (job) =>
      this.cases.fireDeadline({
        ...job.data,
        jobId: job.id ?? deadlineJobId({ ...job.data, dueAt: new Date(job.data.dueAt) }),
      }),
  };

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(APP_CONFIG) config: WorkflowConfig,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(MetricsService) metrics: MetricsService,
  ) {
    super(dataSource, config, new Logger(DeadlineTimersService.name), {
      name: DEADLINE_QUEUE,
      jobNames: DEADLINE_JOB_NAMES,
      channel: 'timers',
      enabled: config.TIMERS_ENABLED,
    });
    this.rearmed = metrics.counter({
      name: 'workflow_deadline_jobs_rearmed_total',
      help: 'Deadline jobs that had failed all their attempts, re-armed by the sweep because their deadline was still open',
    });
  }

  /** After a commit that changed a case's deadlines: arm its new ones, remove its cancelled ones. */
  protected committed(caseIds: string[]): Promise<void> {
    return this.syncCases(caseIds);
  }

  /**
   * Re-arms open deadlines whose jobs failed for good; arms unarmed deadlines; re-adds every
   * open one when Redis has lost some.
   */
  protected async sweepOnce(): Promise<void> {
    await this.rearmFailed();
    const manager = this.dataSource.manager;
    const unarmed = await manager.find(CaseDeadline, {
      where: { settledAt: IsNull(), armedAt: IsNull() },
    });
    await this.arm(unarmed);
    this.sweeps += 1;
    const open = await manager.countBy(CaseDeadline, { settledAt: IsNull() });
    const counts = await this.queue!.getJobCounts('delayed', 'waiting', 'active', 'prioritized');
    const jobs = Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (jobs < open || this.sweeps % FULL_SWEEP_EVERY === 0) {
      const all = await manager.find(CaseDeadline, { where: { settledAt: IsNull() } });
      await this.arm(all);
      if (jobs < open) {
        this.logger.warn(
          `Redis held ${jobs} deadline jobs for ${open} open deadlines: re-armed them all`,
        );
      }
    }
  }

  /**
   * A failed job of a deadline still open is an escalation that would never happen: out of the
   * failed set and armed again, with its attempts afresh. Failed jobs of settled or re-planned
   * deadlines stay for whoever looks into them, until BullMQ's removeOnFail trims them.
   */
  private async rearmFailed(): Promise<void> {
    const queue = this.queue!;
    if ((await queue.getFailedCount()) === 0) {
      return;
    }
    const failed = new Set(await queue.getRanges(['failed'], 0, -1));
    // A job id starts with its case's id (see deadlineJobId); uuids hold no dots.
    const caseIds = [...new Set([...failed].map((id) => id.split('.')[0]!))].filter((id) =>
      UUID.test(id),
    );
    const open = await this.dataSource.manager.find(CaseDeadline, {
      where: { settledAt: IsNull(), caseId: In(caseIds) },
    });
    const rearm: CaseDeadline[] = [];
    for (const row of open.filter((row) => failed.has(deadlineJobId(row)))) {
      // 0 when BullMQ holds a lock on it: the next sweep tries again.
      if ((await queue.remove(deadlineJobId(row))) === 1) {
        rearm.push(row);
      }
    }
    if (rearm.length === 0) {
      return;
    }
    await this.arm(rearm);
    this.rearmed.inc(rearm.length);
    this.logger.warn(
      `Re-armed ${rearm.length} deadline job(s) that had failed all their attempts: ` +
        rearm.map((row) => deadlineJobId(row)).join(', '),
    );
  }

  private async syncCases(caseIds: string[]): Promise<void> {
    const rows = await this.dataSource.manager.findBy(CaseDeadline, { caseId: In(caseIds) });
    await this.arm(rows.filter((row) => row.settledAt === null && row.armedAt === null));
    const settled = rows.filter((row) => row.outcome === 'cancelled');
    await Promise.all(settled.map((row) => this.queue!.remove(deadlineJobId(row))));
  }

  private async arm(rows: readonly CaseDeadline[]): Promise<void> {
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const now = this.clock.now().getTime();
      await this.queue!.addBulk(
        chunk.map((row) => ({
          name: 'deadline-due' as const,
          data: {
            caseId: row.caseId,
            level: row.level,
            kind: row.kind,
            dueAt: row.dueAt.toISOString(),
          },
          opts: {
            jobId: deadlineJobId(row),
            delay: Math.max(0, row.dueAt.getTime() - now),
            attempts: DEADLINE_ATTEMPTS,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: 1000,
            removeOnFail: 5000,
          },
        })),
      );
      await this.dataSource.query(
        `UPDATE "${schemaOf(this.dataSource)}".case_deadline d SET armed_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS k(case_id, level, kind)
          WHERE (d.case_id, d.level, d.kind) = (k.case_id, k.level, k.kind) AND d.armed_at IS NULL`,
        [
          chunk.map((row) => row.caseId),
          chunk.map((row) => row.level),
          chunk.map((row) => row.kind),
        ],
      );
    }
  }
}
