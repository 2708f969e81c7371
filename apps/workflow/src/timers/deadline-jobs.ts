import { jobNames } from '../common/swept-queue.js';

/** The deadline queue: its jobs, what each carries, and how a job's id is made. */
export const DEADLINE_QUEUE = 'workflow-deadlines';

export interface DeadlineJobData {
  caseId: string;
  level: string;
  kind: string;
  /** The instant the job was armed for, as ISO. */
  dueAt: string;
}

/** The deadline queue's jobs by name, each with what it carries. */
export interface DeadlineJobs {
  /** A case's deadline or reminder falls due; its row decides whether anything happens. */
  'deadline-due': DeadlineJobData;
}

export const DEADLINE_JOB_NAMES = jobNames<DeadlineJobs>({ 'deadline-due': true });

/** Attempts at a job whose run fails (the database away, say); BullMQ backs off between them. */
export const DEADLINE_ATTEMPTS = 5;

/**
 * Deterministic, so arming the same deadline twice is one job. BullMQ refuses `:` in custom
 * ids; the due instant is part of the id, so a re-planned deadline is a new job.
 */
export function deadlineJobId(row: {
  caseId: string;
  level: string;
  kind: string;
  dueAt: Date;
}): string {
  return `${row.caseId}.${row.level}.${row.kind}.${row.dueAt.getTime()}`;
}
