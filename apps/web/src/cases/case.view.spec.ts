import { caseView, type CaseResponse } from './case.view.js';

const escalation: CaseResponse = {
  id: 'c1',
  title: 'Lung FDS below target',
  kind: 'standard',
  bodyId: 'b1',
  level: 'group',
  status: 'opened',
  severity: 'high',
  overdue: false,
  openedAt: '2026-12-04T09:30:00Z',
  evidence: {},
  history: [
    {
      sequence: 1,
      at: '2026-12-04T09:30:00Z',
      transition: 'opened',
      level: 'group',
      cause: { kind: 'event', ref: 'e1' },
      details: {},
    },
  ],
  deadlines: [
    { kind: 'acknowledge@0.5', level: 'group', dueOn: '2026-12-08', settledAt: null },
    { kind: 'acknowledge', level: 'group', dueOn: '2026-12-11', settledAt: null },
  ],
  nextMeeting: null,
};
const holders = [
  { role: 'chair', member: { memberId: 'chair', name: 'Dr Chair' } },
  { role: 'member', member: { memberId: 'member', name: 'Nurse Member' } },
];
const valid = { valid: true };

describe('the case page', () => {
  it("offers acknowledging to the holding body's chair or clinical lead and admins, while it is opened", () => {
    expect(
      caseView(escalation, valid, { memberId: 'chair', roles: ['clinician'] }, holders)
        .mayAcknowledge,
    ).toBe(true);
    expect(
      caseView(escalation, valid, { memberId: 'member', roles: ['clinician'] }, holders)
        .mayAcknowledge,
    ).toBe(false);
    expect(caseView(escalation, valid, { roles: ['admin'] }, holders).mayAcknowledge).toBe(true);
    const acknowledged = { ...escalation, status: 'acknowledged' };
    expect(
      caseView(acknowledged, valid, { memberId: 'chair', roles: ['clinician'] }, holders)
        .mayAcknowledge,
    ).toBe(false);
  });

  it('offers closing to the leads and admins once recovered or monitored, and resolving to admins while open', () => {
    const chair = { memberId: 'chair', roles: ['clinician'] };
    const member = { memberId: 'member', roles: ['clinician'] };
    const admin = { roles: ['admin'] };
    const monitored = { ...escalation, status: 'monitoring' };
    expect(caseView(escalation, valid, chair, holders).mayClose).toBe(false);
    expect(caseView(monitored, valid, chair, holders).mayClose).toBe(true);
    expect(caseView({ ...escalation, status: 'resolved' }, valid, admin, holders).mayClose).toBe(
      true,
    );
    expect(caseView(monitored, valid, member, holders).mayClose).toBe(false);
    expect(caseView(escalation, valid, admin, holders).mayResolve).toBe(true);
    expect(caseView(escalation, valid, chair, holders).mayResolve).toBe(false);
    expect(caseView({ ...escalation, status: 'closed' }, valid, admin, holders).mayResolve).toBe(
      false,
    );
  });

  it("offers the chair's action to the chair or deputy chair and admins while the case waits for a decision", () => {
    const withDeputy = [
      ...holders,
      { role: 'deputy-chair', member: { memberId: 'deputy', name: 'Dr Deputy' } },
      { role: 'clinical-lead', member: { memberId: 'lead', name: 'Dr Lead' } },
    ];
    const offered = (status: string, viewer: { memberId?: string; roles: string[] }) =>
      caseView({ ...escalation, status }, valid, viewer, withDeputy).mayTakeChairsAction;
    const clinician = (memberId: string) => ({ memberId, roles: ['clinician'] });
    for (const status of ['opened', 'acknowledged', 'tabled', 'deferred']) {
      expect(offered(status, clinician('chair'))).toBe(true);
      expect(offered(status, clinician('deputy'))).toBe(true);
      expect(offered(status, { roles: ['admin'] })).toBe(true);
    }
    expect(offered('tabled', clinician('lead'))).toBe(false);
    expect(offered('tabled', clinician('member'))).toBe(false);
    for (const status of ['monitoring', 'resolved', 'closed']) {
      expect(offered(status, clinician('chair'))).toBe(false);
    }
  });

  it('shows the deadlines, not the reminders before them, and names the status and level', () => {
    const view = caseView(escalation, valid, { roles: [] }, holders);
    expect(view.deadlines).toEqual([
      { what: 'Acknowledge', where: 'Network group', due: '11 December 2026', state: 'Open' },
    ]);
    expect(view.tag).toEqual({ text: 'Opened', classes: 'nhsuk-tag--red' });
    expect(view.summary[0]).toEqual({
      key: 'Where it is',
      value: 'Network group',
      action: { href: '/bodies/b1', text: 'View the body' },
    });
  });

  it('says when the history fails its check, and offers no note on a closed case', () => {
    const closed = { ...escalation, status: 'closed' };
    const view = caseView(
      closed,
      { valid: false, reason: 'entry 2 altered' },
      { roles: [] },
      holders,
    );
    expect(view.verified).toBe(false);
    expect(view.verificationProblem).toBe('entry 2 altered');
    expect(view.mayNote).toBe(false);
  });
});
