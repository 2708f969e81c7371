import { CASE_STATUSES } from '#contracts';
import {
  commandForDecision,
  type CaseCommand,
  type CaseState,
  type TransitionResult,
} from './case-commands.js';
import { levelOfBodyKind, nextLevel } from './case-ladder.js';
import { openCase, stageRunningIn, transition } from './case-lifecycle.js';

const policy = { maxDeferrals: 2 };

const aCase = (overrides: Partial<CaseState> = {}): CaseState => ({
  status: 'opened',
  level: 'group',
  deferrals: 0,
  overdue: false,
  severity: 'high',
  ...overrides,
});

function accepted(result: TransitionResult) {
  if (!result.ok) {
    throw new Error(`expected the command to be accepted: ${result.reason}`);
  }
  return result;
}

function refused(result: TransitionResult): string {
  if (result.ok) {
    throw new Error(`expected a refusal, got ${result.transition}`);
  }
  return result.reason;
}

const EVERY_COMMAND: CaseCommand[] = [
  { type: 'acknowledge', actorRole: 'chair' },
  { type: 'table' },
  { type: 'decide', outcome: 'resolved' },
  { type: 'decide', outcome: 'escalate' },
  { type: 'decide', outcome: 'defer' },
  { type: 'decide', outcome: 'action-plan' },
  { type: 'deadlineMissed', which: 'acknowledge' },
  { type: 'deadlineMissed', which: 'table' },
  { type: 'deadlineMissed', which: 'resolve' },
  { type: 'escalate', reason: 'by hand' },
  { type: 'recover' },
  { type: 'withdrawBreach' },
  { type: 'resolve', reason: 'by an admin' },
  { type: 'close' },
  { type: 'reopenTrigger', severity: 'extreme' },
  { type: 'decide', outcome: 'resolved', outsideMeeting: true },
  { type: 'askChairsAction', reason: 'late' },
  { type: 'ratify', ratified: true },
  { type: 'ratify', ratified: false },
];

describe("a stage's deadline", () => {
  it('runs until its stage is done, and a reminder or unknown kind never counts', () => {
    expect(stageRunningIn('acknowledge', 'opened')).toBe(true);
    expect(stageRunningIn('acknowledge', 'acknowledged')).toBe(false);
    expect(stageRunningIn('table', 'acknowledged')).toBe(true);
    expect(stageRunningIn('table', 'tabled')).toBe(false);
    expect(stageRunningIn('resolve', 'tabled')).toBe(true);
    expect(stageRunningIn('resolve', 'monitoring')).toBe(false);
    expect(stageRunningIn('resolve@0.5', 'opened')).toBe(false);
  });
});

describe('the escalation ladder', () => {
  it('puts every kind of network group on the lowest rung, then the CAG, then the Board', () => {
    expect(levelOfBodyKind('tumour-site-group')).toBe('group');
    expect(levelOfBodyKind('cross-cutting-group')).toBe('group');
    expect(levelOfBodyKind('operational-delivery-group')).toBe('group');
    expect(levelOfBodyKind('clinical-advisory-group')).toBe('cag');
    expect(levelOfBodyKind('alliance-board')).toBe('board');
  });

  it('goes up one rung at a time and stops at the Board', () => {
    expect(nextLevel('group')).toBe('cag');
    expect(nextLevel('cag')).toBe('board');
    expect(nextLevel('board')).toBeNull();
  });
});

describe('case lifecycle', () => {
  it('opens a case on the holding body agenda with its deadlines armed', () => {
    expect(openCase('group', 'moderate')).toEqual({
      state: aCase({ severity: 'moderate' }),
      effects: [
        { kind: 'request-agenda', level: 'group' },
        { kind: 'arm-deadlines', level: 'group', from: 'acknowledge' },
        { kind: 'notify', audience: 'holding-body', reason: expect.any(String) },
      ],
      transition: 'opened',
    });
  });

  describe('acknowledge', () => {
    it.each(['chair', 'clinical-lead', 'admin'] as const)('is accepted from the %s', (role) => {
      const result = accepted(
        transition(aCase(), { type: 'acknowledge', actorRole: role }, policy),
      );
      expect(result.state.status).toBe('acknowledged');
      expect(result.transition).toBe('acknowledged');
      expect(result.effects).toEqual([]);
    });

    it('is refused from anyone else', () => {
      const reason = refused(
        transition(aCase(), { type: 'acknowledge', actorRole: 'other' }, policy),
      );
      expect(reason).toMatch(/acknowledge.*opened.*chair or clinical lead/);
    });

    it('is refused once the case is past awaiting acknowledgement', () => {
      const reason = refused(
        transition(
          aCase({ status: 'tabled' }),
          { type: 'acknowledge', actorRole: 'chair' },
          policy,
        ),
      );
      expect(reason).toBe(
        'Cannot acknowledge a case that is tabled: accepted only when the case is opened',
      );
    });
  });

  describe('table', () => {
    it.each(['opened', 'acknowledged', 'deferred'] as const)(
      'places a case that is %s on a meeting and tells the members',
      (status) => {
        const result = accepted(transition(aCase({ status }), { type: 'table' }, policy));
        expect(result.state.status).toBe('tabled');
        expect(result.effects).toEqual([
          { kind: 'notify', audience: 'members', reason: expect.any(String) },
        ]);
      },
    );

    it('is refused when the case is already tabled', () => {
      expect(refused(transition(aCase({ status: 'tabled' }), { type: 'table' }, policy))).toMatch(
        /Cannot table a case that is tabled/,
      );
    });
  });

  describe('decide', () => {
    const tabled = aCase({ status: 'tabled' });

    it('is refused before the case is tabled', () => {
      expect(refused(transition(aCase(), { type: 'decide', outcome: 'resolved' }, policy))).toMatch(
        /"resolved" decision.*opened.*tabled/,
      );
    });

    it('resolves a case and stops its timers; a resolved case closes', () => {
      const resolved = accepted(
        transition(tabled, { type: 'decide', outcome: 'resolved' }, policy),
      );
      expect(resolved.state.status).toBe('resolved');
      expect(resolved.effects).toEqual([
        { kind: 'cancel-timers' },
        { kind: 'notify', audience: 'holding-body', reason: 'Resolved by the body’s decision' },
      ]);

      const closed = accepted(transition(resolved.state, { type: 'close' }, policy));
      expect(closed.state.status).toBe('closed');
      expect(closed.transition).toBe('closed');
    });

    it('escalates one level, opening the case afresh at the parent body', () => {
      const result = accepted(
        transition({ ...tabled, deferrals: 1 }, { type: 'decide', outcome: 'escalate' }, policy),
      );
      expect(result.transition).toBe('escalated');
      expect(result.state).toEqual(aCase({ level: 'cag', deferrals: 0 }));
      expect(result.effects).toEqual([
        { kind: 'cancel-timers' },
        { kind: 'request-agenda', level: 'cag' },
        { kind: 'arm-deadlines', level: 'cag', from: 'acknowledge' },
        { kind: 'notify', audience: 'holding-body', reason: expect.stringMatching(/decided/) },
        { kind: 'notify', audience: 'parent-body', reason: expect.stringMatching(/decided/) },
      ]);
    });

    it('refuses to escalate beyond the Alliance Board', () => {
      expect(
        refused(
          transition(
            { ...tabled, level: 'board' },
            { type: 'decide', outcome: 'escalate' },
            policy,
          ),
        ),
      ).toMatch(/"escalate" decision.*tabled: the Alliance Board is the top/);
    });

    it('defers to a later meeting, restarting the tabling and resolution clocks', () => {
      const result = accepted(transition(tabled, { type: 'decide', outcome: 'defer' }, policy));
      expect(result.state).toEqual(aCase({ status: 'deferred', deferrals: 1 }));
      expect(result.effects).toEqual([
        { kind: 'cancel-timers' },
        { kind: 'request-agenda', level: 'group' },
        { kind: 'arm-deadlines', level: 'group', from: 'table' },
      ]);
    });

    it('refuses a deferral beyond the policy maximum', () => {
      const reason = refused(
        transition({ ...tabled, deferrals: 2 }, { type: 'decide', outcome: 'defer' }, policy),
      );
      expect(reason).toMatch(/"defer" decision.*tabled: deferred 2 times/);
      expect(
        refused(transition(tabled, { type: 'decide', outcome: 'defer' }, { maxDeferrals: 0 })),
      ).toMatch(/deferred 0 times/);
    });

    it('monitors a case once an action plan is accepted, with its timers stopped', () => {
      const result = accepted(
        transition(tabled, { type: 'decide', outcome: 'action-plan' }, policy),
      );
      expect(result.transition).toBe('action-plan-accepted');
      expect(result.state.status).toBe('monitoring');
      expect(result.effects).toEqual([
        { kind: 'cancel-timers' },
        {
          kind: 'notify',
          audience: 'holding-body',
          reason: 'An action plan was accepted: the case is monitored',
        },
      ]);
    });
  });

  describe('monitoring', () => {
    const monitoring = aCase({ status: 'monitoring', level: 'cag' });

    it('closes, or escalates when the plan does not work', () => {
      expect(accepted(transition(monitoring, { type: 'close' }, policy)).state.status).toBe(
        'closed',
      );
      const escalated = accepted(
        transition(monitoring, { type: 'escalate', reason: 'actions not done' }, policy),
      );
      expect(escalated.state).toMatchObject({ status: 'opened', level: 'board' });
    });

    it('runs no deadlines and takes no decision without a new tabling', () => {
      expect(
        refused(transition(monitoring, { type: 'deadlineMissed', which: 'resolve' }, policy)),
      ).toMatch(/missed resolve deadline.*monitoring/);
      expect(
        refused(transition(monitoring, { type: 'decide', outcome: 'resolved' }, policy)),
      ).toMatch(/monitoring/);
    });
  });

  describe('missed deadlines', () => {
    it('escalates a case not acknowledged in time, naming the reason', () => {
      const result = accepted(
        transition(aCase(), { type: 'deadlineMissed', which: 'acknowledge' }, policy),
      );
      expect(result.transition).toBe('escalated');
      expect(result.state).toMatchObject({ status: 'opened', level: 'cag' });
      expect(result.effects).toContainEqual({
        kind: 'notify',
        audience: 'parent-body',
        reason:
          'Escalated from the network group to the Clinical Advisory Group: the acknowledge deadline passed at the network group',
      });
    });

    it('escalates a case not resolved in time from the CAG to the Board', () => {
      const result = accepted(
        transition(
          aCase({ status: 'tabled', level: 'cag' }),
          { type: 'deadlineMissed', which: 'resolve' },
          policy,
        ),
      );
      expect(result.state).toMatchObject({ status: 'opened', level: 'board' });
      expect(result.effects).toContainEqual({ kind: 'request-agenda', level: 'board' });
    });

    it.each(['acknowledge', 'resolve'] as const)(
      'marks a case overdue at the Board when the %s deadline passes, telling its chair and secretariat',
      (which) => {
        const board = aCase({ level: 'board' });
        const result = accepted(transition(board, { type: 'deadlineMissed', which }, policy));
        expect(result.transition).toBe('overdue');
        expect(result.state).toEqual({ ...board, overdue: true });
        expect(result.effects).toEqual([
          {
            kind: 'notify',
            audience: 'board-chair-and-secretariat',
            reason: `The ${which} deadline passed at the Alliance Board, the top of the ladder`,
          },
        ]);
      },
    );

    it("asks the chair for an extraordinary meeting or chair's action when tabling is late", () => {
      const acknowledged = aCase({ status: 'acknowledged' });
      const result = accepted(
        transition(acknowledged, { type: 'deadlineMissed', which: 'table' }, policy),
      );
      expect(result.transition).toBe('chair-action-requested');
      expect(result.state).toEqual(acknowledged);
      expect(result.effects).toEqual([
        {
          kind: 'notify',
          audience: 'holding-body',
          reason: expect.stringMatching(/extraordinary meeting or chair's action/),
        },
      ]);
    });

    it('refuses a timer whose stage is already done', () => {
      expect(
        refused(
          transition(
            aCase({ status: 'acknowledged' }),
            { type: 'deadlineMissed', which: 'acknowledge' },
            policy,
          ),
        ),
      ).toBe(
        'Cannot act on a missed acknowledge deadline for a case that is acknowledged: accepted only when the case is opened',
      );
      expect(
        refused(
          transition(
            aCase({ status: 'tabled' }),
            { type: 'deadlineMissed', which: 'table' },
            policy,
          ),
        ),
      ).toMatch(/missed table deadline.*tabled/);
    });

    it('clears the overdue flag when the Board decides', () => {
      const result = accepted(
        transition(
          aCase({ status: 'tabled', level: 'board', overdue: true }),
          { type: 'decide', outcome: 'resolved' },
          policy,
        ),
      );
      expect(result.state.overdue).toBe(false);
    });
  });

  describe('manual escalation', () => {
    it('moves up one level with the given reason', () => {
      const result = accepted(
        transition(
          aCase({ status: 'deferred', deferrals: 2 }),
          { type: 'escalate', reason: 'trust-wide capacity problem' },
          policy,
        ),
      );
      expect(result.state).toEqual(aCase({ level: 'cag' }));
      expect(result.effects).toContainEqual({
        kind: 'notify',
        audience: 'holding-body',
        reason:
          'Escalated from the network group to the Clinical Advisory Group: trust-wide capacity problem',
      });
    });

    it('is refused at the Board', () => {
      expect(
        refused(
          transition(aCase({ level: 'board' }), { type: 'escalate', reason: 'why not' }, policy),
        ),
      ).toBe('Cannot escalate a case that is opened: the Alliance Board is the top of the ladder');
    });
  });

  describe('recovery', () => {
    it('records the recovery and offers the case for closure', () => {
      const result = accepted(
        transition(aCase({ status: 'tabled', level: 'cag' }), { type: 'recover' }, policy),
      );
      expect(result.transition).toBe('recovered');
      expect(result.state).toEqual(aCase({ status: 'resolved', level: 'cag' }));
      expect(result.effects).toEqual([
        { kind: 'cancel-timers' },
        {
          kind: 'notify',
          audience: 'holding-body',
          reason: expect.stringMatching(/offered for closure/),
        },
      ]);
    });

    it('is refused on a case already resolved', () => {
      expect(
        refused(transition(aCase({ status: 'resolved' }), { type: 'recover' }, policy)),
      ).toMatch(/record recovery on a case that is resolved/);
    });
  });

  describe('a withdrawn breach', () => {
    it('records the withdrawal and offers the case for closure, leaving the closing to a person', () => {
      const result = accepted(
        transition(aCase({ status: 'acknowledged' }), { type: 'withdrawBreach' }, policy),
      );
      expect(result.transition).toBe('breach-withdrawn');
      expect(result.state.status).toBe('resolved');
      expect(result.effects).toEqual([
        { kind: 'cancel-timers' },
        {
          kind: 'notify',
          audience: 'holding-body',
          reason: expect.stringMatching(/withdrawn.*offered for closure/),
        },
      ]);
      expect(refused(transition(result.state, { type: 'withdrawBreach' }, policy))).toMatch(
        /record a withdrawn breach on a case that is resolved/,
      );
    });
  });

  describe('resolution by an admin', () => {
    it('resolves an open case at any status short of a decision, removing its timers', () => {
      for (const status of [
        'opened',
        'acknowledged',
        'tabled',
        'deferred',
        'monitoring',
      ] as const) {
        const result = accepted(
          transition(aCase({ status }), { type: 'resolve', reason: 'Raised in error' }, policy),
        );
        expect(result.transition).toBe('resolved');
        expect(result.state.status).toBe('resolved');
        expect(result.effects[0]).toEqual({ kind: 'cancel-timers' });
      }
    });

    it('is refused on a case already resolved', () => {
      expect(
        refused(
          transition(aCase({ status: 'resolved' }), { type: 'resolve', reason: 'x' }, policy),
        ),
      ).toMatch(/Cannot resolve a case that is resolved/);
    });
  });

  describe('close', () => {
    it.each(['opened', 'acknowledged', 'tabled', 'deferred'] as const)(
      'is refused while the case is %s',
      (status) => {
        expect(refused(transition(aCase({ status }), { type: 'close' }, policy))).toMatch(
          new RegExp(`Cannot close a case that is ${status}`),
        );
      },
    );
  });

  describe('a new trigger for the same subject', () => {
    it('updates the severity of the open case and says so, with no new case', () => {
      const tabled = aCase({ status: 'tabled', severity: 'moderate' });
      const result = accepted(
        transition(tabled, { type: 'reopenTrigger', severity: 'extreme' }, policy),
      );
      expect(result.transition).toBe('trigger-updated');
      expect(result.state).toEqual({ ...tabled, severity: 'extreme' });
      expect(result.effects).toEqual([
        {
          kind: 'notify',
          audience: 'holding-body',
          reason: 'Severity changed from moderate to extreme',
        },
      ]);
    });

    it('notifies nobody when the severity is unchanged', () => {
      const result = accepted(
        transition(aCase(), { type: 'reopenTrigger', severity: 'high' }, policy),
      );
      expect(result.effects).toEqual([]);
    });

    it('reopens a resolved case that has not been closed', () => {
      const result = accepted(
        transition(
          aCase({ status: 'resolved', level: 'cag' }),
          { type: 'reopenTrigger', severity: 'extreme' },
          policy,
        ),
      );
      expect(result.transition).toBe('reopened');
      expect(result.state).toEqual(aCase({ level: 'cag', severity: 'extreme' }));
      expect(result.effects.slice(0, 2)).toEqual([
        { kind: 'request-agenda', level: 'cag' },
        { kind: 'arm-deadlines', level: 'cag', from: 'acknowledge' },
      ]);
    });
  });

  it('accepts nothing once closed', () => {
    const closed = aCase({ status: 'closed' });
    for (const command of EVERY_COMMAND) {
      expect(refused(transition(closed, command, policy))).toMatch(
        /a case that is closed: a closed case accepts nothing/,
      );
    }
  });

  it('never leaves a case in a status outside the list', () => {
    for (const status of CASE_STATUSES) {
      for (const command of EVERY_COMMAND) {
        const result = transition(aCase({ status }), command, policy);
        if (result.ok) {
          expect(CASE_STATUSES).toContain(result.state.status);
        } else {
          expect(result.reason).toContain(status);
        }
      }
    }
  });
});

describe("chair's action", () => {
  it('is asked for with the reason given, the case staying where it is, even once tabled', () => {
    for (const status of ['opened', 'acknowledged', 'tabled', 'deferred'] as const) {
      const result = accepted(
        transition(aCase({ status }), { type: 'askChairsAction', reason: 'Too late' }, policy),
      );
      expect(result.transition).toBe('chair-action-requested');
      expect(result.state.status).toBe(status);
      expect(result.effects).toEqual([
        { kind: 'notify', audience: 'holding-body', reason: 'Too late' },
      ]);
    }
    expect(
      refused(
        transition(
          aCase({ status: 'monitoring' }),
          { type: 'askChairsAction', reason: 'x' },
          policy,
        ),
      ),
    ).toMatch(/ask for a chair's action on a case that is monitoring/);
  });

  it('decides a case between meetings, tabled or not, as a meeting would', () => {
    for (const status of ['opened', 'acknowledged', 'tabled', 'deferred'] as const) {
      const resolved = accepted(
        transition(
          aCase({ status }),
          { type: 'decide', outcome: 'resolved', outsideMeeting: true },
          policy,
        ),
      );
      expect(resolved.state.status).toBe('resolved');
      expect(resolved.effects).toContainEqual({ kind: 'cancel-timers' });
    }
    const escalated = accepted(
      transition(aCase(), { type: 'decide', outcome: 'escalate', outsideMeeting: true }, policy),
    );
    expect(escalated.state.level).toBe('cag');
  });

  it('never defers: the item waits for the next meeting anyway', () => {
    expect(
      refused(
        transition(
          aCase({ status: 'tabled' }),
          { type: 'decide', outcome: 'defer', outsideMeeting: true },
          policy,
        ),
      ),
    ).toMatch(/record a "defer" chair's action on a case that is tabled: an item waits/);
  });

  it('is ratified quietly, and a refusal to ratify tells the holding body', () => {
    const ratified = accepted(
      transition(aCase({ status: 'resolved' }), { type: 'ratify', ratified: true }, policy),
    );
    expect(ratified).toMatchObject({ transition: 'chairs-action-ratified', effects: [] });
    expect(ratified.state.status).toBe('resolved');
    const refusedRatification = accepted(
      transition(aCase({ status: 'resolved' }), { type: 'ratify', ratified: false }, policy),
    );
    expect(refusedRatification.transition).toBe('chairs-action-not-ratified');
    expect(refusedRatification.effects).toEqual([
      expect.objectContaining({ kind: 'notify', audience: 'holding-body' }),
    ]);
  });

  it("maps a chair's action outcome to a decision outside a meeting", () => {
    expect(commandForDecision('resolved', true)).toEqual({
      type: 'decide',
      outcome: 'resolved',
      outsideMeeting: true,
    });
    expect(commandForDecision('approved', true)).toBeNull();
  });
});

describe('decisions recorded by the meetings service', () => {
  it('map onto case decisions, and say nothing when they are not about the case', () => {
    expect(commandForDecision('resolved')).toEqual({ type: 'decide', outcome: 'resolved' });
    expect(commandForDecision('escalated')).toEqual({ type: 'decide', outcome: 'escalate' });
    expect(commandForDecision('deferred')).toEqual({ type: 'decide', outcome: 'defer' });
    expect(commandForDecision('action-plan-agreed')).toEqual({
      type: 'decide',
      outcome: 'action-plan',
    });
    expect(commandForDecision('noted')).toBeNull();
    expect(commandForDecision('approved')).toBeNull();
    expect(commandForDecision('rejected')).toBeNull();
  });
});
