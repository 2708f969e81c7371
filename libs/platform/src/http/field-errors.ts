import { BadRequestException, NotFoundException } from '@nestjs/common';

/**
 * A 400 in the shape of the validation pipe's answers, for rules that need the database or
 * several fields to check: `{ message: 'Validation failed', errors: [{ field, messages }] }`.
 */
export function invalidField(field: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    errors: [{ field, messages: [message] }],
  });
}

export function notFound(what: string, id: string): NotFoundException {
  return new NotFoundException(`${what} ${id} not found`);
}
