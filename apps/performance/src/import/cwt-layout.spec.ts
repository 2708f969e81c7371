import {
  isAllValue,
  readHeader,
  readPeriod,
  readRow,
  retiredStandard,
  type CwtRow,
} from './cwt-layout.js';

describe('CWT layouts', () => {
  const provider = [
    'PERIOD',
    'STANDARD',
    'ORG CODE',
    'CANCER TYPE',
    'STAGE/ROUTE',
    'TREATMENT MODALITY',
    'TOTAL',
    'WITHIN STANDARD',
    'BREACHES',
  ];
  const monthly = [
    'ORG_CODE',
    'ORG_NAME',
    'BASIS',
    'STANDARD_OR_ITEM',
    'REFERRAL_ROUTE_OR_STAGE',
    'CANCER_TYPE',
    'TREATMENT_MODALITY',
    'TOTAL',
    'WITHIN',
    'AFTER',
    'DAYS_0_14',
    'MONTH',
  ];

  it('reads the provider extract, with its headers as published', () => {
    const header = readHeader(provider);
    const row = readRow(header, [
      'MAR-26',
      '28-day FDS',
      'rgt',
      'Suspected lung cancer',
      'URGENT SUSPECTED CANCER',
      '',
      '120',
      '84',
      '36',
    ]);
    expect(row).toEqual<CwtRow>({
      period: '2026-03',
      standard: 'fds-28',
      orgCode: 'RGT',
      basis: 'provider',
      cancerType: 'Suspected lung cancer',
      route: 'URGENT SUSPECTED CANCER',
      modality: '',
      total: 120,
      within: 84,
      breaches: 36,
    });
  });

  it('reads the newer monthly CSV whatever the case and spacing of its headers', () => {
    const header = readHeader(monthly.map((h) => h.toLowerCase().replace(/_/g, ' ')));
    const row = readRow(header, [
      'RM1',
      'Norfolk and Norwich',
      'Provider',
      '62D',
      'First Treatment',
      'Lung',
      'Surgery',
      '10',
      '7.5',
      '2.5',
      '3',
      '2026-04-01',
    ]);
    expect(row).toMatchObject({
      period: '2026-04',
      standard: 'combined-62',
      orgCode: 'RM1',
      within: 7.5,
      breaches: 2.5,
    });
  });

  it('accepts TOTAL TREATED and MONTH, and names what a header lacks', () => {
    expect(
      readHeader([
        'MONTH',
        'STANDARD',
        'ORG CODE',
        'CANCER TYPE',
        'TOTAL TREATED',
        'WITHIN STANDARD',
        'BREACHES',
      ]).indexes.get('total'),
    ).toBe(4);
    expect(() => readHeader(['PERIOD', 'ORG CODE', 'TOTAL'])).toThrow(
      /no column for standard, cancerType, within, breaches/,
    );
  });

  it('tells the layouts apart, and takes the month from outside when the file has none', () => {
    expect(readHeader(provider).layout).toBe('provider-extract');
    const withoutMonth = monthly.filter((column) => column !== 'MONTH');
    expect(() => readHeader(withoutMonth)).toThrow(/no column for period/);
    const header = readHeader(withoutMonth, '2026-05');
    expect(header.layout).toBe('monthly-csv');
    const cells = ['RGT', 'CUH', 'Commissioner', 'FDS', 'URGENT SUSPECTED CANCER'];
    expect(
      readRow(header, [...cells, 'Suspected lung cancer', '', '4', '3', '1', '']),
    ).toMatchObject({ period: '2026-05', basis: 'commissioner', standard: 'fds-28' });
    expect(readRow(header, ['RGT', 'CUH', 'Trust', 'FDS', 'x', 'y', '', '4', '3', '1'])).toEqual({
      problem: 'unknown basis "Trust" (Provider or Commissioner)',
    });
  });

  it('knows an ALL ... value, whose row is a total only beside the rows it sums', () => {
    expect(['ALL CANCERS', 'All Routes', ' ALL MODALITIES'].map(isAllValue)).toEqual([
      true,
      true,
      true,
    ]);
    // Not ALL values: a blank, and names that merely begin with the letters.
    expect(['', 'Allergy clinic', 'Surgery', 'SMALL CELL'].map(isAllValue)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('names a two-week-wait row as of a retired standard, whatever else it holds, and nothing else', () => {
    const header = readHeader(provider);
    const row = (standard: string, ...rest: string[]) =>
      readRow(header, ['2023-03', standard, 'RGT', 'Suspected lung cancer', ...rest]);
    for (const name of ['2WW', '2ww', 'Two Week Wait', 'Two-Week Wait', '2 Week Wait']) {
      expect(row(name, 'URGENT SUSPECTED CANCER', '', '10', '9', '1')).toEqual({ retired: '2WW' });
    }
    for (const name of [
      '2WW Breast Symptomatic',
      '2WW Breast',
      'Two Week Wait - Breast Symptomatic',
      'TWO WEEK WAIT (BREAST SYMPTOMATIC)',
    ]) {
      expect(row(name, '', '', '10', '9', '1')).toEqual({ retired: '2WW Breast Symptomatic' });
    }
    // Never counted, so counts that would be a problem elsewhere are not one here.
    expect(row('2WW', '', '', 'n/a', '', '')).toEqual({ retired: '2WW' });
    // The standards in force, and names that only look alike, are not retired.
    for (const name of [
      '28-day FDS',
      'FDS',
      '31D',
      '62-day Combined',
      '14-day',
      '2WWX',
      'Breast 2WW',
    ]) {
      expect(retiredStandard(name)).toBeUndefined();
    }
    expect(row('FDS', 'URGENT SUSPECTED CANCER', '', '10', '9', '1')).toMatchObject({
      standard: 'fds-28',
    });
  });

  it('says what is wrong with a bad row', () => {
    const header = readHeader(provider);
    const row = (cells: string[]) => readRow(header, cells);
    expect(row(['2026-13x', '28-day FDS', 'RGT', 'Lung', 'x', 'y', '1', '1', '0'])).toEqual({
      problem: 'unreadable period "2026-13x"',
    });
    expect(row(['2026-03', '14-day', 'RGT', 'Lung', 'x', 'y', '1', '1', '0'])).toEqual({
      problem: 'unknown standard "14-day"',
    });
    expect(row(['2026-03', 'FDS', 'R G T', 'Lung', 'x', 'y', '1', '1', '0'])).toEqual({
      problem: 'invalid ODS code "R G T"',
    });
    expect(row(['2026-03', 'FDS', 'RGT', 'Lung', 'x', 'y', '10', '7.25', '2.75'])).toEqual({
      problem: 'total, within and breaches must be counts (halves allowed)',
    });
    expect(row(['2026-03', 'FDS', 'RGT', 'Lung', 'x', 'y', '10', '7', '2'])).toEqual({
      problem: 'within (7) and breaches (2) do not add up to total (10)',
    });
  });

  it('reads the period formats found in published files', () => {
    expect(['2026-03', '2026-03-01', 'MAR-26', 'March 2026', '01/03/2026'].map(readPeriod)).toEqual(
      Array(5).fill('2026-03'),
    );
    expect(readPeriod('Smarch 2026')).toBeUndefined();
    expect(readPeriod('2026-13')).toBeUndefined();
    expect(readPeriod('01/00/2026')).toBeUndefined();
  });
});
