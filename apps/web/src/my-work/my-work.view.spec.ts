import { deadlineText, myWorkView, type CaseSummary } from './my-work.view.js';

const aCase = (id: string, status: string, workingDaysLeft?: number): CaseSummary => ({
  id,
  title: `Case ${id}`,
  level: 'group',
  status,
  overdue: workingDaysLeft !== undefined && workingDaysLeft < 0,
  openedAt: '2026-12-01T09:00:00Z',
  nextDeadline:
    workingDaysLeft === undefined
      ? null
      : {
          kind: status === 'opened' ? 'acknowledge' : 'table',
          dueOn: '2026-12-09',
          workingDaysLeft,
        },
});

describe('my work', () => {
  it('says a deadline in working days: ahead, today, late', () => {
    const due = { kind: 'acknowledge', dueOn: '2026-12-09' };
    expect(deadlineText({ ...due, workingDaysLeft: 3 })).toBe(
      'Acknowledge within 3 working days (by 9 December 2026)',
    );
    expect(deadlineText({ ...due, workingDaysLeft: 1 })).toBe(
      'Acknowledge within 1 working day (by 9 December 2026)',
    );
    expect(deadlineText({ ...due, workingDaysLeft: 0 })).toBe('Acknowledge today');
    expect(deadlineText({ ...due, kind: 'resolve', workingDaysLeft: -2 })).toBe(
      'Resolve: 2 working days late (was due 9 December 2026)',
    );
  });

  it('groups open cases by what they wait for, soonest deadline first, and counts the overdue', () => {
    const view = myWorkView(
      {
        items: [
          aCase('a', 'opened', 4),
          aCase('b', 'acknowledged', 2),
          aCase('c', 'opened', 1),
          aCase('d', 'closed', 1),
          aCase('e', 'monitoring'),
          aCase('f', 'deferred', -1),
        ],
        total: 6,
      },
      undefined,
      undefined,
    );
    expect(
      view.caseGroups.map((group) => [group.heading, group.cases.map((c) => c.title)]),
    ).toEqual([
      ['To acknowledge', ['Case c', 'Case a']],
      ['To table at a meeting', ['Case f', 'Case b']],
      ['Tabled or being monitored', ['Case e']],
    ]);
    expect(view.caseGroups[2]?.cases[0]?.next).toBe('No deadline');
    expect(view.overdueCount).toBe(1);
    expect(view.meetings).toBeUndefined();
  });

  it('lists the next meetings with their body, linked to the meeting page, cancelled ones said so', () => {
    const view = myWorkView({ items: [], total: 0 }, undefined, undefined, [
      {
        id: 'm1',
        bodyName: 'Lung Group',
        title: 'Lung Group, Q1',
        startsAt: '2027-01-12T10:00:00Z',
        location: 'Boardroom',
        status: 'cancelled',
      },
    ]);
    expect(view.caseGroups).toEqual([]);
    expect(view.meetings).toEqual([
      {
        href: '/meetings/m1',
        title: 'Lung Group, Q1',
        body: 'Lung Group',
        when: '12 January 2027, 10:00am',
        where: 'Boardroom',
        cancelled: true,
      },
    ]);
  });
});
