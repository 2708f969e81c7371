import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { invalidField } from '../errors/domain-error.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day, YYYY-MM-DD, from 1900 to 2100. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) {
    return false;
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (year < 1900 || year > 2100) {
    return false;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A path or query parameter that must be a real calendar day: 400 naming it otherwise. */
@Injectable()
export class ParseIsoDatePipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isCalendarDate(value)) {
      throw invalidField(
        metadata.data ?? 'date',
        `${metadata.data ?? 'date'} must be a calendar day as YYYY-MM-DD, from 1900 to 2100`,
      );
    }
    return value;
  }
}
