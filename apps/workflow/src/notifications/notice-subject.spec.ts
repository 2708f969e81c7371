import { stepOf, subjectOf, SUBJECT_LENGTH } from './notice-subject.js';

const title = 'Lung FDS below target in EOE for 2 months';
const subjectFor = (transition: string, level = 'group', daysLeft?: number) =>
  subjectOf(stepOf({ transition, level }, daysLeft), title);

describe('the subject names the step of the case', () => {
  it.each([
    ['opened', 'group', `Action needed: ${title}`],
    ['escalated', 'cag', `Escalated to the Clinical Advisory Group: ${title}`],
    ['escalated', 'board', `Escalated to the Alliance Board: ${title}`],
    ['overdue', 'board', `Overdue at the Alliance Board: ${title}`],
    ['chair-action-requested', 'group', `Chair's action needed: ${title}`],
    ['resolved', 'board', `Resolved: ${title}`],
    ['recovered', 'group', `Resolved: ${title}`],
    ['closed', 'board', `Closed: ${title}`],
    ['tabled', 'cag', `On the agenda: ${title}`],
    ['reopened', 'group', `Reopened: ${title}`],
    ['action-plan-accepted', 'cag', `Action plan accepted: ${title}`],
    ['trigger-updated', 'group', `Severity changed: ${title}`],
    ['something-new', 'group', `Update: ${title}`],
  ])('%s at %s: %s', (transition, level, expected) => {
    expect(subjectFor(transition, level)).toBe(expected);
  });

  it('counts a reminder in working days', () => {
    expect(subjectFor('reminder-due', 'group', 2)).toBe(`Reminder: ${title} due in 2 working days`);
    expect(subjectFor('reminder-due', 'group', 1)).toBe(`Reminder: ${title} due in 1 working day`);
    expect(subjectFor('reminder-due', 'group', 0)).toBe(`Reminder: ${title} due today`);
  });

  it('cuts a long title, never the step, to fit the subject column, and not through an emoji', () => {
    const long = `${'🫁'.repeat(400)}`;
    const subject = subjectOf({ kind: 'reminder', workingDaysLeft: 3 }, long);
    expect([...subject]).toHaveLength(SUBJECT_LENGTH);
    expect(subject).toMatch(/^Reminder: 🫁+… due in 3 working days$/u);
  });
});
