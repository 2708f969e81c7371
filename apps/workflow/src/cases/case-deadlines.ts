import { ukDate } from '#platform';
import type { EscalationPolicy } from '../policy/policy.schema.js';
import { deadlineInstant, type WorkingCalendar } from '../calendar/working-days.js';
import type { DeadlineStage } from './case-commands.js';
import type { Level } from './case-ladder.js';

export interface PlannedDeadline {
  kind: string;
  dueOn: string;
  dueAt: Date;
}

const STAGES: readonly DeadlineStage[] = ['acknowledge', 'table', 'resolve'];

/**
 * A level's deadlines from a stage onwards, counted in working days from `today`, with the
 * policy's reminders before each (kinds such as `resolve@0.5`). A deadline day ends at 17:00
 * UK time.
 */
export function planDeadlines(
  policy: EscalationPolicy,
  calendar: WorkingCalendar,
  level: Level,
  from: DeadlineStage,
  now: Date,
): PlannedDeadline[] {
  const days = policy.levels[level];
  const span: Record<DeadlineStage, number> = {
    acknowledge: days.acknowledgeDays,
    table: days.tableDays,
    resolve: days.resolveDays,
  };
  const stages = STAGES.slice(STAGES.indexOf(from));
  if (policy.deadlineUnit === 'second') {
    return stages.flatMap((stage) => {
      const at = (fraction: number) =>
        new Date(now.getTime() + Math.round(span[stage] * fraction * 1000));
      const reminders = policy.reminders.map((fraction) => ({
        kind: `${stage}@${fraction}`,
        dueOn: ukDate(at(fraction)),
        dueAt: at(fraction),
      }));
      return [...reminders, { kind: stage, dueOn: ukDate(at(1)), dueAt: at(1) }];
    });
  }
  const today = ukDate(now);
  return stages.flatMap((stage) => {
    const dueOn = calendar.addWorkingDays(today, span[stage]);
    const reminders = policy.reminders.map((fraction) => {
      const on = calendar.fractionPoint(today, dueOn, fraction);
      return {
        kind: `${stage}@${fraction}`,
        dueOn: on,
        dueAt: deadlineInstant(on, 'Europe/London', '09:00'),
      };
    });
    return [...reminders, { kind: stage, dueOn, dueAt: deadlineInstant(dueOn) }];
  });
}

/**
 * What a case says when a deadline falls after the last day its calendar's bank holidays are
 * entered for (counting there would take unknown holidays for working days); null when none do.
 */
export function calendarGapOf(
  planned: readonly PlannedDeadline[],
  calendar: WorkingCalendar,
): string | null {
  const latest = planned
    .map((deadline) => deadline.dueOn)
    .filter((dueOn) => calendar.beyondCoverage(dueOn))
    .sort()
    .at(-1);
  if (latest === undefined || calendar.coverage === null) {
    return null;
  }
  const { name, through } = calendar.coverage;
  return `Deadline ${latest} is after ${through}, the last day the ${name} calendar has bank holidays for: holidays after it count as working days until the calendar is extended`;
}
