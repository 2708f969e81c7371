import fc from 'fast-check';
import { CASE_STATUSES, ESCALATION_LEVELS, ESCALATION_SEVERITIES } from '#contracts';
import { escalationPolicySchema } from '../policy/policy.schema.js';
import type {
  ActorRole,
  CaseCommand,
  CaseDecision,
  CasePolicy,
  CaseState,
  CaseStatus,
  DeadlineStage,
  TransitionName,
  TransitionResult,
} from './case-commands.js';
import { nextLevel, type Level } from './case-ladder.js';
import { openCase, stageRunningIn, transition } from './case-lifecycle.js';

/**
 * Properties of the case state machine over random command sequences: whatever the order in
 * which events, people and timers reach a case, its invariants hold. The examples of each rule
 * are in case-lifecycle.spec.ts.
 */

const ROLES: readonly ActorRole[] = ['chair', 'clinical-lead', 'admin', 'other'];
const DECISIONS: readonly CaseDecision[] = ['resolved', 'escalate', 'defer', 'action-plan'];
const STAGES: readonly DeadlineStage[] = ['acknowledge', 'table', 'resolve'];
const TRANSITIONS: readonly TransitionName[] = [
  'acknowledged',
  'tabled',
  'resolved',
  'escalated',
  'deferred',
  'action-plan-accepted',
  'chair-action-requested',
  'overdue',
  'recovered',
  'closed',
  'trigger-updated',
  'reopened',
];
// Statuses in which the case waits for nothing with a deadline.
const WITHOUT_DEADLINES: readonly CaseStatus[] = ['resolved', 'monitoring', 'closed'];

/** Every command the state machine knows, each variant once. */
const ALL_COMMANDS: readonly CaseCommand[] = [
  ...ROLES.map((actorRole) => ({ type: 'acknowledge', actorRole }) as const),
  { type: 'table' },
  ...DECISIONS.map((outcome) => ({ type: 'decide', outcome }) as const),
  ...STAGES.map((which) => ({ type: 'deadlineMissed', which }) as const),
  { type: 'escalate', reason: 'by hand' },
  { type: 'recover' },
  { type: 'resolve', reason: 'by an admin' },
  { type: 'close' },
  ...ESCALATION_SEVERITIES.map((severity) => ({ type: 'reopenTrigger', severity }) as const),
];

const aLevel = fc.constantFrom(...ESCALATION_LEVELS);
const aSeverity = fc.constantFrom(...ESCALATION_SEVERITIES);
const aCommand: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc.record({ type: fc.constant('acknowledge' as const), actorRole: fc.constantFrom(...ROLES) }),
  fc.constant({ type: 'table' } as const),
  fc.record({ type: fc.constant('decide' as const), outcome: fc.constantFrom(...DECISIONS) }),
  fc.record({ type: fc.constant('deadlineMissed' as const), which: fc.constantFrom(...STAGES) }),
  fc.record({ type: fc.constant('escalate' as const), reason: fc.string({ maxLength: 20 }) }),
  fc.constant({ type: 'recover' } as const),
  fc.record({ type: fc.constant('resolve' as const), reason: fc.string({ maxLength: 20 }) }),
  fc.constant({ type: 'close' } as const),
  fc.record({ type: fc.constant('reopenTrigger' as const), severity: aSeverity }),
);
/** The deferral limit over every value a valid escalation policy may hold. */
const { minValue, maxValue } = escalationPolicySchema.shape.maxDeferrals;
const aPolicy: fc.Arbitrary<CasePolicy> = fc
  .integer({ min: minValue ?? 0, max: maxValue ?? 0 })
  .map((maxDeferrals) => ({ maxDeferrals }));

const rung = (level: Level) => ESCALATION_LEVELS.indexOf(level);

/** Applies a command to a frozen state, so that a transition that mutated it would throw. */
function apply(state: CaseState, command: CaseCommand, policy: CasePolicy): TransitionResult {
  const before = { ...state };
  const result = transition(Object.freeze({ ...state }), command, policy);
  // Whatever the answer, the state it was given is as it was.
  expect(state).toEqual(before);
  return result;
}

/** What must hold of every accepted step from `from` to `result.state`. */
function checkStep(
  from: CaseState,
  command: CaseCommand,
  result: Extract<TransitionResult, { ok: true }>,
  policy: CasePolicy,
): void {
  const to = result.state;
  expect(CASE_STATUSES).toContain(to.status);
  // One rung up on escalation, the same rung otherwise; never down, never two at once.
  if (result.transition === 'escalated') {
    expect(to.level).toBe(nextLevel(from.level));
    expect(to).toMatchObject({ status: 'opened', deferrals: 0, overdue: false });
  } else {
    expect(to.level).toBe(from.level);
  }
  // Deferrals: counted one at a time, bounded by the policy, restarted on a new rung.
  expect(to.deferrals).toBeGreaterThanOrEqual(0);
  expect(to.deferrals).toBeLessThanOrEqual(policy.maxDeferrals);
  if (result.transition === 'deferred') {
    expect(to.deferrals).toBe(from.deferrals + 1);
  } else if (result.transition !== 'escalated') {
    expect(to.deferrals).toBe(from.deferrals);
  }
  // Overdue is for the top of the ladder, where there is no one to escalate to.
  if (to.overdue) {
    expect(to.level).toBe('board');
  }
  if (result.transition === 'overdue') {
    expect(from.level).toBe('board');
  }
  // A deadline missed counts only while its stage runs.
  if (command.type === 'deadlineMissed') {
    expect(stageRunningIn(command.which, from.status)).toBe(true);
  }
  if (command.type === 'close') {
    expect(['resolved', 'monitoring']).toContain(from.status);
  }
  // Deadlines are armed only at the case's level, and only while it waits for something.
  for (const effect of result.effects) {
    if (effect.kind === 'arm-deadlines') {
      expect(effect.level).toBe(to.level);
      expect(WITHOUT_DEADLINES).not.toContain(to.status);
    }
  }
  // The old rung's timers go before any new one is armed.
  if (to.level !== from.level) {
    expect(result.effects[0]).toEqual({ kind: 'cancel-timers' });
  }
}

describe('the case state machine, over random command sequences', () => {
  it('keeps its invariants after every command, accepted or refused', () => {
    const seen = new Set<TransitionName>();
    fc.assert(
      fc.property(
        aLevel,
        aSeverity,
        aPolicy,
        fc.array(aCommand, { maxLength: 40 }),
        (level, severity, policy, commands) => {
          const opened = openCase(level, severity);
          let state = opened.state;
          expect(state).toEqual({
            status: 'opened',
            level,
            deferrals: 0,
            overdue: false,
            severity,
          });
          expect(opened.effects).toContainEqual({
            kind: 'arm-deadlines',
            level,
            from: 'acknowledge',
          });
          for (const command of commands) {
            const result = apply(state, command, policy);
            if (state.status === 'closed') {
              expect(result.ok).toBe(false);
            }
            if (!result.ok) {
              expect(result.reason).toMatch(/^Cannot .+ a case that is [a-z]+: .+/);
              continue;
            }
            seen.add(result.transition);
            checkStep(state, command, result, policy);
            state = result.state;
          }
        },
      ),
      { numRuns: 1000 },
    );
    // The sequences reached every transition, so no property above held for want of a case.
    expect([...seen].sort()).toEqual([...TRANSITIONS].sort());
  });

  it('refuses every command once a case is closed, however it got there', () => {
    fc.assert(
      fc.property(
        aLevel,
        aSeverity,
        aPolicy,
        fc.array(aCommand, { maxLength: 20 }),
        fc.constantFrom<CaseCommand>({ type: 'resolve', reason: 'done' }, { type: 'recover' }),
        (level, severity, policy, commands, ending) => {
          // Wherever the commands left it, an admin's resolution (or recovery) then a close.
          let state = openCase(level, severity).state;
          for (const command of [...commands, ending, { type: 'close' } as const]) {
            const result = apply(state, command, policy);
            state = result.ok ? result.state : state;
          }
          expect(state.status).toBe('closed');
          for (const command of ALL_COMMANDS) {
            const result = apply(state, command, policy);
            expect(result.ok).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('acts on a missed deadline exactly when its stage still runs, and never for a reminder', () => {
    const aState: fc.Arbitrary<CaseState> = fc.record({
      status: fc.constantFrom(...CASE_STATUSES),
      level: aLevel,
      deferrals: fc.integer({ min: 0, max: 2 }),
      overdue: fc.boolean(),
      severity: aSeverity,
    });
    fc.assert(
      fc.property(aState, fc.constantFrom(...STAGES), (state, which) => {
        const result = transition(state, { type: 'deadlineMissed', which }, { maxDeferrals: 2 });
        expect(result.ok).toBe(stageRunningIn(which, state.status));
        if (WITHOUT_DEADLINES.includes(state.status)) {
          expect(stageRunningIn(which, state.status)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.string().filter((kind) => !(STAGES as readonly string[]).includes(kind)),
        fc.constantFrom(...CASE_STATUSES),
        (kind, status) => {
          expect(stageRunningIn(kind, status)).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('takes a new trigger for its subject while open, so the subject never needs a second case', () => {
    // One open case per subject is the cases service's rule (and a unique index); what the
    // state machine owes it is that an open case never turns a new trigger away, nor moves.
    fc.assert(
      fc.property(
        aLevel,
        aSeverity,
        aPolicy,
        fc.array(aCommand, { maxLength: 30 }),
        aSeverity,
        (level, severity, policy, commands, newSeverity) => {
          let state = openCase(level, severity).state;
          for (const command of commands) {
            const result = apply(state, command, policy);
            state = result.ok ? result.state : state;
          }
          const result = apply(state, { type: 'reopenTrigger', severity: newSeverity }, policy);
          expect(result.ok).toBe(state.status !== 'closed');
          if (result.ok) {
            expect(result.state).toMatchObject({ level: state.level, severity: newSeverity });
            expect(rung(result.state.level)).toBe(rung(state.level));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
