import { BadRequestException, type ValidationError, ValidationPipe } from '@nestjs/common';

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

/**
 * The global pipe: DTOs are validated and transformed, and properties a DTO does not declare are
 * refused (not silently dropped) so a client's typo is an error it can see.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const body: ValidationFailure = {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: flattenValidationErrors(errors),
      };
      return new BadRequestException(body);
    },
  });
}
