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
 * Before the DTOs: a NUL character anywhere in a body, query or path parameter is refused,
 * naming the field, since PostgreSQL stores no NUL in text and would answer with an error.
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
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
