import { z } from 'zod';
import { defineContract } from './contract.js';

/**
 * Events of the meetings service: meetings of governance bodies, their agendas, attendance
 * and quorum, decisions, actions and minutes. Events about one meeting (and its items,
 * decisions and actions) are keyed by the meeting's body id, so a body's meetings stay in
 * order for consumers.
 *
 * Published names never change: a new payload shape is a new `.v2` type beside the old one.
 */

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const MEETING_KINDS = [
  'quarterly-network-meeting',
  'clinical-advisory-group',
  'alliance-board',
  'extraordinary',
] as const;
export const AGENDA_ITEM_TYPES = [
  'standing',
  'for-decision',
  'for-information',
  'escalation',
] as const;
export const DECISION_OUTCOMES = [
  'approved',
  'rejected',
  'noted',
  'deferred',
  'resolved',
  'escalated',
  'action-plan-agreed',
] as const;
export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent'] as const;

const meetingRef = z.object({ meetingId: uuid, bodyId: uuid });

const meetingState = meetingRef.extend({
  kind: z.enum(MEETING_KINDS),
  title: z.string().min(1),
  startsAt: instant,
  endsAt: instant,
  location: z.string().nullable(),
  onlineUrl: z.url().nullable(),
});

export const quorumResultSchema = z.object({
  quorate: z.boolean(),
  votingMembers: z.number().int().min(0),
  present: z.number().int().min(0),
  required: z.number().int().min(0),
  chairOrDeputyPresent: z.boolean(),
  clinicianPresent: z.boolean(),
  /** Why the meeting was not quorate; empty when it was. */
  shortfalls: z.array(z.string()),
});

export const meetingsContract = defineContract('meetings', {
  'meetings.meeting-scheduled.v1': meetingState,
  'meetings.meeting-rescheduled.v1': meetingState.extend({ previousStartsAt: instant }),
  'meetings.meeting-cancelled.v1': meetingRef.extend({ reason: z.string().min(1) }),
  'meetings.agenda-item-added.v1': meetingRef.extend({
    agendaItemId: uuid,
    type: z.enum(AGENDA_ITEM_TYPES),
    title: z.string().min(1),
    /** The requester's reference, e.g. an escalation case id; null for items added by hand. */
    externalReference: z.string().nullable(),
    requestId: uuid.nullable(),
  }),
  'meetings.agenda-request-unplaced.v1': z.object({
    requestId: uuid,
    bodyId: uuid,
    externalReference: z.string().min(1),
    /** No meeting whose papers deadline is still open before the requester's date. */
    reason: z.string().min(1),
    tableBy: isoDate.nullable(),
    nextMeetingStartsAt: instant.nullable(),
  }),
  'meetings.meeting-held.v1': meetingRef.extend({ quorum: quorumResultSchema }),
  'meetings.quorum-not-met.v1': meetingRef.extend({
    quorum: quorumResultSchema,
    /** Consecutive held meetings of the body without quorum, this one included. */
    consecutive: z.number().int().min(1),
  }),
  'meetings.decision-recorded.v1': meetingRef.extend({
    decisionId: uuid,
    agendaItemId: uuid,
    externalReference: z.string().nullable(),
    outcome: z.enum(DECISION_OUTCOMES),
    rationale: z.string().min(1),
    votes: z
      .object({
        for: z.number().int().min(0),
        against: z.number().int().min(0),
        abstained: z.number().int().min(0),
      })
      .nullable(),
  }),
  'meetings.action-assigned.v1': meetingRef.extend({
    actionId: uuid,
    agendaItemId: uuid.nullable(),
    description: z.string().min(1),
    ownerMemberId: uuid,
    dueOn: isoDate,
  }),
  'meetings.action-completed.v1': meetingRef.extend({ actionId: uuid, completedOn: isoDate }),
  'meetings.action-overdue.v1': meetingRef.extend({
    actionId: uuid,
    ownerMemberId: uuid,
    dueOn: isoDate,
    daysOverdue: z.number().int().min(1),
  }),
  'meetings.minutes-approved.v1': meetingRef.extend({ approvedAtMeetingId: uuid }),
});
