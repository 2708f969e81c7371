import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './parse-iso-date.pipe.js';

/**
 * A DTO field holding a day: a real calendar day written YYYY-MM-DD, from 1900 to 2100, as the
 * date columns and the platform's day arithmetic (`addDays`, `daysBetween`) read it. ISO 8601
 * allows more (`20250101`, `2025-W01-1`, a date-time), which `@IsISO8601` lets through and
 * `addDays` cannot read.
 */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a calendar day as YYYY-MM-DD, from 1900 to 2100`,
          options,
        ),
      },
    },
    options,
  );
}
