import { workflowContract } from '#contracts';
import { publisherFor } from '#messaging';

/** The workflow service's one publisher: it publishes workflow events and no others. */
export class WorkflowPublisher extends publisherFor(workflowContract) {}
