import { z } from 'zod';
import { defineContract } from './contract.js';

/**
 * Events of the workflow service (the escalation engine). Only the agenda request is
 * declared so far: the meetings service consumes it to table an escalation at a body's next
 * eligible meeting; the escalation events follow with the workflow service.
 */
export const workflowContract = defineContract('workflow', {
  'workflow.agenda-item-requested.v1': z.object({
    /** Unique per request: the same request delivered twice is one agenda item. */
    requestId: z.uuid(),
    bodyId: z.uuid(),
    title: z.string().min(1).max(300),
    /** The requester's reference carried onto the item and its decision, e.g. a case id. */
    externalReference: z.string().min(1).max(200),
    presenter: z.string().min(1).nullable(),
    papers: z.array(z.object({ title: z.string().min(1), url: z.url() })),
    /** The last date the item may be tabled; null for the next meeting, whenever it is. */
    tableBy: z.iso.date().nullable(),
  }),
});
