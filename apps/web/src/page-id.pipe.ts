import { ParseUUIDPipe } from '@nestjs/common';

/**
 * A page's id from its path: anything but a UUID is a page that is not there (the 404 page),
 * as an unknown id is, never a 400 that would tell a malformed link from a missing record.
 */
export const PAGE_ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
