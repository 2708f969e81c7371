import type {
  AnyEventOf,
  ESCALATION_LEVELS,
  ESCALATION_SEVERITIES,
  EventOf,
  PayloadOf,
  PlatformEventMap,
  RISK_LEVELS,
  SINGLE_HOLDER_ROLES,
} from '#contracts';
import { daysBetween } from '#platform';
import {
  actionOverdueTitle,
  milestoneMissedTitle,
  priorityRedTitle,
  qualitySeriousConcernTitle,
  quorumNotMetTitle,
  riskRescoredTitle,
  roleVacantTitle,
  serviceGapRaisedTitle,
  standardBreachedTitle,
  workforceFundingTitle,
} from './case-titles.js';
import type { EscalationPolicy } from './policy.schema.js';

type Level = (typeof ESCALATION_LEVELS)[number];
type Severity = (typeof ESCALATION_SEVERITIES)[number];

export type TriggerKind =
  | 'standard-breached'
  | 'priority-red'
  | 'milestone-missed'
  | 'service-gap'
  | 'workforce-funding'
  | 'quorum-not-met'
  | 'action-overdue'
  | 'role-vacant'
  | 'quality-serious-concern'
  | 'manual';

/**
 * What opens (or, for a subject with an open case, updates) a case. `level: 'body'` opens at
 * `bodyId` on whatever rung its kind stands; `'cag'` opens at the Clinical Advisory Group above
 * `bodyId` (the body the issue came from), or at the alliance's CAG when `bodyId` is null.
 */
export interface Trigger {
  /** One open case per subject: a trigger with the key of an open case updates it. */
  readonly subjectKey: string;
  readonly bodyId: string | null;
  readonly level: Level | 'body';
  readonly severity: Severity;
  readonly title: string;
  readonly evidence: Record<string, unknown>;
  readonly kind: TriggerKind;
}

/** The event types that can open a case. */
export const TRIGGER_EVENT_TYPES = [
  'performance.standard-breached.v1',
  'priorities.rag-changed.v1',
  'priorities.milestone-missed.v1',
  'priorities.service-gap-raised.v1',
  'priorities.risk-rescored.v1',
  'priorities.workforce-recommendation-raised.v1',
  'meetings.quorum-not-met.v1',
  'meetings.action-overdue.v1',
  'priorities.quality-serious-concern-raised.v1',
] as const;

export type TriggerEventType = (typeof TRIGGER_EVENT_TYPES)[number];

/** An event that can open a case, as its consumer received it: checked against its contract. */
export type TriggerEvent = {
  [T in TriggerEventType]: EventOf<PlatformEventMap, T>;
}[TriggerEventType];

type Payload<T extends TriggerEventType> = PayloadOf<PlatformEventMap, T>;

function isTriggerEvent(event: AnyEventOf<PlatformEventMap>): event is TriggerEvent {
  return (TRIGGER_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * The trigger an event fires under the policy, or null when it fires none (another type, a
 * trigger switched off, below its threshold). The event comes typed from the consumer, whose
 * decode checked it against its contract: it is not parsed again here.
 */
export function triggerFromEvent(
  policy: EscalationPolicy,
  event: AnyEventOf<PlatformEventMap>,
): Trigger | null {
  return isTriggerEvent(event) ? fromTriggerEvent(policy, event) : null;
}

function fromTriggerEvent(policy: EscalationPolicy, event: TriggerEvent): Trigger | null {
  const evidence = { eventId: event.id, ...event.data };
  switch (event.type) {
    case 'performance.standard-breached.v1':
      return standardBreached(policy, event, evidence);
    case 'priorities.rag-changed.v1':
      return priorityRed(policy, event.data, evidence);
    case 'priorities.milestone-missed.v1':
      return milestoneMissed(policy, event.data, evidence);
    case 'priorities.service-gap-raised.v1':
      return serviceGap(policy, event.data, serviceGapRaisedTitle(event.data), evidence);
    case 'priorities.risk-rescored.v1':
      return serviceGap(policy, event.data, riskRescoredTitle(event.data), evidence);
    case 'priorities.workforce-recommendation-raised.v1':
      return workforceFunding(policy, event.data, evidence);
    case 'meetings.quorum-not-met.v1':
      return quorumNotMet(policy, event.data, evidence);
    case 'meetings.action-overdue.v1':
      return actionOverdue(policy, event.data, evidence);
    case 'priorities.quality-serious-concern-raised.v1':
      return qualitySeriousConcern(policy, event.data, evidence);
  }
}

/** Severity of a breach from its gap to target in share points: 10 extreme, 5 high. */
export function severityOfGap(gap: number): Severity {
  if (gap >= 0.1) {
    return 'extreme';
  }
  return gap >= 0.05 ? 'high' : 'moderate';
}

function standardBreached(
  policy: EscalationPolicy,
  event: EventOf<PlatformEventMap, 'performance.standard-breached.v1'>,
  evidence: Record<string, unknown>,
): Trigger | null {
  const { data } = event;
  const { enabled, minGap } = policy.triggers.standardBreached;
  if (!enabled || data.gap < minGap) {
    return null;
  }
  return {
    // One case per alliance, tumour site and standard: the subject the contract keys the
    // breach and the recovery by (`<allianceId>:<tumourSite>:<standard>`).
    subjectKey: `standard:${event.subject}`,
    bodyId: data.bodyId,
    // No network group for the tumour site in membership: the alliance's CAG holds it.
    level: data.bodyId === null ? 'cag' : 'body',
    severity: severityOfGap(data.gap),
    title: standardBreachedTitle(data),
    evidence,
    kind: 'standard-breached',
  };
}

function priorityRed(
  policy: EscalationPolicy,
  data: Payload<'priorities.rag-changed.v1'>,
  evidence: Record<string, unknown>,
): Trigger | null {
  if (!policy.triggers.priorityRed.enabled || data.to !== 'red' || data.from === 'red') {
    return null;
  }
  return {
    subjectKey: `priority:${data.priorityId}`,
    bodyId: data.bodyId,
    level: 'body',
    severity: 'high',
    title: priorityRedTitle(data),
    evidence,
    kind: 'priority-red',
  };
}

function milestoneMissed(
  policy: EscalationPolicy,
  data: Payload<'priorities.milestone-missed.v1'>,
  evidence: Record<string, unknown>,
): Trigger | null {
  if (!policy.triggers.milestoneMissed.enabled) {
    return null;
  }
  return {
    // Per milestone, so a missed milestone of a red priority is a case of its own.
    subjectKey: `milestone:${data.milestoneId}`,
    bodyId: data.bodyId,
    level: 'body',
    severity: 'moderate',
    title: milestoneMissedTitle(data),
    evidence,
    kind: 'milestone-missed',
  };
}

type RiskLevel = (typeof RISK_LEVELS)[number];

// The NHS matrix band of the current score, with low folded into our lowest severity.
function severityOfRisk(level: RiskLevel): Severity {
  switch (level) {
    case 'low':
    case 'moderate':
      return 'moderate';
    case 'high':
      return 'high';
    case 'extreme':
      return 'extreme';
  }
}

function serviceGap(
  policy: EscalationPolicy,
  data: Payload<'priorities.service-gap-raised.v1' | 'priorities.risk-rescored.v1'>,
  title: string,
  evidence: Record<string, unknown>,
): Trigger | null {
  const { openAt, cagAt } = policy.triggers.serviceGap;
  const score = data.currentRisk.score;
  if (score < openAt) {
    return null;
  }
  return {
    subjectKey: `service-gap:${data.gapId}`,
    bodyId: data.bodyId,
    level: score >= cagAt ? 'cag' : 'body',
    severity: severityOfRisk(data.currentRisk.level),
    title,
    evidence,
    kind: 'service-gap',
  };
}

function workforceFunding(
  policy: EscalationPolicy,
  data: Payload<'priorities.workforce-recommendation-raised.v1'>,
  evidence: Record<string, unknown>,
): Trigger | null {
  if (!policy.triggers.workforceFunding.enabled || !data.fundingNeeded) {
    return null;
  }
  return {
    subjectKey: `workforce:${data.recommendationId}`,
    bodyId: data.bodyId,
    // Funding is beyond a network group's gift: the CAG endorses it for the Board.
    level: 'cag',
    severity: 'moderate',
    title: workforceFundingTitle(data),
    evidence,
    kind: 'workforce-funding',
  };
}

function quorumNotMet(
  policy: EscalationPolicy,
  data: Payload<'meetings.quorum-not-met.v1'>,
  evidence: Record<string, unknown>,
): Trigger | null {
  const threshold = policy.triggers.quorumFailures;
  if (data.consecutive < threshold) {
    return null;
  }
  return {
    subjectKey: `quorum:${data.bodyId}`,
    bodyId: data.bodyId,
    // Its chair can act (chair's action, recruiting members); missed deadlines take it higher.
    level: 'body',
    severity: data.consecutive > threshold ? 'high' : 'moderate',
    title: quorumNotMetTitle(data.consecutive),
    evidence,
    kind: 'quorum-not-met',
  };
}

function qualitySeriousConcern(
  policy: EscalationPolicy,
  data: Payload<'priorities.quality-serious-concern-raised.v1'>,
  evidence: Record<string, unknown>,
): Trigger | null {
  const { enabled, level, severity } = policy.triggers.qualitySeriousConcern;
  if (!enabled) {
    return null;
  }
  return {
    // Per body and measure, whatever the set's version: next year's concern about the same
    // measure updates the open case rather than opening a twin.
    subjectKey: `quality:${data.bodyId}:${data.measureSetCode}:${data.measureId}`,
    bodyId: data.bodyId,
    level,
    severity,
    title: qualitySeriousConcernTitle(data),
    evidence,
    kind: 'quality-serious-concern',
  };
}

interface OverdueAction {
  readonly bodyId: string;
  readonly meetingId: string;
  readonly actionId: string;
  readonly ownerMemberId: string;
  readonly dueOn: string;
  readonly daysOverdue: number;
}

function actionOverdue(
  policy: EscalationPolicy,
  action: OverdueAction,
  evidence: Record<string, unknown>,
): Trigger | null {
  if (action.daysOverdue <= policy.triggers.actionOverdueDays) {
    return null;
  }
  return {
    subjectKey: `action:${action.actionId}`,
    bodyId: action.bodyId,
    level: 'body',
    severity: 'moderate',
    title: actionOverdueTitle(action),
    evidence,
    kind: 'action-overdue',
  };
}

/**
 * The trigger of an action still open `today`: the meetings service announces an overdue
 * action once, on the first day past due, so "long overdue" needs a timer at
 * `dueOn + actionOverdueDays + 1` that calls this.
 */
export function actionOverdueTrigger(
  policy: EscalationPolicy,
  action: Omit<OverdueAction, 'daysOverdue'> & { readonly today: string },
): Trigger | null {
  const { today, ...rest } = action;
  const overdue = { ...rest, daysOverdue: daysBetween(action.dueOn, today) };
  return actionOverdue(policy, overdue, { ...overdue, today });
}

export type SingleHolderRole = (typeof SINGLE_HOLDER_ROLES)[number];

/**
 * The trigger of a chair or clinical lead seat still empty `today`. Role vacated is announced
 * once (with `vacantSince`, passed here as `vacatedOn`), so the service arms a timer for
 * `vacatedOn + roleVacantDays` and calls this when it fires.
 */
export function roleVacancyTrigger(
  policy: EscalationPolicy,
  vacancy: {
    readonly bodyId: string;
    readonly role: SingleHolderRole;
    readonly vacatedOn: string;
    readonly today: string;
  },
): Trigger | null {
  const daysVacant = daysBetween(vacancy.vacatedOn, vacancy.today);
  if (daysVacant < policy.triggers.roleVacantDays) {
    return null;
  }
  return {
    subjectKey: `role-vacant:${vacancy.bodyId}:${vacancy.role}`,
    bodyId: vacancy.bodyId,
    // The remaining officer or the secretariat can acknowledge; an empty chair is the worse gap.
    level: 'body',
    severity: vacancy.role === 'chair' ? 'high' : 'moderate',
    title: roleVacantTitle(vacancy.role, daysVacant),
    evidence: { ...vacancy, daysVacant },
    kind: 'role-vacant',
  };
}
