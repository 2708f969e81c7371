/** The membership daily-check queue: its one job and the scheduler that adds it. */
export const DAILY_CHECK_QUEUE = 'membership-daily-check';
export const DAILY_CHECK_SCHEDULER_ID = 'membership-daily-check';

export interface DailyCheckJobs {
  /** Runs the check for the UK date on which the job fires. */
  'daily-check': Record<string, never>;
}

export type DailyCheckJobName = keyof DailyCheckJobs;
