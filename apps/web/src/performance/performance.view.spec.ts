import { filterOf, performanceView, type PerformanceRow } from './performance.view.js';

const ALLIANCE = '7f1c9a52-3c1e-4f5e-9d0a-2b8e4c6a1d3f';
const alliance = { id: ALLIANCE, code: 'EOE', name: 'East of England Alliance' };
const standards = [
  { code: 'fds-28', name: '28-day Faster Diagnosis Standard', kind: 'waiting-time' as const },
  { code: 'bowel', name: 'Bowel screening uptake', kind: 'screening' as const },
];
const month = (period: string, value: number | null, target: number | null): PerformanceRow => ({
  period,
  standard: 'fds-28',
  allianceId: ALLIANCE,
  tumourSite: 'lung',
  total: 150,
  within: value === null ? 0 : 150 * value,
  breaches: 0,
  value,
  target,
  gap: null,
});
const page = <T>(items: T[], total = items.length) => ({ items, total, limit: 200, offset: 0 });
const none = page([]);

describe('the performance page', () => {
  it('keeps only what it may pass on: an alliance id, a known standard, a site as spelt', () => {
    expect(filterOf({}, ['fds-28'])).toBeUndefined();
    expect(filterOf({ allianceId: 'not-a-uuid' }, ['fds-28'])).toBeUndefined();
    expect(
      filterOf({ allianceId: ALLIANCE, standard: 'fds-99', tumourSite: 'Lung', offset: '-3' }, [
        'fds-28',
      ]),
    ).toEqual({ allianceId: ALLIANCE, tumourSite: 'lung', offset: 0 });
  });

  it('shows the latest month of each series against its target, and every month newest first', () => {
    const view = performanceView({
      alliance,
      filter: { allianceId: ALLIANCE, offset: 0 },
      standards,
      rows: page([month('2026-04', 0.82, 0.77), month('2026-05', 0.7, 0.77)]),
      announcements: none,
      roles: ['clinician'],
    });
    expect(view.groups).toHaveLength(1);
    const [lung] = view.groups;
    expect(lung!.heading).toBe('28-day Faster Diagnosis Standard: Lung');
    expect(lung!.latest).toEqual({
      period: 'May 2026',
      performance: '70.0%',
      target: '77.0%',
      tag: { text: 'Below target', classes: 'nhsuk-tag--red' },
    });
    expect(lung!.months.map((m) => [m.period, m.tag.text])).toEqual([
      ['May 2026', 'Below target'],
      ['April 2026', 'Meets target'],
    ]);
    expect(lung!.chart?.src).toBe(
      `/performance/chart.svg?allianceId=${ALLIANCE}&tumourSite=lung&standard=fds-28`,
    );
    expect(lung!.chart?.alt).toContain('In May 2026: 70.0% against a target of 77.0%');
    // Screening uptake is not a waiting-time standard to choose here.
    expect(view.standardItems.map((item) => item.value)).toEqual(['', 'fds-28']);
    expect(view.mayUpload).toBe(false);
  });

  it('says when a month has no target or no patients, and offers the upload to an admin', () => {
    const view = performanceView({
      alliance,
      filter: { allianceId: ALLIANCE, offset: 0 },
      standards,
      rows: page([month('2026-04', null, 0.77), month('2026-05', 0.9, null)]),
      announcements: none,
      roles: ['admin'],
    });
    expect(view.groups[0]!.months.map((m) => m.tag.text)).toEqual(['No target', 'No patients']);
    expect(view.mayUpload).toBe(true);
  });

  it('lists the breaches and pages on through more months than one page holds', () => {
    const view = performanceView({
      alliance,
      filter: { allianceId: ALLIANCE, standard: 'fds-28', offset: 0 },
      standards,
      rows: { ...page([month('2026-04', 0.82, 0.77)], 201), limit: 1 },
      announcements: page(
        [
          {
            allianceId: ALLIANCE,
            tumourSite: 'lung',
            standard: 'fds-28',
            period: '2026-03',
            kind: 'breached' as const,
            announcedAt: '2026-04-10T09:00:00Z',
          },
        ],
        3,
      ),
      roles: [],
    });
    expect(view.breaches).toEqual([
      {
        period: 'March 2026',
        site: 'Lung',
        standard: '28-day Faster Diagnosis Standard',
        tag: { text: 'Breached', classes: 'nhsuk-tag--red' },
      },
    ]);
    expect(view.moreBreaches).toBe(2);
    expect(view.next).toBe(`/performance?allianceId=${ALLIANCE}&standard=fds-28&offset=1`);
    expect(view.previous).toBeUndefined();
    expect(view.shown).toBe('Months 1 to 1 of 201');
  });
});
