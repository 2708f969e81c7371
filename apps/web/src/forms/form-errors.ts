import { ApiError, type FieldError } from '../api/services-api.js';

/** What the NHS error summary and the fields' error messages show for a refused form. */
export interface FormErrors {
  /** For `errorSummary({ errorList })`: each problem, linking to its field. */
  readonly list: { text: string; href: string }[];
  /** For each field's `errorMessage`, by the form's own field name. */
  readonly byField: Record<string, { text: string }>;
}

/**
 * A service's refusal of a form (400 or 422 with `errors: [{ field, messages }]`) as the page
 * shows it; `fields` maps the service's field names to the form's input ids. Anything else is
 * not a form error and is thrown on, for the error pages.
 */
export function formErrorsOf(error: unknown, fields: Record<string, string>): FormErrors {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) {
    throw error;
  }
  const list: FormErrors['list'] = [];
  const byField: FormErrors['byField'] = {};
  const problems: readonly FieldError[] =
    error.errors.length > 0 ? error.errors : [{ field: '', messages: [error.detail] }];
  for (const problem of problems) {
    const input = fields[problem.field] ?? Object.values(fields)[0] ?? problem.field;
    const text = problem.messages.join('. ');
    list.push({ text, href: `#${input}` });
    byField[input] ??= { text };
  }
  return { list, byField };
}

/** One problem the page finds itself (an empty required field), in the same shape. */
export function fieldError(input: string, text: string): FormErrors {
  return { list: [{ text, href: `#${input}` }], byField: { [input]: { text } } };
}
