import { Global, Injectable, Module } from '@nestjs/common';

/** Dates are calendar days in the UK: a term ends at the end of a UK day, not a UTC one. */
const UK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The UK calendar day (YYYY-MM-DD) of an instant. */
export function ukDate(instant: Date): string {
  return UK_DAY.format(instant);
}

/** The time and today's date (YYYY-MM-DD) in the UK; a provider so tests can hold time still. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return ukDate(this.now());
  }
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); throws on a date it cannot read. */
export function daysBetween(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw new RangeError(`Expected ISO dates (YYYY-MM-DD), got "${from}" and "${to}"`);
  }
  return Math.round((end - start) / 86_400_000);
}

/** The one Clock of a service, for every feature module (serviceImports includes it). */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
