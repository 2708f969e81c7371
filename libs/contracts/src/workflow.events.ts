import { z } from 'zod';
import { defineContract, event, KEYED_BY_CASE } from './contract.js';

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
  'workflow.agenda-item-requested.v1': event(
    z.object({
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
    {
      summary: "Asks the meetings service to table a case at a body's next eligible meeting.",
      key: ['bodyId'],
      keyMeaning: 'the body asked to table the item',
    },
  ),
  'workflow.escalation-opened.v1': event(
    caseRef.extend({
      kind: z.string().min(1),
      title: z.string().min(1),
      severity: z.enum(ESCALATION_SEVERITIES),
      policyVersion: z.number().int().min(1),
      /** The last day to acknowledge, table and resolve at this level. */
      acknowledgeBy: isoDate,
      tableBy: isoDate,
      resolveBy: isoDate,
    }),
    {
      summary: 'An escalation case was opened at a body, with its deadlines.',
      key: ['caseId'],
      keyMeaning: KEYED_BY_CASE,
    },
  ),
  'workflow.escalation-acknowledged.v1': event(caseRef, {
    summary: 'An escalation case was acknowledged by its body.',
    key: ['caseId'],
    keyMeaning: KEYED_BY_CASE,
  }),
  'workflow.escalation-tabled.v1': event(caseRef.extend({ meetingId: uuid, agendaItemId: uuid }), {
    summary: 'An escalation case was tabled at a meeting.',
    key: ['caseId'],
    keyMeaning: KEYED_BY_CASE,
  }),
  'workflow.escalation-escalated.v1': event(
    caseRef.extend({
      fromBodyId: uuid,
      fromLevel: z.enum(ESCALATION_LEVELS),
      reason: z.string().min(1),
      acknowledgeBy: isoDate,
      tableBy: isoDate,
      resolveBy: isoDate,
    }),
    {
      summary: 'An escalation case moved up to the parent body, with new deadlines.',
      key: ['caseId'],
      keyMeaning: KEYED_BY_CASE,
    },
  ),
  'workflow.escalation-deferred.v1': event(caseRef.extend({ deferrals: z.number().int().min(1) }), {
    summary: 'A decision on an escalation case was deferred.',
    key: ['caseId'],
    keyMeaning: KEYED_BY_CASE,
  }),
  'workflow.escalation-resolved.v1': event(
    caseRef.extend({
      outcome: z.enum(['resolved', 'action-plan']),
      rationale: z.string().min(1),
    }),
    {
      summary: 'An escalation case was resolved or given an action plan.',
      key: ['caseId'],
      keyMeaning: KEYED_BY_CASE,
    },
  ),
  'workflow.escalation-closed.v1': event(caseRef.extend({ reason: z.string().min(1) }), {
    summary: 'An escalation case was closed.',
    key: ['caseId'],
    keyMeaning: KEYED_BY_CASE,
  }),
  'workflow.notification-sent.v1': event(
    z.object({
      notificationId: uuid,
      caseId: uuid.nullable(),
      memberId: uuid,
      channel: z.enum(NOTIFICATION_CHANNELS),
      /** Never the same notification twice: one per key. */
      dedupKey: z.string().min(1),
      sentAt: instant,
    }),
    {
      summary: 'A notification about a case was sent to a member.',
      key: ['memberId'],
      keyMeaning: 'the member notified',
    },
  ),
  'workflow.notification-failed.v1': event(
    z.object({
      notificationId: uuid,
      caseId: uuid.nullable(),
      memberId: uuid,
      channel: z.enum(NOTIFICATION_CHANNELS),
      dedupKey: z.string().min(1),
      attempts: z.number().int().min(1),
      error: z.string().min(1),
    }),
    {
      summary: 'A notification to a member failed after its attempts.',
      key: ['memberId'],
      keyMeaning: 'the member notified',
    },
  ),
  'workflow.history-checkpointed.v1': event(
    z.object({
      checkpointId: uuid,
      /** 1 for the first checkpoint, then one more each time: a gap shows one is missing. */
      sequence: z.number().int().min(1),
      takenAt: instant,
      /** The digest of the checkpoint before, so checkpoints chain too. */
      previousDigest: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable(),
      /** Where each case's history ended, for the cases whose history grew since the last one. */
      heads: z
        .array(
          z.object({
            caseId: uuid,
            length: z.number().int().min(1),
            headHash: z.string().regex(/^[0-9a-f]{64}$/),
          }),
        )
        .min(1),
      /** Hex SHA-256 of the canonical JSON of sequence, takenAt, previousDigest and heads. */
      digest: z.string().regex(/^[0-9a-f]{64}$/),
      /** The signing key: hex SHA-256 of its public key (GET /history/checkpoint-key). */
      keyId: z.string().regex(/^[0-9a-f]{64}$/),
      /** Ed25519 signature of the digest's text, base64url. */
      signature: z.string().min(1),
    }),
    {
      summary:
        'A signed checkpoint of where case histories end, so a rewrite of a history in the workflow database shows against it.',
      key: ['keyId'],
      keyMeaning: 'the signing key, so checkpoints stay in order',
    },
  ),
});
