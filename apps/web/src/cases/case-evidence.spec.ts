import { whyItOpened } from './case-evidence.js';

const month = (period: string, value: number) => ({
  period,
  total: 100,
  within: value * 100,
  breaches: 100 - value * 100,
  value,
  target: 0.8,
});

describe('why a case opened', () => {
  it("shows a breach's months, newest first, against the target, with the standard's chart", () => {
    const why = whyItOpened(
      {
        allianceId: 'a1',
        tumourSite: 'lung',
        standard: 'fds-28',
        months: [month('2026-04', 0.75), month('2026-05', 0.7)],
      },
      (code) => (code === 'fds-28' ? '28-day Faster Diagnosis Standard' : code),
    );
    expect(why?.kind).toBe('breach');
    if (why?.kind !== 'breach') {
      return;
    }
    expect(why.summary).toEqual([
      { key: 'Standard', value: '28-day Faster Diagnosis Standard' },
      { key: 'Tumour site', value: 'Lung' },
      { key: 'Below target', value: '2 consecutive months, to May 2026' },
      { key: 'Latest month', value: '70.0% against a target of 80.0%' },
    ]);
    expect(why.months.map((row) => [row.period, row.performance, row.tag.text])).toEqual([
      ['May 2026', '70.0%', 'Below target'],
      ['April 2026', '75.0%', 'Below target'],
    ]);
    expect(why.chart.src).toBe(
      '/performance/chart.svg?allianceId=a1&tumourSite=lung&standard=fds-28',
    );
    expect(why.chart.alt).toContain('In May 2026: 70.0% against a target of 80.0%');
  });

  it('shows the reason someone gave, with an http(s) evidence link only', () => {
    expect(
      whyItOpened({ reason: 'No EBUS capacity', evidenceUrl: 'https://example.org/audit.pdf' }),
    ).toEqual({
      kind: 'reason',
      reason: 'No EBUS capacity',
      evidenceUrl: 'https://example.org/audit.pdf',
    });
    expect(whyItOpened({ reason: 'No EBUS', evidenceUrl: 'javascript:alert(1)' })).toEqual({
      kind: 'reason',
      reason: 'No EBUS',
      evidenceUrl: undefined,
    });
  });

  it('has nothing to say of evidence it cannot read', () => {
    expect(whyItOpened({})).toBeUndefined();
    expect(
      whyItOpened({ allianceId: 'a1', tumourSite: 'lung', standard: 'fds-28', months: [{}] }),
    ).toBeUndefined();
  });
});
