import { performanceContract } from '#contracts';
import { publisherFor } from '#messaging';

/** The performance service's one publisher: it publishes performance events and no others. */
export class PerformancePublisher extends publisherFor(performanceContract) {}
