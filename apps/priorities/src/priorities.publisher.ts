import { prioritiesContract } from '#contracts';
import { publisherFor } from '#messaging';

/** The priorities service's one publisher: it publishes priorities events and no others. */
export class PrioritiesPublisher extends publisherFor(prioritiesContract) {}
