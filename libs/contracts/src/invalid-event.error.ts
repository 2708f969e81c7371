import type { z } from 'zod';

export interface FieldIssue {
  /** Dot path of the offending field in the envelope, e.g. `data.bodyId`. */
  readonly field: string;
  readonly message: string;
}

/** An event that does not match its contract; the message names every offending field. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';

  constructor(
    readonly eventType: string | undefined,
    readonly issues: readonly FieldIssue[],
  ) {
    super(
      `Invalid event${eventType ? ` ${eventType}` : ''}: ${issues
        .map((issue) => `${issue.field}: ${issue.message}`)
        .join('; ')}`,
    );
  }

  static fromZod(eventType: string | undefined, error: z.ZodError, prefix = ''): InvalidEventError {
    return new InvalidEventError(
      eventType,
      error.issues.map((issue) => ({
        field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
        message: issue.message,
      })),
    );
  }
}
