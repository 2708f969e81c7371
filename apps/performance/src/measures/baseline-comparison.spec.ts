import {
  compareWithBaseline,
  type MonthBaseline,
  type MonthVolume,
} from './baseline-comparison.js';

const aVolume = (overrides: Partial<MonthVolume>): MonthVolume => ({
  allianceId: 'a1',
  tumourSite: 'lung',
  period: '2026-04',
  volume: 100,
  ...overrides,
});

const aBaseline = (overrides: Partial<MonthBaseline>): MonthBaseline => ({
  allianceId: 'a1',
  tumourSite: 'lung',
  month: 4,
  volume: 80,
  ...overrides,
});

describe('treatment volumes against the 2019/20 baseline', () => {
  it('gives the share of baseline and the difference for the same calendar month', () => {
    const [row] = compareWithBaseline([aVolume({ volume: 84 })], [aBaseline({ volume: 80 })]);
    expect(row).toEqual({
      allianceId: 'a1',
      tumourSite: 'lung',
      period: '2026-04',
      volume: 84,
      baseline: 80,
      shareOfBaseline: 1.05,
      difference: 4,
    });
  });

  it('matches by calendar month whatever the year', () => {
    const baselines = [
      aBaseline({ month: 1, volume: 50 }),
      aBaseline({ month: 4, volume: 80 }),
      aBaseline({ month: 12, volume: 40 }),
    ];
    const rows = compareWithBaseline(
      [
        aVolume({ period: '2025-12', volume: 30 }),
        aVolume({ period: '2026-01', volume: 60 }),
        aVolume({ period: '2027-04', volume: 60 }),
      ],
      baselines,
    );
    expect(rows.map((row) => [row.period, row.baseline, row.difference])).toEqual([
      ['2025-12', 40, -10],
      ['2026-01', 50, 10],
      ['2027-04', 80, -20],
    ]);
  });

  it("never uses another alliance's or tumour site's baseline", () => {
    const rows = compareWithBaseline(
      [aVolume({ allianceId: 'a2' }), aVolume({ tumourSite: 'breast' })],
      [aBaseline({})],
    );
    expect(rows.map((row) => row.baseline)).toEqual([null, null]);
  });

  it('has no share or difference without a baseline', () => {
    const [row] = compareWithBaseline([aVolume({ period: '2026-05' })], [aBaseline({ month: 4 })]);
    expect(row).toMatchObject({ baseline: null, shareOfBaseline: null, difference: null });
  });

  it('has no share of a zero baseline, but still the difference', () => {
    const [row] = compareWithBaseline([aVolume({ volume: 3 })], [aBaseline({ volume: 0 })]);
    expect(row).toMatchObject({ baseline: 0, shareOfBaseline: null, difference: 3 });
  });

  it('rounds the share to four places and halves to one, without float noise', () => {
    const [row] = compareWithBaseline([aVolume({ volume: 100.1 })], [aBaseline({ volume: 30.2 })]);
    expect(row?.shareOfBaseline).toBe(3.3146);
    expect(row?.difference).toBe(69.9);
  });
});
