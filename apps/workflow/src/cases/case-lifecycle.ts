import type {
  CaseCommand,
  CaseDecision,
  CasePolicy,
  CaseState,
  CaseStatus,
  DeadlineStage,
  Effect,
  TransitionName,
  TransitionResult,
} from './case-commands.js';
import { LEVEL_NAMES, nextLevel, type Level, type Severity } from './case-ladder.js';

/**
 * The life of an escalation case as a pure state machine: what each command does to a case
 * at its level of the ladder, and what the workflow service must then carry out (agenda
 * requests, timers, notifications) as data. No clock, no database: the service feeds in
 * commands from events, HTTP calls and fired timers, stores the new state and runs the effects.
 * Its vocabulary (states, commands, effects) is in case-commands.ts, the ladder in case-ladder.ts.
 */

/** A new case at `level`: asked onto the holding body's agenda, with its deadlines armed. */
export function openCase(
  level: Level,
  severity: Severity,
): { state: CaseState; effects: Effect[]; transition: 'opened' } {
  return {
    state: { status: 'opened', level, deferrals: 0, overdue: false, severity },
    effects: [
      { kind: 'request-agenda', level },
      { kind: 'arm-deadlines', level, from: 'acknowledge' },
      { kind: 'notify', audience: 'holding-body', reason: `Opened at ${LEVEL_NAMES[level]}` },
    ],
    transition: 'opened',
  };
}

const OPEN_STATUSES: readonly CaseStatus[] = [
  'opened',
  'acknowledged',
  'tabled',
  'deferred',
  'monitoring',
];

// A timer that fires after its stage is done is refused here, so the service need not
// cancel timers one by one: only a change of level or an end to deadlines cancels them all.
const STAGE_RUNNING_IN: Record<DeadlineStage, readonly CaseStatus[]> = {
  acknowledge: ['opened'],
  table: ['opened', 'acknowledged', 'deferred'],
  resolve: ['opened', 'acknowledged', 'tabled', 'deferred'],
};

/** Whether a stage's deadline still runs for a case in `status` (its stage is not done yet). */
export function stageRunningIn(stage: string, status: CaseStatus): boolean {
  // Own keys only: a kind such as `toString` would otherwise find the object's prototype.
  return (
    Object.hasOwn(STAGE_RUNNING_IN, stage) &&
    STAGE_RUNNING_IN[stage as DeadlineStage].includes(status)
  );
}

/** The statuses in which a command means something; in any other it is refused. */
function acceptedIn(command: CaseCommand): readonly CaseStatus[] {
  switch (command.type) {
    case 'acknowledge':
      return ['opened'];
    case 'table':
      // The agenda request goes out on opening, so an item may be placed before acknowledgement.
      return ['opened', 'acknowledged', 'deferred'];
    case 'decide':
      // The chair acts between meetings on a case waiting for one, placed on an agenda or not.
      return command.outsideMeeting ? ['opened', 'acknowledged', 'tabled', 'deferred'] : ['tabled'];
    case 'askChairsAction':
      return ['opened', 'acknowledged', 'tabled', 'deferred'];
    case 'deadlineMissed':
      return STAGE_RUNNING_IN[command.which];
    case 'escalate':
    case 'recover':
    case 'withdrawBreach':
    case 'resolve':
      return OPEN_STATUSES;
    case 'close':
      return ['resolved', 'monitoring'];
    case 'reopenTrigger':
      return [...OPEN_STATUSES, 'resolved'];
    case 'ratify':
      return [...OPEN_STATUSES, 'resolved'];
  }
}

function phraseOf(command: CaseCommand): string {
  switch (command.type) {
    case 'acknowledge':
    case 'table':
    case 'escalate':
    case 'close':
      return command.type;
    case 'decide':
      return command.outsideMeeting
        ? `record a "${command.outcome}" chair's action on`
        : `record a "${command.outcome}" decision on`;
    case 'askChairsAction':
      return "ask for a chair's action on";
    case 'ratify':
      return "record the ratification of a chair's action on";
    case 'deadlineMissed':
      return `act on a missed ${command.which} deadline for`;
    case 'recover':
      return 'record recovery on';
    case 'withdrawBreach':
      return 'record a withdrawn breach on';
    case 'resolve':
      return 'resolve';
    case 'reopenTrigger':
      return 'apply a new trigger to';
  }
}

/**
 * Applies a command to a case. Refusals say which command met which status and why; an
 * accepted command gives the new state, the effects to carry out and the transition's name.
 */
export function transition(
  state: CaseState,
  command: CaseCommand,
  policy: CasePolicy,
): TransitionResult {
  if (state.status === 'closed') {
    return refuse(state, command, 'a closed case accepts nothing; a new trigger opens a new case');
  }
  const accepted = acceptedIn(command);
  if (!accepted.includes(state.status)) {
    return refuse(state, command, `accepted only when the case is ${oneOf(accepted)}`);
  }
  switch (command.type) {
    case 'acknowledge':
      if (command.actorRole === 'other') {
        return refuse(
          state,
          command,
          "only the holding body's chair or clinical lead (or an admin for them) acknowledges",
        );
      }
      return ok({ ...state, status: 'acknowledged' }, [], 'acknowledged');
    case 'table':
      return ok(
        { ...state, status: 'tabled' },
        [{ kind: 'notify', audience: 'members', reason: 'On the agenda of the next meeting' }],
        'tabled',
      );
    case 'decide':
      if (command.outsideMeeting && command.outcome === 'defer') {
        return refuse(state, command, 'an item waits for the next meeting without a deferral');
      }
      return decide(state, command.outcome, policy);
    case 'askChairsAction':
      return ok(
        state,
        [{ kind: 'notify', audience: 'holding-body', reason: command.reason }],
        'chair-action-requested',
      );
    case 'ratify':
      return command.ratified
        ? ok(state, [], 'chairs-action-ratified')
        : ok(
            state,
            [
              {
                kind: 'notify',
                audience: 'holding-body',
                reason:
                  "The meeting did not ratify the chair's action on this case: the body is to decide it again",
              },
            ],
            'chairs-action-not-ratified',
          );
    case 'deadlineMissed':
      return deadlineMissed(state, command.which);
    case 'escalate':
      return escalate(state, command, command.reason);
    case 'resolve':
      return ok(
        { ...state, status: 'resolved', overdue: false },
        [
          { kind: 'cancel-timers' },
          {
            kind: 'notify',
            audience: 'holding-body',
            reason: `Resolved by an admin: ${command.reason}`,
          },
        ],
        'resolved',
      );
    case 'recover':
      return ok(
        { ...state, status: 'resolved', overdue: false },
        [
          { kind: 'cancel-timers' },
          {
            kind: 'notify',
            audience: 'holding-body',
            reason: 'The metric recovered: the case is offered for closure',
          },
        ],
        'recovered',
      );
    case 'withdrawBreach':
      // Closing stays a person's decision: the case is offered for it, as on a recovery.
      return ok(
        { ...state, status: 'resolved', overdue: false },
        [
          { kind: 'cancel-timers' },
          {
            kind: 'notify',
            audience: 'holding-body',
            reason:
              'The breach was withdrawn: revised figures no longer show it. The case is offered for closure',
          },
        ],
        'breach-withdrawn',
      );
    case 'close':
      // Timers already stopped on resolution or on the action plan.
      return ok({ ...state, status: 'closed' }, [], 'closed');
    case 'reopenTrigger':
      return reopenTrigger(state, command.severity);
  }
}

function decide(state: CaseState, outcome: CaseDecision, policy: CasePolicy): TransitionResult {
  switch (outcome) {
    case 'resolved':
      return ok(
        { ...state, status: 'resolved', overdue: false },
        [
          { kind: 'cancel-timers' },
          { kind: 'notify', audience: 'holding-body', reason: 'Resolved by the body’s decision' },
        ],
        'resolved',
      );
    case 'escalate':
      return escalate(state, { type: 'decide', outcome }, 'the body decided to escalate');
    case 'defer':
      if (state.deferrals >= policy.maxDeferrals) {
        return refuse(
          state,
          { type: 'decide', outcome },
          `deferred ${state.deferrals} times at this level, the most the policy allows; ` +
            'resolve, escalate or accept an action plan',
        );
      }
      // A deferral is an agreed return at a later meeting, so the tabling and resolution
      // clocks restart; maxDeferrals is what stops that going on for ever.
      return ok(
        { ...state, status: 'deferred', deferrals: state.deferrals + 1, overdue: false },
        [
          { kind: 'cancel-timers' },
          { kind: 'request-agenda', level: state.level },
          { kind: 'arm-deadlines', level: state.level, from: 'table' },
        ],
        'deferred',
      );
    case 'action-plan':
      // The plan's actions carry their own due dates in the meetings service.
      return ok(
        { ...state, status: 'monitoring', overdue: false },
        [
          { kind: 'cancel-timers' },
          {
            kind: 'notify',
            audience: 'holding-body',
            reason: 'An action plan was accepted: the case is monitored',
          },
        ],
        'action-plan-accepted',
      );
  }
}

function deadlineMissed(state: CaseState, which: DeadlineStage): TransitionResult {
  switch (which) {
    case 'table':
      // Bodies decide at meetings: a late meeting calls for an extraordinary one or chair's
      // action, not a higher body. The resolve deadline still runs and escalates if neither comes.
      return ok(
        state,
        [
          {
            kind: 'notify',
            audience: 'holding-body',
            reason:
              "The tabling deadline passed before a meeting: the chair is asked for an extraordinary meeting or chair's action",
          },
        ],
        'chair-action-requested',
      );
    case 'acknowledge':
    case 'resolve':
      if (nextLevel(state.level) === null) {
        return ok(
          { ...state, overdue: true },
          [
            {
              kind: 'notify',
              audience: 'board-chair-and-secretariat',
              reason: `The ${which} deadline passed at the Alliance Board, the top of the ladder`,
            },
          ],
          'overdue',
        );
      }
      return escalate(
        state,
        { type: 'deadlineMissed', which },
        `the ${which} deadline passed at ${LEVEL_NAMES[state.level]}`,
      );
  }
}

function escalate(state: CaseState, command: CaseCommand, why: string): TransitionResult {
  const to = nextLevel(state.level);
  if (to === null) {
    return refuse(state, command, 'the Alliance Board is the top of the ladder');
  }
  const reason = `Escalated from ${LEVEL_NAMES[state.level]} to ${LEVEL_NAMES[to]}: ${why}`;
  return ok(
    { ...state, status: 'opened', level: to, deferrals: 0, overdue: false },
    [
      // The old level's timers first, or one of them would fire at the new level.
      { kind: 'cancel-timers' },
      { kind: 'request-agenda', level: to },
      { kind: 'arm-deadlines', level: to, from: 'acknowledge' },
      { kind: 'notify', audience: 'holding-body', reason },
      { kind: 'notify', audience: 'parent-body', reason },
    ],
    'escalated',
  );
}

function reopenTrigger(state: CaseState, severity: Severity): TransitionResult {
  if (state.status === 'resolved') {
    // Resolved but not yet closed: the issue is back, so the case goes round again here.
    return ok(
      { ...state, status: 'opened', severity, overdue: false },
      [
        { kind: 'request-agenda', level: state.level },
        { kind: 'arm-deadlines', level: state.level, from: 'acknowledge' },
        {
          kind: 'notify',
          audience: 'holding-body',
          reason: 'Reopened: a new trigger arrived before the case was closed',
        },
      ],
      'reopened',
    );
  }
  // Fresh evidence is recorded in the history either way; people hear only of a new severity.
  const effects: Effect[] =
    severity === state.severity
      ? []
      : [
          {
            kind: 'notify',
            audience: 'holding-body',
            reason: `Severity changed from ${state.severity} to ${severity}`,
          },
        ];
  return ok({ ...state, severity }, effects, 'trigger-updated');
}

function oneOf(statuses: readonly CaseStatus[]): string {
  return statuses.length > 1
    ? `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`
    : statuses.join('');
}

function ok(state: CaseState, effects: Effect[], name: TransitionName): TransitionResult {
  return { ok: true, state, effects, transition: name };
}

function refuse(state: CaseState, command: CaseCommand, why: string): TransitionResult {
  return {
    ok: false,
    reason: `Cannot ${phraseOf(command)} a case that is ${state.status}: ${why}`,
  };
}
