import { ATTENDANCE_STATUSES } from '#contracts';
import { ApiError } from '../api/services-api.js';
import type { FormErrors } from '../forms/form-errors.js';

/** A form of the meeting page that came back refused: which one, what was typed, what was wrong. */
export interface MeetingForm {
  /** attendance, hold, decision-<item id>, action, minutes or approve. */
  readonly name: string;
  readonly values: Record<string, unknown>;
  readonly errors?: FormErrors;
}

/** A form field as text: what a browser sends, or nothing. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** `attendance[<member id>]=present` from the attendance form, as the service takes it. */
export function attendanceEntries(
  form: unknown,
): { memberId: string; status: (typeof ATTENDANCE_STATUSES)[number] }[] {
  if (typeof form !== 'object' || form === null) {
    return [];
  }
  return Object.entries(form as Record<string, unknown>).flatMap(([memberId, status]) =>
    (ATTENDANCE_STATUSES as readonly unknown[]).includes(status)
      ? [{ memberId, status: status as (typeof ATTENDANCE_STATUSES)[number] }]
      : [],
  );
}

/**
 * The NHS date input's day, month and year as the service's YYYY-MM-DD; a date left out or
 * half filled in goes on as it is, for the service to refuse with its field named.
 */
export function calendarDay(parts: unknown): string {
  const fields = (typeof parts === 'object' && parts !== null ? parts : {}) as Record<
    string,
    unknown
  >;
  const [day, month, year] = ['day', 'month', 'year'].map((name) => text(fields[name]));
  if (!day && !month && !year) {
    return '';
  }
  return `${year ?? ''}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
}

/**
 * The service's refusal, said the NHS way before the form is sent, for a field left empty:
 * `{ rationale: [value, 'Enter why the body decided this'] }`. Undefined when none is.
 */
export function missing(fields: Record<string, [string, string]>): ApiError | undefined {
  const errors = Object.entries(fields)
    .filter(([, [value]]) => value === '')
    .map(([field, [, message]]) => ({ field, messages: [message] }));
  return errors.length > 0
    ? new ApiError('meetings', 400, errors[0]?.messages[0] ?? '', errors)
    : undefined;
}
