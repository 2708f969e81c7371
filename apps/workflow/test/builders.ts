import { randomUUID } from 'node:crypto';
import type { PayloadOf, PlatformEventMap } from '#contracts';

/**
 * Test data for the workflow's tests: each builder gives a valid event payload or request body,
 * and a test overrides only what matters to it.
 */

type Payload<T extends keyof PlatformEventMap> = PayloadOf<PlatformEventMap, T>;
type Breach = Payload<'performance.standard-breached.v1'>;
type Month = Breach['months'][number];

/** A month's counts, out of 100 patients, at `value` against `target`. */
export function aMonth(overrides: Partial<Month> & Pick<Month, 'period'>): Month {
  const { value = 0.72, target = 0.8 } = overrides;
  return {
    total: 100,
    within: 100 * value,
    breaches: 100 * (1 - value),
    value,
    target,
    ...overrides,
  };
}

/**
 * A standard breached: lung, the 28-day Faster Diagnosis Standard, eight points below an 80%
 * target in March 2026, after February below it too; `value` and the months follow the `gap`
 * and `target` given.
 */
export function aBreach(overrides: Partial<Breach> = {}): Breach {
  const { target = 0.8, gap = 0.08, period = '2026-03' } = overrides;
  const value = overrides.value ?? target - gap;
  return {
    allianceId: randomUUID(),
    allianceCode: 'TST',
    tumourSite: 'lung',
    bodyId: randomUUID(),
    standard: 'fds-28',
    period,
    value,
    target,
    gap,
    monthsToBreach: 2,
    months: [aMonth({ period: '2026-02', value, target }), aMonth({ period, value, target })],
    ...overrides,
  };
}

/** The breached standard back on target: 85% against 80% in April 2026. */
export function aRecovery(
  overrides: Partial<Payload<'performance.standard-recovered.v1'>> = {},
): Payload<'performance.standard-recovered.v1'> {
  return {
    allianceId: randomUUID(),
    allianceCode: 'TST',
    tumourSite: 'lung',
    bodyId: randomUUID(),
    standard: 'fds-28',
    period: '2026-04',
    value: 0.85,
    target: 0.8,
    breachedPeriod: '2026-03',
    ...overrides,
  };
}

/** An escalation item placed on a meeting of the body, for the case `externalReference` names. */
export function anAgendaItemAdded(
  overrides: Partial<Payload<'meetings.agenda-item-added.v1'>> = {},
): Payload<'meetings.agenda-item-added.v1'> {
  return {
    meetingId: randomUUID(),
    bodyId: randomUUID(),
    agendaItemId: randomUUID(),
    type: 'escalation',
    title: 'Lung FDS',
    externalReference: null,
    requestId: null,
    late: null,
    ...overrides,
  };
}

/** A body's decision on an agenda item, for the case `externalReference` names. */
export function aDecision(
  overrides: Partial<Payload<'meetings.decision-recorded.v1'>> = {},
): Payload<'meetings.decision-recorded.v1'> {
  const outcome = overrides.outcome ?? 'resolved';
  return {
    meetingId: randomUUID(),
    bodyId: randomUUID(),
    decisionId: randomUUID(),
    agendaItemId: randomUUID(),
    externalReference: null,
    outcome,
    rationale: `Decided: ${outcome}`,
    votes: null,
    recordedBy: null,
    ...overrides,
  };
}

/** The body of `POST /cases`: an issue raised by hand at a body. */
export function aRaisedCase(
  overrides: Partial<{
    bodyId: string;
    title: string;
    reason: string;
    evidenceUrl: string;
    severity: 'moderate' | 'high' | 'extreme';
  }> = {},
) {
  return {
    bodyId: randomUUID(),
    title: 'No EBUS capacity in the north',
    reason: 'Patients travel 90 minutes for staging',
    ...overrides,
  };
}

interface LevelDeadlines {
  acknowledgeDays: number;
  tableDays: number;
  resolveDays: number;
}

/**
 * A policy document for rehearsing the ladder: `current` (as GET /policy/1 gives it) with its
 * deadlines counted in seconds, each far off (minutes) unless `levels` says otherwise.
 */
export function aPolicyInSeconds(
  current: object,
  levels: Partial<Record<'group' | 'cag' | 'board', Partial<LevelDeadlines>>> = {},
  overrides: Record<string, unknown> = {},
) {
  const far: LevelDeadlines = { acknowledgeDays: 200, tableDays: 220, resolveDays: 240 };
  return {
    ...current,
    deadlineUnit: 'second',
    levels: {
      group: { ...far, ...levels.group },
      cag: { ...far, ...levels.cag },
      board: { ...far, ...levels.board },
    },
    ...overrides,
  };
}
