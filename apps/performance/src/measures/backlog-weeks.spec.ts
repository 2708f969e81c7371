import { isSunday, weekOverWeek, type BacklogBands } from './backlog-weeks.js';

const aWeek = (overrides: Partial<BacklogBands>): BacklogBands => ({
  weekEnding: '2026-03-01',
  days0To28: 500,
  days29To62: 300,
  days63To104: 150,
  daysOver104: 50,
  ...overrides,
});

describe('the week a PTL snapshot ends', () => {
  it('is a Sunday', () => {
    expect(isSunday('2026-03-01')).toBe(true);
    expect(isSunday('2024-12-29')).toBe(true);
    expect(isSunday('2026-03-02')).toBe(false);
    expect(isSunday('2026-02-28')).toBe(false);
  });

  it('is a real date written YYYY-MM-DD', () => {
    expect(isSunday('2026-02-29')).toBe(false); // would roll over to Sunday 1 March
    expect(isSunday('2026-3-1')).toBe(false);
    expect(isSunday('2026-03-01T00:00:00Z')).toBe(false);
    expect(isSunday('')).toBe(false);
  });
});

describe('the backlog week over week', () => {
  it('totals the bands and counts 63 days and over as the backlog, with its share', () => {
    const [week] = weekOverWeek([aWeek({})]);
    expect(week).toMatchObject({ total: 1000, backlog: 200, backlogShare: 0.2 });
  });

  it('has no change for the first week, then the change from the week before', () => {
    const weeks = weekOverWeek([
      aWeek({ weekEnding: '2026-03-15', days63To104: 140, daysOver104: 45 }),
      aWeek({ weekEnding: '2026-03-01' }),
      aWeek({ weekEnding: '2026-03-08', days63To104: 160, daysOver104: 55 }),
    ]);
    expect(
      weeks.map((w) => [w.weekEnding, w.backlog, w.previousWeekEnding, w.backlogChange]),
    ).toEqual([
      ['2026-03-01', 200, null, null],
      ['2026-03-08', 215, '2026-03-01', 15],
      ['2026-03-15', 185, '2026-03-08', -30],
    ]);
  });

  it('takes the change from the latest earlier week present when weeks are missing', () => {
    const weeks = weekOverWeek([
      aWeek({ weekEnding: '2026-03-01' }),
      aWeek({ weekEnding: '2026-03-22', daysOver104: 70 }),
    ]);
    expect(weeks[1]).toMatchObject({ previousWeekEnding: '2026-03-01', backlogChange: 20 });
  });

  it('gives the first week asked for its change from an earlier week, then leaves that out', () => {
    const weeks = weekOverWeek(
      [
        aWeek({ weekEnding: '2026-02-15', daysOver104: 10 }),
        aWeek({ weekEnding: '2026-03-01', daysOver104: 40 }),
        aWeek({ weekEnding: '2026-03-08', daysOver104: 45 }),
      ],
      '2026-02-20',
    );
    expect(weeks.map((w) => [w.weekEnding, w.previousWeekEnding, w.backlogChange])).toEqual([
      ['2026-03-01', '2026-02-15', 30],
      ['2026-03-08', '2026-03-01', 5],
    ]);
  });

  it('has no share for an empty list, and counts a rise from nothing', () => {
    const weeks = weekOverWeek([
      aWeek({
        weekEnding: '2026-03-01',
        days0To28: 0,
        days29To62: 0,
        days63To104: 0,
        daysOver104: 0,
      }),
      aWeek({
        weekEnding: '2026-03-08',
        days0To28: 0,
        days29To62: 0,
        days63To104: 3,
        daysOver104: 1,
      }),
    ]);
    expect(weeks[0]).toMatchObject({ total: 0, backlog: 0, backlogShare: null });
    expect(weeks[1]).toMatchObject({ total: 4, backlog: 4, backlogShare: 1, backlogChange: 4 });
  });

  it('rounds the share to four places', () => {
    const [week] = weekOverWeek([
      aWeek({ days0To28: 2, days29To62: 0, days63To104: 1, daysOver104: 0 }),
    ]);
    expect(week?.backlogShare).toBe(0.3333);
  });
});
