import { z } from 'zod';
import { defineContract } from './contract.js';

/**
 * Events of the workflow service (the escalation engine). The agenda request asks the meetings
 * service to table a case at a body's next eligible meeting; the escalation events follow a
 * case through its life and are keyed by case id, so one case's events stay in order.
 *
 * Published names never change: a new payload shape is a new `.v2` type beside the old one.
 */

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const ESCALATION_LEVELS = ['group', 'cag', 'board'] as const;
export const ESCALATION_SEVERITIES = ['moderate', 'high', 'extreme'] as const;
export const CASE_STATUSES = [
  'opened',
  'acknowledged',
  'tabled',
  'deferred',
  'monitoring',
  'resolved',
  'closed',
] as const;
export const NOTIFICATION_CHANNELS = ['email', 'webhook', 'inbox'] as const;

/** Who or what moved a case: a user (token subject), an event (its id) or a timer. */
export const causeSchema = z.object({
  kind: z.enum(['user', 'event', 'timer', 'system']),
  ref: z.string().min(1),
});

const caseRef = z.object({
  caseId: uuid,
  /** What the case is about, e.g. `standard:<allianceId>:lung:fds-28`; one open case each. */
  subjectKey: z.string().min(1),
  bodyId: uuid,
  level: z.enum(ESCALATION_LEVELS),
  cause: causeSchema,
});

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
  'workflow.escalation-opened.v1': caseRef.extend({
    kind: z.string().min(1),
    title: z.string().min(1),
    severity: z.enum(ESCALATION_SEVERITIES),
    policyVersion: z.number().int().min(1),
    /** The last day to acknowledge, table and resolve at this level. */
    acknowledgeBy: isoDate,
    tableBy: isoDate,
    resolveBy: isoDate,
  }),
  'workflow.escalation-acknowledged.v1': caseRef,
  'workflow.escalation-tabled.v1': caseRef.extend({ meetingId: uuid, agendaItemId: uuid }),
  'workflow.escalation-escalated.v1': caseRef.extend({
    fromBodyId: uuid,
    fromLevel: z.enum(ESCALATION_LEVELS),
    reason: z.string().min(1),
    acknowledgeBy: isoDate,
    tableBy: isoDate,
    resolveBy: isoDate,
  }),
  'workflow.escalation-deferred.v1': caseRef.extend({ deferrals: z.number().int().min(1) }),
  'workflow.escalation-resolved.v1': caseRef.extend({
    outcome: z.enum(['resolved', 'action-plan']),
    rationale: z.string().min(1),
  }),
  'workflow.escalation-closed.v1': caseRef.extend({ reason: z.string().min(1) }),
  'workflow.notification-sent.v1': z.object({
    notificationId: uuid,
    caseId: uuid.nullable(),
    memberId: uuid,
    channel: z.enum(NOTIFICATION_CHANNELS),
    /** Never the same notification twice: one per key. */
    dedupKey: z.string().min(1),
    sentAt: instant,
  }),
  'workflow.notification-failed.v1': z.object({
    notificationId: uuid,
    caseId: uuid.nullable(),
    memberId: uuid,
    channel: z.enum(NOTIFICATION_CHANNELS),
    dedupKey: z.string().min(1),
    attempts: z.number().int().min(1),
    error: z.string().min(1),
  }),
});
