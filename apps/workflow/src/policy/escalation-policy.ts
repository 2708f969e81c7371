import { z } from 'zod';
import {
  InvalidEventError,
  meetingsContract,
  performanceContract,
  prioritiesContract,
  type EventEnvelope,
  type PayloadOf,
  type PlatformEventMap,
  type RISK_LEVELS,
  type SINGLE_HOLDER_ROLES,
  MONTH_ABBREVIATIONS,
} from '#contracts';
import { daysBetween } from '#platform';
import type { Level, Severity } from '../cases/case-lifecycle.js';

/**
 * The escalation policy as versioned data: the service levels of each rung of the ladder and
 * the triggers that open a case. A case records the policy version it ran under, so a change
 * of policy never rewrites the deadlines of cases already open.
 */

// Up to a working year: anything longer is not a deadline a governance body can act on.
const workingDays = z.number().int().min(1).max(260);
const riskScore = z.number().int().min(1).max(25);

const levelDeadlinesSchema = z
  .strictObject({
    acknowledgeDays: workingDays,
    tableDays: workingDays,
    resolveDays: workingDays,
  })
  .refine((days) => days.acknowledgeDays <= days.tableDays && days.tableDays <= days.resolveDays, {
    // Each is counted from the day the case opens at the level, so they come in this order.
    message: 'Deadlines must run acknowledgeDays <= tableDays <= resolveDays',
  });

function isStrictlyAscending(values: readonly number[]): boolean {
  return values.every((value, index) => index === 0 || value > (values[index - 1] ?? value));
}

export const escalationPolicySchema = z.strictObject({
  version: z.number().int().min(1),
  /**
   * What the level deadlines count: working days (England and Wales bank holidays excluded),
   * or seconds, for automated tests and rehearsals of the ladder, which ignore the calendar.
   */
  deadlineUnit: z.enum(['working-day', 'second']).default('working-day'),
  /** Deadlines per rung of the ladder, in `deadlineUnit`s. */
  levels: z.strictObject({
    group: levelDeadlinesSchema,
    cag: levelDeadlinesSchema,
    board: levelDeadlinesSchema,
  } satisfies Record<Level, z.ZodType>),
  /** When reminders fire, as fractions of each deadline: [0.5, 0.8] is at half and four fifths. */
  reminders: z
    .array(z.number().gt(0).lt(1))
    .max(5)
    .refine(isStrictlyAscending, { message: 'Reminders must be in ascending order, each once' }),
  /** How many times a body may defer a case at one level before it must decide. */
  maxDeferrals: z.number().int().min(0).max(6),
  triggers: z.strictObject({
    standardBreached: z.strictObject({
      enabled: z.boolean(),
      /** Smallest gap to target, in share points, that opens a case (0.02 is two points). */
      minGap: z.number().min(0).max(1),
    }),
    priorityRed: z.strictObject({ enabled: z.boolean() }),
    milestoneMissed: z.strictObject({ enabled: z.boolean() }),
    serviceGap: z
      .strictObject({
        /** Current 5x5 risk score at which a service gap opens a case at its body. */
        openAt: riskScore,
        /** Score at which it goes straight to the Clinical Advisory Group. */
        cagAt: riskScore,
      })
      .refine((gap) => gap.cagAt >= gap.openAt, { message: 'cagAt must be at least openAt' }),
    workforceFunding: z.strictObject({ enabled: z.boolean() }),
    /** Calendar days a chair or clinical lead seat may stay empty. */
    roleVacantDays: z.number().int().min(1).max(365),
    /** Consecutive meetings of a body without quorum that open a case. */
    quorumFailures: z.number().int().min(1).max(12),
    /** Calendar days past its due date beyond which an action opens a case. */
    actionOverdueDays: z.number().int().min(0).max(365),
  }),
});

export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

/**
 * Version 1. Five working days (a week) to acknowledge everywhere: it needs no meeting.
 * Groups meet quarterly, so four weeks to table deliberately calls for chair's action or an
 * extraordinary meeting rather than a three-month wait, and eight to resolve. CAGs meet
 * about monthly with papers a week ahead, so three weeks to table and six to resolve (two
 * meetings). Boards meet bimonthly or quarterly and have no one above them: four and eight.
 */
export const DEFAULT_POLICY: EscalationPolicy = escalationPolicySchema.parse({
  version: 1,
  levels: {
    group: { acknowledgeDays: 5, tableDays: 20, resolveDays: 40 },
    cag: { acknowledgeDays: 5, tableDays: 15, resolveDays: 30 },
    board: { acknowledgeDays: 5, tableDays: 20, resolveDays: 40 },
  },
  reminders: [0.5, 0.8],
  maxDeferrals: 2,
  triggers: {
    // Performance already waits for consecutive months below target before announcing.
    standardBreached: { enabled: true, minGap: 0 },
    priorityRed: { enabled: true },
    milestoneMissed: { enabled: true },
    // 15 is where the NHS matrix's "extreme" band starts; 20 needs clinical leadership above.
    serviceGap: { openAt: 15, cagAt: 20 },
    workforceFunding: { enabled: true },
    // Recruiting a clinical lead (agreed sessions with the employer) takes about a quarter.
    roleVacantDays: 90,
    quorumFailures: 2,
    // About a monthly meeting cycle late: "long overdue" rather than merely late.
    actionOverdueDays: 28,
  },
});

export type TriggerKind =
  | 'standard-breached'
  | 'priority-red'
  | 'milestone-missed'
  | 'service-gap'
  | 'workforce-funding'
  | 'quorum-not-met'
  | 'action-overdue'
  | 'role-vacant'
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

/** The CloudEvents attributes a trigger reads; any platform event envelope fits. */
export type TriggerEvent = Pick<EventEnvelope, 'id' | 'type' | 'subject' | 'data'>;

const TRIGGER_SCHEMAS = {
  'performance.standard-breached.v1':
    performanceContract.events['performance.standard-breached.v1'],
  'priorities.rag-changed.v1': prioritiesContract.events['priorities.rag-changed.v1'],
  'priorities.milestone-missed.v1': prioritiesContract.events['priorities.milestone-missed.v1'],
  'priorities.service-gap-raised.v1': prioritiesContract.events['priorities.service-gap-raised.v1'],
  'priorities.risk-rescored.v1': prioritiesContract.events['priorities.risk-rescored.v1'],
  'priorities.workforce-recommendation-raised.v1':
    prioritiesContract.events['priorities.workforce-recommendation-raised.v1'],
  'meetings.quorum-not-met.v1': meetingsContract.events['meetings.quorum-not-met.v1'],
  'meetings.action-overdue.v1': meetingsContract.events['meetings.action-overdue.v1'],
};

/** The event types that can open a case. */
export type TriggerEventType = keyof typeof TRIGGER_SCHEMAS;
export const TRIGGER_EVENT_TYPES = Object.keys(TRIGGER_SCHEMAS) as TriggerEventType[];

type Payload<T extends TriggerEventType> = PayloadOf<PlatformEventMap, T>;

function isTriggerEventType(type: string): type is TriggerEventType {
  return Object.hasOwn(TRIGGER_SCHEMAS, type);
}

// Consumers validate already; checking again keeps this function honest about `data: unknown`.
function payloadOf<T extends TriggerEventType>(event: TriggerEvent, type: T): Payload<T> {
  const parsed = TRIGGER_SCHEMAS[type].safeParse(event.data);
  if (!parsed.success) {
    throw InvalidEventError.fromZod(type, parsed.error, 'data');
  }
  return parsed.data as Payload<T>;
}

/**
 * The trigger an event fires under the policy, or null when it fires none (another type, a
 * trigger switched off, below its threshold). Throws InvalidEventError when a trigger event's
 * data does not match its contract.
 */
export function triggerFromEvent(policy: EscalationPolicy, event: TriggerEvent): Trigger | null {
  const type = event.type;
  if (!isTriggerEventType(type)) {
    return null;
  }
  switch (type) {
    case 'performance.standard-breached.v1':
      return standardBreached(policy, event.id, payloadOf(event, type));
    case 'priorities.rag-changed.v1':
      return priorityRed(policy, event.id, payloadOf(event, type));
    case 'priorities.milestone-missed.v1':
      return milestoneMissed(policy, event.id, payloadOf(event, type));
    case 'priorities.service-gap-raised.v1': {
      const data = payloadOf(event, type);
      return serviceGap(policy, data, `Service gap: ${data.description}`, {
        eventId: event.id,
        ...data,
      });
    }
    case 'priorities.risk-rescored.v1': {
      // The rescoring event does not carry the gap's description.
      const data = payloadOf(event, type);
      const title = `Service gap ${data.gapId} rescored from ${data.previousRisk.score} to ${data.currentRisk.score}`;
      return serviceGap(policy, data, title, { eventId: event.id, ...data });
    }
    case 'priorities.workforce-recommendation-raised.v1':
      return workforceFunding(policy, event.id, payloadOf(event, type));
    case 'meetings.quorum-not-met.v1':
      return quorumNotMet(policy, event.id, payloadOf(event, type));
    case 'meetings.action-overdue.v1': {
      const data = payloadOf(event, type);
      return actionOverdue(policy, data, { eventId: event.id, ...data });
    }
  }
}

/** Severity of a breach from its gap to target in share points: 10 extreme, 5 high. */
export function severityOfGap(gap: number): Severity {
  if (gap >= 0.1) {
    return 'extreme';
  }
  return gap >= 0.05 ? 'high' : 'moderate';
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** How clinicians name the standards, for case titles. */
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

/** One case per alliance, tumour site and standard: breaches and recoveries find it by this key. */
export function standardSubjectKey(subject: {
  allianceId: string;
  tumourSite: string;
  standard: string;
}): string {
  return `standard:${subject.allianceId}:${subject.tumourSite}:${subject.standard}`;
}

function standardBreached(
  policy: EscalationPolicy,
  eventId: string,
  data: Payload<'performance.standard-breached.v1'>,
): Trigger | null {
  const { enabled, minGap } = policy.triggers.standardBreached;
  if (!enabled || data.gap < minGap) {
    return null;
  }
  return {
    subjectKey: standardSubjectKey(data),
    bodyId: data.bodyId,
    // No network group for the tumour site in membership: the alliance's CAG holds it.
    level: data.bodyId === null ? 'cag' : 'body',
    severity: severityOfGap(data.gap),
    title:
      `${siteName(data.tumourSite)}: ${STANDARD_NAMES[data.standard]} below target in ` +
      `${data.allianceCode}, ${percent(data.value)} against ${percent(data.target)} ` +
      `(${monthName(data.period)}, ${data.months.length} months running)`,
    evidence: { eventId, ...data },
    kind: 'standard-breached',
  };
}

function priorityRed(
  policy: EscalationPolicy,
  eventId: string,
  data: Payload<'priorities.rag-changed.v1'>,
): Trigger | null {
  if (!policy.triggers.priorityRed.enabled || data.to !== 'red' || data.from === 'red') {
    return null;
  }
  return {
    subjectKey: `priority:${data.priorityId}`,
    bodyId: data.bodyId,
    level: 'body',
    severity: 'high',
    // The RAG event carries no priority title (only priority-created does).
    title: `Priority ${data.priorityId} turned red: ${data.reason}`,
    evidence: { eventId, ...data },
    kind: 'priority-red',
  };
}

function milestoneMissed(
  policy: EscalationPolicy,
  eventId: string,
  data: Payload<'priorities.milestone-missed.v1'>,
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
    title: `Milestone missed: ${data.title} (due ${data.dueOn})`,
    evidence: { eventId, ...data },
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
  eventId: string,
  data: Payload<'priorities.workforce-recommendation-raised.v1'>,
): Trigger | null {
  if (!policy.triggers.workforceFunding.enabled || !data.fundingNeeded) {
    return null;
  }
  const cost =
    data.estimatedCost === null ? '' : `, about £${data.estimatedCost.toLocaleString('en-GB')}`;
  return {
    subjectKey: `workforce:${data.recommendationId}`,
    bodyId: data.bodyId,
    // Funding is beyond a network group's gift: the CAG endorses it for the Board.
    level: 'cag',
    severity: 'moderate',
    title: `Workforce funding needed: ${data.shortfallWte} WTE ${data.staffGroup}${cost}`,
    evidence: { eventId, ...data },
    kind: 'workforce-funding',
  };
}

function quorumNotMet(
  policy: EscalationPolicy,
  eventId: string,
  data: Payload<'meetings.quorum-not-met.v1'>,
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
    title: `Quorum not met at ${data.consecutive} meetings running`,
    evidence: { eventId, ...data },
    kind: 'quorum-not-met',
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
    // The overdue event carries no description (only action-assigned does).
    title: `Action ${action.actionId} overdue by ${action.daysOverdue} days (due ${action.dueOn})`,
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
    title: `${vacancy.role === 'chair' ? 'Chair' : 'Clinical lead'} vacant for ${daysVacant} days`,
    evidence: { ...vacancy, daysVacant },
    kind: 'role-vacant',
  };
}
