import {
  type ArgumentMetadata,
  BadRequestException,
  type ValidationError,
  ValidationPipe,
} from '@nestjs/common';

/** One invalid field, named by its dot path in the body (`address.postcode`, `items.0.code`). */
export interface FieldError {
  field: string;
  messages: string[];
}

/** The body of a 400 answered for an invalid request. */
export interface ValidationFailure {
  statusCode: 400;
  error: 'Bad Request';
  message: 'Validation failed';
  errors: FieldError[];
}

/** Flattens class-validator's tree into one entry per invalid field. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {});
    const nested = flattenValidationErrors(error.children ?? [], field);
    return own.length > 0 ? [{ field, messages: own }, ...nested] : nested;
  });
}

function failure(errors: FieldError[]): BadRequestException {
  const body: ValidationFailure = {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    errors,
  };
  return new BadRequestException(body);
}

/** Deeper than any request body of the platform nests; deeper still would exhaust the stack. */
export const MAX_BODY_DEPTH = 32;

/** Whether arrays and objects in `value` nest deeper than `limit` (counted without recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'object' && next.value !== null) {
      if (next.depth >= limit) {
        return true;
      }
      for (const item of Object.values(next.value)) {
        pending.push({ value: item, depth: next.depth + 1 });
      }
    }
  }
  return false;
}

/** The paths of every string in `value` that holds a NUL character, which no text column takes. */
export function pathsWithNul(value: unknown, path: string): string[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? [path] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      pathsWithNul(item, path ? `${path}.${index}` : `${index}`),
    );
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      pathsWithNul(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/**
 * Before the DTOs: a value nested deeper than any DTO is refused (walking it would overflow the
 * stack), and so is a NUL character anywhere in a body, query or path parameter, naming the
 * field, since PostgreSQL stores no NUL in text and would answer with an error.
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      // Checked before anything walks the value recursively (the NUL check, class-transformer).
      if (nestsDeeperThan(value, MAX_BODY_DEPTH)) {
        throw failure([
          {
            field: metadata.type === 'body' ? 'body' : (metadata.data ?? metadata.type),
            messages: [`must not nest arrays and objects more than ${MAX_BODY_DEPTH} deep`],
          },
        ]);
      }
      const fields = pathsWithNul(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (fields.length > 0) {
        throw failure(
          fields.map((field) => ({
            field: field || metadata.type,
            messages: ['must not contain the NUL character'],
          })),
        );
      }
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/**
 * The global pipe: DTOs are validated and transformed, and properties a DTO does not declare are
 * refused (not silently dropped) so a client's typo is an error it can see.
 */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => failure(flattenValidationErrors(errors)),
  });
}
