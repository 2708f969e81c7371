import { validate } from 'class-validator';
import { IsCalendarDay } from './is-calendar-day.js';

class DueDto {
  @IsCalendarDay()
  dueOn!: unknown;
}

const errorsFor = async (dueOn: unknown) =>
  (await validate(Object.assign(new DueDto(), { dueOn }))).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('IsCalendarDay', () => {
  it('takes a real calendar day written YYYY-MM-DD', async () => {
    expect(await errorsFor('2024-02-29')).toEqual([]);
    expect(await errorsFor('2100-12-31')).toEqual([]);
  });

  it.each([
    '20250101',
    '2025-W01-1',
    '2025-001',
    '2025-01-01T10:00:00Z',
    '2025-02-29',
    '2025-02-30',
    '0000-01-01',
    '9999-12-31',
    '',
    20250101,
    null,
  ])(
    'refuses %p, which ISO 8601 or the day arithmetic would read otherwise or not at all',
    async (value) => {
      expect(await errorsFor(value)).toEqual([
        'dueOn must be a calendar day as YYYY-MM-DD, from 1900 to 2100',
      ]);
    },
  );
});
