/** The deadline queue: its one job, what the job carries, and how its id is made. */
export const DEADLINE_QUEUE = 'workflow-deadlines';
export const DEADLINE_JOB = 'deadline-due';

export interface DeadlineJobData {
  caseId: string;
  level: string;
  kind: string;
  /** The instant the job was armed for, as ISO. */
  dueAt: string;
}

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
