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

/** A high surrogate with no low one after it, or a low one with no high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL (or a validator) cannot take this text, if it cannot. */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) {
    return 'must not contain the NUL character';
  }
  // A lone surrogate is no character: stored, it silently becomes U+FFFD; some validators throw.
  return LONE_SURROGATE.test(text) ? 'must be well-formed Unicode (no lone surrogates)' : undefined;
}

/** Every string in `value` (a key included) that no text column takes, by its path. */
export function unstorableText(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem === undefined ? [] : [{ field: path, messages: [problem] }];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      const at = path ? `${path}.${key}` : key;
      const problem = textProblem(key);
      return [
        ...(problem === undefined ? [] : [{ field: at, messages: [problem] }]),
        ...unstorableText(item, at),
      ];
    });
  }
  return [];
}

/**
 * Before the DTOs: a value nested deeper than any DTO is refused (walking it would overflow the
 * stack), and so is text a database column cannot hold anywhere in a body, query or path
 * parameter, naming the field: a NUL character (PostgreSQL answers with an error) or a lone
 * surrogate (stored as U+FFFD; class-validator's `IsEmail` throws on it).
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      // Checked before anything walks the value recursively (the text check, class-transformer).
      if (nestsDeeperThan(value, MAX_BODY_DEPTH)) {
        throw failure([
          {
            field: metadata.type === 'body' ? 'body' : (metadata.data ?? metadata.type),
            messages: [`must not nest arrays and objects more than ${MAX_BODY_DEPTH} deep`],
          },
        ]);
      }
      const fields = unstorableText(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (fields.length > 0) {
        throw failure(fields.map((error) => ({ ...error, field: error.field || metadata.type })));
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
