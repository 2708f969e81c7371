import { placeAgendaRequest } from './placement.js';

const now = new Date('2026-11-21T10:00:00Z');
const meeting = (meetingId: string, startsAt: string) => ({
  meetingId,
  startsAt: new Date(startsAt),
});

describe('agenda placement', () => {
  const december = meeting('december', '2026-12-10T14:00:00Z');
  const march = meeting('march', '2027-03-11T14:00:00Z');

  it('lands on the next meeting whose papers deadline is still open', () => {
    expect(
      placeAgendaRequest({
        meetings: [march, december],
        now,
        papersDueDaysBefore: 7,
        tableBy: null,
      }),
    ).toEqual({ placed: true, meetingId: 'december', late: null });
  });

  it('skips a meeting whose papers deadline has passed for a later one within the tabling date', () => {
    const soon = meeting('soon', '2026-11-25T14:00:00Z');
    expect(
      placeAgendaRequest({
        meetings: [soon, december],
        now,
        papersDueDaysBefore: 7,
        tableBy: '2026-12-31',
      }),
    ).toEqual({ placed: true, meetingId: 'december', late: null });
  });

  it('still lands on the next regular meeting when it is after the tabling date, saying it is late', () => {
    // A quarterly group: the next meeting is months away, past the four-week tabling deadline.
    expect(
      placeAgendaRequest({ meetings: [march], now, papersDueDaysBefore: 7, tableBy: '2027-01-15' }),
    ).toEqual({
      placed: true,
      meetingId: 'march',
      late: 'The next meeting with its papers deadline open, on 2027-03-11, is after the date it was to be tabled by (2027-01-15)',
    });
  });

  it('passes over a meeting whose papers deadline has passed, even to a late one', () => {
    const soon = meeting('soon', '2026-11-25T14:00:00Z');
    const result = placeAgendaRequest({
      meetings: [soon, march],
      now,
      papersDueDaysBefore: 7,
      tableBy: '2026-12-31',
    });
    expect(result).toMatchObject({ placed: true, meetingId: 'march', late: expect.any(String) });
  });

  it('is unplaced when the only future meeting is past its papers deadline', () => {
    const soon = meeting('soon', '2026-11-25T14:00:00Z');
    expect(
      placeAgendaRequest({ meetings: [soon], now, papersDueDaysBefore: 7, tableBy: null }),
    ).toEqual({
      placed: false,
      reason:
        'The papers deadline for the meeting on 2026-11-25 has passed and no later meeting is scheduled',
      nextMeetingStartsAt: soon.startsAt,
    });
  });

  it('is unplaced when the body has no future meeting, ignoring past ones', () => {
    const past = meeting('past', '2026-11-01T14:00:00Z');
    expect(
      placeAgendaRequest({ meetings: [past], now, papersDueDaysBefore: 7, tableBy: null }),
    ).toEqual({
      placed: false,
      reason: 'The body has no scheduled meeting',
      nextMeetingStartsAt: null,
    });
  });

  it('judges the tabling date by the UK calendar day of the meeting', () => {
    // 23:30 UTC on 31 March 2027 is 00:30 on 1 April in London (BST).
    const lateNight = meeting('late', '2027-03-31T23:30:00Z');
    const lateFor = (tableBy: string) =>
      placeAgendaRequest({ meetings: [lateNight], now, papersDueDaysBefore: 7, tableBy });
    expect(lateFor('2027-03-31')).toMatchObject({ placed: true, late: expect.any(String) });
    expect(lateFor('2027-04-01')).toMatchObject({ placed: true, late: null });
  });
});
