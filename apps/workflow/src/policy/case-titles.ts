import { fitText } from '#platform';
import { MONTH_ABBREVIATIONS, type PayloadOf, type PlatformEventMap } from '#contracts';

/** How a case is named on opening, from its trigger's data, as clinicians would put it. */

/** The most characters a case's title column holds. */
export const CASE_TITLE_LENGTH = 300;

/**
 * A title cut to fit its column, ending in an ellipsis: a title built from a long description or
 * reason must not stop the case opening (the trigger event would be retried, then dead-lettered).
 */
export function fitCaseTitle(title: string): string {
  return fitText(title, CASE_TITLE_LENGTH);
}

type Payload<T extends keyof PlatformEventMap> = PayloadOf<PlatformEventMap, T>;

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** How clinicians name the standards. */
const STANDARD_NAMES: Record<Payload<'performance.standard-breached.v1'>['standard'], string> = {
  'fds-28': '28-day Faster Diagnosis Standard',
  'combined-31': '31-day combined standard',
  'combined-62': '62-day combined standard',
  'scotland-31': '31-day standard',
  'scotland-62': '62-day standard',
};

/** `2026-03` as `Mar 2026`. */
const monthName = (period: string): string =>
  `${MONTH_ABBREVIATIONS[Number(period.slice(5, 7)) - 1] ?? period} ${period.slice(0, 4)}`;

/** `lower-gi` as `Lower gi`: a readable site name from the specialty code. */
const siteName = (site: string): string => {
  const words = site.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function standardBreachedTitle(data: Payload<'performance.standard-breached.v1'>): string {
  return (
    `${siteName(data.tumourSite)}: ${STANDARD_NAMES[data.standard]} below target in ` +
    `${data.allianceCode}, ${percent(data.value)} against ${percent(data.target)} ` +
    `(${monthName(data.period)}, ${data.months.length} months running)`
  );
}

// The RAG event carries no priority title (only priority-created does).
export function priorityRedTitle(data: Payload<'priorities.rag-changed.v1'>): string {
  return `Priority ${data.priorityId} turned red: ${data.reason}`;
}

export function milestoneMissedTitle(data: Payload<'priorities.milestone-missed.v1'>): string {
  return `Milestone missed: ${data.title} (due ${data.dueOn})`;
}

export function serviceGapRaisedTitle(data: Payload<'priorities.service-gap-raised.v1'>): string {
  return `Service gap: ${data.description}`;
}

// The rescoring event does not carry the gap's description.
export function riskRescoredTitle(data: Payload<'priorities.risk-rescored.v1'>): string {
  return `Service gap ${data.gapId} rescored from ${data.previousRisk.score} to ${data.currentRisk.score}`;
}

export function workforceFundingTitle(
  data: Payload<'priorities.workforce-recommendation-raised.v1'>,
): string {
  const cost =
    data.estimatedCost === null ? '' : `, about £${data.estimatedCost.toLocaleString('en-GB')}`;
  return `Workforce funding needed: ${data.shortfallWte} WTE ${data.staffGroup}${cost}`;
}

export function qualitySeriousConcernTitle(
  data: Payload<'priorities.quality-serious-concern-raised.v1'>,
): string {
  return `Quality standards serious concern, ${siteName(data.measureSetCode)} ${data.measureId}: ${data.measureText}`;
}

export function quorumNotMetTitle(consecutive: number): string {
  return `Quorum not met at ${consecutive} meetings running`;
}

// The overdue event carries no description (only action-assigned does).
export function actionOverdueTitle(action: {
  actionId: string;
  daysOverdue: number;
  dueOn: string;
}): string {
  return `Action ${action.actionId} overdue by ${action.daysOverdue} days (due ${action.dueOn})`;
}

export function roleVacantTitle(role: 'chair' | 'clinical-lead', daysVacant: number): string {
  return `${role === 'chair' ? 'Chair' : 'Clinical lead'} vacant for ${daysVacant} days`;
}
