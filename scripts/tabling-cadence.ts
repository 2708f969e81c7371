// What the seeded escalation policy's deadlines (version 1's, and version 3's that replaced them)
// give for each body's meeting cadence: for a case opened on each day of 2027, where its agenda
// request lands (the next meeting whose papers deadline is open) against its tabling and resolve
// deadlines. Prints the tables in docs/escalation-policy.md.
//   npm run policy:cadence
import { placeAgendaRequest } from '../apps/meetings/src/agenda/placement.js';
import { BANK_HOLIDAYS } from '../apps/workflow/src/calendar/bank-holidays.js';
import { WorkingCalendar } from '../apps/workflow/src/calendar/working-days.js';
import {
  CADENCE_LEVELS,
  VERSION_1_LEVELS,
} from '../apps/workflow/src/migrations/1796505700000-cadence-deadlines.js';

const DAY_MS = 86_400_000;
const PAPERS_DUE_DAYS_BEFORE = 7; // membership's default terms of reference

const cadences = [
  { body: 'Network group, quarterly', level: 'group', everyDays: 91 },
  { body: 'Clinical Advisory Group, 4 a year', level: 'cag', everyDays: 91 },
  { body: 'Clinical Advisory Group, 3 a year', level: 'cag', everyDays: 122 },
  { body: 'Clinical Advisory Group, monthly', level: 'cag', everyDays: 28 },
  { body: 'Alliance Board, bimonthly', level: 'board', everyDays: 61 },
] as const;

const calendar = new WorkingCalendar(
  BANK_HOLIDAYS['england-and-wales'].map((holiday) => holiday.date),
);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** The working days from `from` to `to`: the smallest n whose nth working day reaches `to`. */
const workingDaysBetween = (from: string, to: string) => {
  let n = 0;
  while (calendar.addWorkingDays(from, n) < to) {
    n += 1;
  }
  return n;
};
const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

for (const [policy, levels] of [
  ['Version 1', VERSION_1_LEVELS],
  ['Version 3 (the default since the cadence migration)', CADENCE_LEVELS],
] as const) {
  console.log(`\n${policy}\n`);
  console.log(
    '| Body and cadence | Table / resolve (working days) | Tabled by the tabling deadline | Chair asked to act (late) | Meeting after the resolve deadline | Days to the meeting, median (max) | Resolve days that reach every meeting |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const cadence of cadences) {
    const deadlines = levels[cadence.level];
    // Meetings at 14:00 UTC from 7 January 2027, one every `everyDays`, well past the last case.
    const meetings = Array.from({ length: Math.ceil(400 / cadence.everyDays) + 1 }, (_, i) => ({
      meetingId: String(i),
      startsAt: new Date(Date.UTC(2027, 0, 7 + i * cadence.everyDays, 14)),
    }));
    let inTime = 0;
    let reachEvery = 0;
    let afterResolve = 0;
    const waits: number[] = [];
    const cases = 365;
    for (let day = 0; day < cases; day += 1) {
      const openedAt = new Date(Date.UTC(2027, 0, 1 + day, 10));
      const opened = isoDay(openedAt);
      const tableBy = calendar.addWorkingDays(opened, deadlines.tableDays);
      const resolveBy = calendar.addWorkingDays(opened, deadlines.resolveDays);
      const placement = placeAgendaRequest({
        meetings,
        now: openedAt,
        papersDueDaysBefore: PAPERS_DUE_DAYS_BEFORE,
        tableBy,
      });
      if (!placement.placed) {
        throw new Error(`no meeting for a case opened on ${opened}`);
      }
      const meeting = meetings[Number(placement.meetingId)]!;
      waits.push(Math.round((meeting.startsAt.getTime() - openedAt.getTime()) / DAY_MS));
      reachEvery = Math.max(reachEvery, workingDaysBetween(opened, isoDay(meeting.startsAt)));
      if (placement.late === null) {
        inTime += 1;
      }
      if (isoDay(meeting.startsAt) > resolveBy) {
        afterResolve += 1;
      }
    }
    waits.sort((a, b) => a - b);
    console.log(
      `| ${cadence.body} | ${deadlines.tableDays} / ${deadlines.resolveDays} | ${percent(inTime, cases)} | ${percent(cases - inTime, cases)} | ${percent(afterResolve, cases)} | ${waits[Math.floor(cases / 2)]} (${waits.at(-1)}) | ${reachEvery} |`,
    );
  }
}
