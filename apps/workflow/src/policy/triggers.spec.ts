import { randomUUID } from 'node:crypto';
import {
  InvalidEventError,
  platformEvents,
  type EventTypeOf,
  type PayloadOf,
  type PlatformEventMap,
} from '#contracts';
import { DEFAULT_POLICY, type EscalationPolicy } from './policy.schema.js';
import {
  actionOverdueTrigger,
  roleVacancyTrigger,
  severityOfGap,
  triggerFromEvent,
} from './triggers.js';

type Type = EventTypeOf<PlatformEventMap>;

const ALLIANCE = randomUUID();
const BODY = randomUUID();

/** A valid envelope of `type`, checked against the contract as a consumer would receive it. */
function anEvent<T extends Type>(type: T, data: PayloadOf<PlatformEventMap, T>) {
  return platformEvents.build(type, data, { correlationId: 'spec' });
}

const aPolicy = (triggers: Partial<EscalationPolicy['triggers']> = {}): EscalationPolicy => ({
  ...DEFAULT_POLICY,
  triggers: { ...DEFAULT_POLICY.triggers, ...triggers },
});

const aBreach = (
  overrides: Partial<PayloadOf<PlatformEventMap, 'performance.standard-breached.v1'>> = {},
) =>
  anEvent('performance.standard-breached.v1', {
    allianceId: ALLIANCE,
    allianceCode: 'QE1',
    tumourSite: 'lung',
    bodyId: BODY,
    standard: 'combined-62',
    period: '2026-03',
    value: 0.7,
    target: 0.75,
    gap: 0.05,
    monthsToBreach: 2,
    months: [
      { period: '2026-02', total: 100, within: 72, breaches: 28, value: 0.72, target: 0.75 },
      { period: '2026-03', total: 100, within: 70, breaches: 30, value: 0.7, target: 0.75 },
    ],
    ...overrides,
  });

const risk = (likelihood: number, consequence: number) => {
  const score = likelihood * consequence;
  const level =
    score >= 15 ? 'extreme' : score >= 8 ? 'high' : score >= 4 ? 'moderate' : ('low' as const);
  return { likelihood, consequence, score, level } as const;
};

const aServiceGap = (current: ReturnType<typeof risk>) =>
  anEvent('priorities.service-gap-raised.v1', {
    bodyId: BODY,
    gapId: randomUUID(),
    description: 'No weekend CT-guided lung biopsy',
    initialRisk: current,
    currentRisk: current,
    targetRisk: risk(1, 3),
  });

const aQuorumFailure = (consecutive: number) =>
  anEvent('meetings.quorum-not-met.v1', {
    meetingId: randomUUID(),
    bodyId: BODY,
    quorum: {
      quorate: false,
      votingMembers: 12,
      present: 3,
      required: 4,
      chairOrDeputyPresent: true,
      clinicianPresent: true,
      shortfalls: ['3 of 12 voting members present; 4 needed'],
    },
    consecutive,
  });

describe('triggers from events', () => {
  describe('standard breached', () => {
    it('opens at the network group of the subject, with severity from the gap', () => {
      expect(triggerFromEvent(DEFAULT_POLICY, aBreach({ gap: 0.05 }))).toEqual({
        subjectKey: `standard:${ALLIANCE}:lung:combined-62`,
        bodyId: BODY,
        level: 'body',
        severity: 'high',
        title:
          'Lung: 62-day combined standard below target in QE1, 70.0% against 75.0% (Mar 2026, 2 months running)',
        evidence: expect.objectContaining({ gap: 0.05, period: '2026-03', monthsToBreach: 2 }),
        kind: 'standard-breached',
      });
    });

    it('grades severity at five and ten points below target', () => {
      expect(severityOfGap(0.049)).toBe('moderate');
      expect(severityOfGap(0.05)).toBe('high');
      expect(severityOfGap(0.0999)).toBe('high');
      expect(severityOfGap(0.1)).toBe('extreme');
      expect(triggerFromEvent(DEFAULT_POLICY, aBreach({ gap: 0.12 }))?.severity).toBe('extreme');
      expect(triggerFromEvent(DEFAULT_POLICY, aBreach({ gap: 0.01 }))?.severity).toBe('moderate');
    });

    it('goes to the alliance CAG when the tumour site has no network group', () => {
      expect(triggerFromEvent(DEFAULT_POLICY, aBreach({ bodyId: null }))).toMatchObject({
        bodyId: null,
        level: 'cag',
        evidence: expect.objectContaining({ allianceId: ALLIANCE }),
      });
    });

    it('ignores gaps below the minimum, and everything when switched off', () => {
      const minGap = aPolicy({ standardBreached: { enabled: true, minGap: 0.02 } });
      expect(triggerFromEvent(minGap, aBreach({ gap: 0.019 }))).toBeNull();
      expect(triggerFromEvent(minGap, aBreach({ gap: 0.02 }))).not.toBeNull();
      const off = aPolicy({ standardBreached: { enabled: false, minGap: 0 } });
      expect(triggerFromEvent(off, aBreach({ gap: 0.2 }))).toBeNull();
    });
  });

  describe('priority turned red', () => {
    const rag = (from: 'green' | 'amber' | 'red', to: 'green' | 'amber' | 'red') =>
      anEvent('priorities.rag-changed.v1', {
        bodyId: BODY,
        priorityId: '6f1e3c1a-3f3b-4c5e-9a51-0d5b8a3c2e10',
        from,
        to,
        reason: 'Rapid diagnostic centre capacity withdrawn',
        setBy: 'user-1',
      });

    it('opens at the owning body when a priority turns red', () => {
      expect(triggerFromEvent(DEFAULT_POLICY, rag('amber', 'red'))).toMatchObject({
        subjectKey: 'priority:6f1e3c1a-3f3b-4c5e-9a51-0d5b8a3c2e10',
        bodyId: BODY,
        level: 'body',
        severity: 'high',
        kind: 'priority-red',
      });
    });

    it('ignores other changes, and red when switched off', () => {
      expect(triggerFromEvent(DEFAULT_POLICY, rag('green', 'amber'))).toBeNull();
      expect(triggerFromEvent(DEFAULT_POLICY, rag('red', 'amber'))).toBeNull();
      expect(
        triggerFromEvent(aPolicy({ priorityRed: { enabled: false } }), rag('amber', 'red')),
      ).toBeNull();
    });
  });

  it('opens a case per missed milestone, unless switched off', () => {
    const milestoneId = randomUUID();
    const event = anEvent('priorities.milestone-missed.v1', {
      bodyId: BODY,
      priorityId: randomUUID(),
      milestoneId,
      title: 'Pathway navigators in post',
      dueOn: '2026-03-31',
    });
    expect(triggerFromEvent(DEFAULT_POLICY, event)).toMatchObject({
      subjectKey: `milestone:${milestoneId}`,
      level: 'body',
      severity: 'moderate',
      title: 'Milestone missed: Pathway navigators in post (due 2026-03-31)',
    });
    expect(triggerFromEvent(aPolicy({ milestoneMissed: { enabled: false } }), event)).toBeNull();
  });

  describe('service gap', () => {
    it('opens at the group from a high risk (8), so at 9, and at the CAG from an extreme one (15), so at 16', () => {
      expect(DEFAULT_POLICY.triggers.serviceGap).toEqual({ openAt: 8, cagAt: 15 });
      // 6 is moderate: the group's own register, no case.
      expect(triggerFromEvent(DEFAULT_POLICY, aServiceGap(risk(2, 3)))).toBeNull();
      expect(triggerFromEvent(DEFAULT_POLICY, aServiceGap(risk(2, 4)))).toMatchObject({
        level: 'body',
        severity: 'high',
      });
      expect(triggerFromEvent(DEFAULT_POLICY, aServiceGap(risk(3, 3)))).toMatchObject({
        bodyId: BODY,
        level: 'body',
        severity: 'high',
        title: 'Service gap: No weekend CT-guided lung biopsy',
        kind: 'service-gap',
      });
      expect(triggerFromEvent(DEFAULT_POLICY, aServiceGap(risk(3, 4)))).toMatchObject({
        level: 'body',
      });
      expect(triggerFromEvent(DEFAULT_POLICY, aServiceGap(risk(3, 5)))).toMatchObject({
        level: 'cag',
        severity: 'extreme',
      });
      expect(triggerFromEvent(DEFAULT_POLICY, aServiceGap(risk(4, 4)))).toMatchObject({
        level: 'cag',
        severity: 'extreme',
      });
    });

    it('takes its severity from the NHS risk band of the current score', () => {
      const lower = aPolicy({ serviceGap: { openAt: 8, cagAt: 20 } });
      expect(triggerFromEvent(lower, aServiceGap(risk(2, 4)))?.severity).toBe('high');
    });

    it('fires on a rescoring to a high enough current risk, keyed by the same gap', () => {
      const gapId = randomUUID();
      const rescored = (previous: ReturnType<typeof risk>, current: ReturnType<typeof risk>) =>
        anEvent('priorities.risk-rescored.v1', {
          bodyId: BODY,
          gapId,
          previousRisk: previous,
          currentRisk: current,
          reason: 'Locum radiologist left',
        });
      expect(triggerFromEvent(DEFAULT_POLICY, rescored(risk(3, 4), risk(5, 4)))).toMatchObject({
        subjectKey: `service-gap:${gapId}`,
        level: 'cag',
        title: `Service gap ${gapId} rescored from 12 to 20`,
      });
      expect(triggerFromEvent(DEFAULT_POLICY, rescored(risk(5, 4), risk(2, 3)))).toBeNull();
    });
  });

  describe('workforce recommendation', () => {
    const raised = (fundingNeeded: boolean) =>
      anEvent('priorities.workforce-recommendation-raised.v1', {
        bodyId: BODY,
        recommendationId: randomUUID(),
        staffGroup: 'clinical nurse specialists',
        shortfallWte: 2.5,
        estimatedCost: 140000,
        fundingNeeded,
      });

    it('opens at the CAG when it needs funding', () => {
      expect(triggerFromEvent(DEFAULT_POLICY, raised(true))).toMatchObject({
        bodyId: BODY,
        level: 'cag',
        title: 'Workforce funding needed: 2.5 WTE clinical nurse specialists, about £140,000',
        kind: 'workforce-funding',
      });
    });

    it('opens nothing when no funding is needed or the trigger is off', () => {
      expect(triggerFromEvent(DEFAULT_POLICY, raised(false))).toBeNull();
      expect(
        triggerFromEvent(aPolicy({ workforceFunding: { enabled: false } }), raised(true)),
      ).toBeNull();
    });
  });

  it('opens at the body when quorum fails the set number of meetings running', () => {
    expect(triggerFromEvent(DEFAULT_POLICY, aQuorumFailure(1))).toBeNull();
    expect(triggerFromEvent(DEFAULT_POLICY, aQuorumFailure(2))).toMatchObject({
      subjectKey: `quorum:${BODY}`,
      bodyId: BODY,
      level: 'body',
      severity: 'moderate',
      kind: 'quorum-not-met',
    });
    expect(triggerFromEvent(DEFAULT_POLICY, aQuorumFailure(3))?.severity).toBe('high');
  });

  it('opens for an action overdue by more than the set days', () => {
    const actionId = randomUUID();
    const overdue = (daysOverdue: number) =>
      anEvent('meetings.action-overdue.v1', {
        meetingId: randomUUID(),
        bodyId: BODY,
        actionId,
        ownerMemberId: randomUUID(),
        dueOn: '2026-01-05',
        daysOverdue,
      });
    expect(triggerFromEvent(DEFAULT_POLICY, overdue(28))).toBeNull();
    expect(triggerFromEvent(DEFAULT_POLICY, overdue(29))).toMatchObject({
      subjectKey: `action:${actionId}`,
      level: 'body',
      kind: 'action-overdue',
    });
    expect(triggerFromEvent(aPolicy({ actionOverdueDays: 0 }), overdue(1))).not.toBeNull();
  });

  describe('quality serious concern', () => {
    const concern = () =>
      anEvent('priorities.quality-serious-concern-raised.v1', {
        bodyId: BODY,
        assessmentId: randomUUID(),
        measureSetId: randomUUID(),
        measureSetCode: 'lung',
        measureSetVersion: 2,
        measureId: 'LUNG-03',
        measureText: 'A nurse specialist is present when the diagnosis is given',
        comment: 'No nurse specialist at 4 of 20 diagnoses audited',
        raisedBy: `member:${randomUUID()}`,
      });

    it('opens at the assessed body, high, keyed by body, set and measure (not version)', () => {
      expect(triggerFromEvent(DEFAULT_POLICY, concern())).toMatchObject({
        subjectKey: `quality:${BODY}:lung:LUNG-03`,
        bodyId: BODY,
        level: 'body',
        severity: 'high',
        kind: 'quality-serious-concern',
        title: expect.stringMatching(/^Quality standards serious concern, Lung LUNG-03: A nurse/),
        evidence: expect.objectContaining({ comment: expect.stringMatching(/4 of 20/) }),
      });
    });

    it('opens where and as the policy says, and nothing when switched off', () => {
      const atCag = aPolicy({
        qualitySeriousConcern: { enabled: true, level: 'cag', severity: 'extreme' },
      });
      expect(triggerFromEvent(atCag, concern())).toMatchObject({
        level: 'cag',
        severity: 'extreme',
      });
      const off = aPolicy({
        qualitySeriousConcern: { enabled: false, level: 'body', severity: 'high' },
      });
      expect(triggerFromEvent(off, concern())).toBeNull();
    });
  });

  it('fires nothing for events that are not triggers', () => {
    const decision = anEvent('meetings.decision-recorded.v1', {
      meetingId: randomUUID(),
      bodyId: BODY,
      decisionId: randomUUID(),
      agendaItemId: randomUUID(),
      externalReference: 'case-1',
      outcome: 'escalated',
      rationale: 'Beyond the group',
      votes: null,
      recordedBy: null,
    });
    expect(triggerFromEvent(DEFAULT_POLICY, decision)).toBeNull();
    const unknown = { ...decision, type: 'other.thing.v1', data: {} };
    // @ts-expect-error not a platform event: the consumer never hands one over
    expect(triggerFromEvent(DEFAULT_POLICY, unknown)).toBeNull();
  });

  // Triggers read typed events and parse nothing again: the check is the consumer's decode.
  it('never sees a trigger event whose data breaks its contract: decoding refuses it', () => {
    const event = JSON.stringify({ ...aBreach(), data: { ...aBreach().data, gap: 'large' } });
    expect(() => platformEvents.decode(event)).toThrow(InvalidEventError);
    expect(() => platformEvents.decode(event)).toThrow(/data\.gap/);
  });
});

describe('timed triggers', () => {
  it('opens for a chair or clinical lead seat empty for the set number of days', () => {
    const vacancy = { bodyId: BODY, vacatedOn: '2026-01-01', today: '2026-03-31' } as const;
    expect(roleVacancyTrigger(DEFAULT_POLICY, { ...vacancy, role: 'chair' })).toBeNull();
    expect(
      roleVacancyTrigger(DEFAULT_POLICY, { ...vacancy, role: 'chair', today: '2026-04-01' }),
    ).toEqual({
      subjectKey: `role-vacant:${BODY}:chair`,
      bodyId: BODY,
      level: 'body',
      severity: 'high',
      title: 'Chair vacant for 90 days',
      evidence: { ...vacancy, role: 'chair', today: '2026-04-01', daysVacant: 90 },
      kind: 'role-vacant',
    });
    expect(
      roleVacancyTrigger(DEFAULT_POLICY, {
        ...vacancy,
        role: 'clinical-lead',
        today: '2026-06-01',
      }),
    ).toMatchObject({ severity: 'moderate', title: 'Clinical lead vacant for 151 days' });
  });

  it('opens for an action still open long after its due date', () => {
    const action = {
      bodyId: BODY,
      meetingId: randomUUID(),
      actionId: randomUUID(),
      ownerMemberId: randomUUID(),
      dueOn: '2026-01-05',
    };
    expect(actionOverdueTrigger(DEFAULT_POLICY, { ...action, today: '2026-02-02' })).toBeNull();
    expect(actionOverdueTrigger(DEFAULT_POLICY, { ...action, today: '2026-02-03' })).toMatchObject({
      subjectKey: `action:${action.actionId}`,
      evidence: expect.objectContaining({ daysOverdue: 29, today: '2026-02-03' }),
    });
  });

  it('refuses dates that are not ISO dates', () => {
    expect(() =>
      roleVacancyTrigger(DEFAULT_POLICY, {
        bodyId: BODY,
        role: 'chair',
        vacatedOn: 'last spring',
        today: '2026-04-01',
      }),
    ).toThrow(RangeError);
  });
});
