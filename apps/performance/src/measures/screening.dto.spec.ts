import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '#platform';
import { ScreeningRowsDto } from './screening.dto.js';

const row = (overrides: object) => ({
  allianceId: '5b0c3f0e-8a51-4d7e-9a39-0d5f7b1c2e11',
  programme: 'cervical',
  period: '2026-03',
  eligible: 1000,
  screened: 780,
  ...overrides,
});

const problems = async (...rows: object[]) =>
  flattenValidationErrors(await validate(plainToInstance(ScreeningRowsDto, { rows })));

describe('screening rows as the API takes them', () => {
  it('takes uptake without a measure, and cervical coverage by age band', async () => {
    expect(
      await problems(
        row({}),
        row({ measure: 'coverage', ageBand: '25-49' }),
        row({ measure: 'coverage', ageBand: '50-64', lookBackYears: 5.5 }),
        row({ programme: 'breast', measure: 'coverage' }),
      ),
    ).toEqual([]);
  });

  it('names the field of a bad combination, row by row', async () => {
    expect(
      await problems(
        row({ measure: 'coverage' }),
        row({ measure: 'uptake', ageBand: '25-49' }),
        row({ programme: 'breast', lookBackYears: 3 }),
        row({ programme: 'breast', measure: 'coverage', lookBackYears: 5 }),
        row({ measure: 'screening' }),
      ),
    ).toEqual([
      {
        field: 'rows.0.ageBand',
        messages: ['ageBand is required for cervical coverage: 25-49 or 50-64'],
      },
      {
        field: 'rows.1.ageBand',
        messages: ['ageBand is only for cervical coverage; cervical uptake has no age bands'],
      },
      {
        field: 'rows.2.lookBackYears',
        messages: ['lookBackYears is only for coverage; uptake counts those invited in the period'],
      },
      {
        field: 'rows.3.lookBackYears',
        messages: ['lookBackYears must be 3: breast coverage looks back 3 years'],
      },
      { field: 'rows.4.measure', messages: ['measure must be uptake or coverage'] },
    ]);
  });
});
