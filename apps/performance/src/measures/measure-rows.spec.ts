import { InvalidError } from '#platform';
import { boundedRange, checkRange, dateRange, inRowOrder, repeatedKeys } from './measure-rows.js';

describe('rows sent for upsert', () => {
  const rows = [
    { site: 'lung', month: 1 },
    { site: 'lung', month: 2 },
    { site: 'lung', month: 1 },
    { site: 'skin', month: 1 },
    { site: 'lung', month: 1 },
  ];

  it('names each row that repeats an earlier row’s key, and the row it repeats', () => {
    expect(repeatedKeys(rows, (r) => `${r.site} ${r.month}`, 'month', 'site and month')).toEqual([
      { field: 'rows.2.month', messages: ['rows.0 has the same site and month'] },
      { field: 'rows.4.month', messages: ['rows.0 has the same site and month'] },
    ]);
  });

  it('finds nothing when every key differs', () => {
    expect(repeatedKeys(rows.slice(0, 2), (r) => `${r.site} ${r.month}`, 'month', 'x')).toEqual([]);
  });

  it('lists errors in row order, numerically, keeping each row’s own order', () => {
    const errors = inRowOrder([
      { field: 'rows.10.screened', messages: ['a'] },
      { field: 'rows.2.allianceId', messages: ['b'] },
      { field: 'rows.2.screened', messages: ['c'] },
      { field: 'rows.9.period', messages: ['d'] },
    ]);
    expect(errors.map((e) => e.field)).toEqual([
      'rows.2.allianceId',
      'rows.2.screened',
      'rows.9.period',
      'rows.10.screened',
    ]);
  });
});

describe('a from..to filter', () => {
  it('may be open at either end or run over one day', () => {
    expect(() => checkRange(undefined, undefined)).not.toThrow();
    expect(() => checkRange('2026-04', undefined)).not.toThrow();
    expect(() => checkRange('2026-04', '2026-04')).not.toThrow();
  });

  it('must not run backwards', () => {
    expect(() => checkRange('2026-04', '2026-03')).toThrow(InvalidError);
  });

  it('spans at most ten years, starting ten years back when no from is given', () => {
    const today = '2026-12-04';
    expect(boundedRange(undefined, undefined, 'month', today)).toEqual({ from: '2016-12' });
    expect(boundedRange(undefined, '2020-06', 'month', today)).toEqual({
      from: '2010-06',
      to: '2020-06',
    });
    expect(boundedRange(undefined, '2028-02-29', 'day', today)).toEqual({
      from: '2018-03-01',
      to: '2028-02-29',
    });
    expect(boundedRange('2016-12', undefined, 'month', today)).toEqual({ from: '2016-12' });
    let refused: unknown;
    try {
      boundedRange('2016-11', undefined, 'month', today);
    } catch (error) {
      refused = error;
    }
    expect((refused as InvalidError).details).toEqual({
      errors: [
        {
          field: 'from',
          messages: ['a query spans at most 10 years: from must be 2016-12 or later'],
        },
      ],
    });
    expect(() => boundedRange('2026-04', '2026-03', 'month', today)).toThrow(InvalidError);
  });

  it('becomes the matching find operator', () => {
    expect(dateRange()).toBeUndefined();
    expect(dateRange('2026-01-01', '2026-03-01')).toMatchObject({
      type: 'between',
      value: ['2026-01-01', '2026-03-01'],
    });
    expect(dateRange('2026-01-01')).toMatchObject({ type: 'moreThanOrEqual', value: '2026-01-01' });
    expect(dateRange(undefined, '2026-03-01')).toMatchObject({
      type: 'lessThanOrEqual',
      value: '2026-03-01',
    });
  });
});
