/**
 * What a service's rules say when they refuse a command, in words of the domain rather than of
 * HTTP: the same service methods serve HTTP requests and Kafka events, and each edge maps these
 * its own way (DomainErrorFilter to a status; the event consumer to skip, retry or dead-letter).
 */
export type DomainErrorKind =
  'invalid' | 'not-found' | 'not-known-yet' | 'conflict' | 'refused' | 'unprocessable';

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    /** What the answer names besides its message (each bad line, a whole report...). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command names something wrong in its own fields (HTTP 400, with each field's message). */
export class InvalidError extends DomainError {
  readonly kind = 'invalid';

  constructor(readonly errors: readonly FieldError[]) {
    super(
      `Validation failed: ${errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ')}`,
      { errors },
    );
  }
}

/** What the command names does not exist, and never will (HTTP 404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

/**
 * What the command names is not known here yet: another service's event about it has not
 * arrived. HTTP answers 404; an event consumer retries later instead of giving up.
 */
export class NotKnownYetError extends DomainError {
  readonly kind = 'not-known-yet';
}

/** The command clashes with the current state: a duplicate, a stale step (HTTP 409). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** The caller may not do this (HTTP 403). */
export class RefusedError extends DomainError {
  readonly kind = 'refused';
}

/** The command is well formed but breaks a rule of the domain (HTTP 422). */
export class UnprocessableError extends DomainError {
  readonly kind = 'unprocessable';
}

/** One invalid field, for rules that need the database or several fields to check. */
export function invalidField(field: string, message: string): InvalidError {
  return new InvalidError([{ field, messages: [message] }]);
}

export function notFound(what: string, id: string): NotFoundError {
  return new NotFoundError(`${what} ${id} not found`);
}
