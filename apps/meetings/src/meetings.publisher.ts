import { meetingsContract } from '#contracts';
import { publisherFor } from '#messaging';

/** The meetings service's one publisher: it publishes meetings events and no others. */
export class MeetingsPublisher extends publisherFor(meetingsContract) {}
