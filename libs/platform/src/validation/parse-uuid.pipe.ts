import { type ArgumentMetadata, Injectable, Optional, type PipeTransform } from '@nestjs/common';
import { invalidField } from '../errors/domain-error.js';

// Any RFC 9562 UUID (what PostgreSQL's uuid type stores), in its hyphenated form.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path or query parameter that must be a UUID: 400 naming the parameter otherwise (Nest's
 * ParseUUIDPipe says only "uuid is expected"). `new ParseUuidPipe({ optional: true })` lets an
 * absent query parameter through.
 */
@Injectable()
export class ParseUuidPipe implements PipeTransform<string | undefined, string | undefined> {
  // Optional: used as a class (`@Param('id', ParseUuidPipe)`), Nest builds it with no options.
  constructor(@Optional() private readonly options: { optional?: boolean } = {}) {}

  transform(value: string | undefined, metadata: ArgumentMetadata): string | undefined {
    if (value === undefined && this.options.optional === true) {
      return value;
    }
    const name = metadata.data ?? 'id';
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw invalidField(name, `${name} must be a UUID`);
    }
    return value;
  }
}
