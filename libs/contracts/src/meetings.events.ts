import { z } from 'zod';
import { defineContract, event, KEYED_BY_BODY } from './contract.js';

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
  /** A chair's action taken between meetings, listed for the next meeting to ratify. */
  'ratification',
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
/**
 * What a chair's action between meetings may decide. Deferring is not among them: an item
 * waits for the next meeting anyway. Noting needs no action.
 */
export const CHAIRS_ACTION_OUTCOMES = [
  'approved',
  'rejected',
  'resolved',
  'escalated',
  'action-plan-agreed',
] as const satisfies readonly (typeof DECISION_OUTCOMES)[number][];
/**
 * Kinds of interest, as NHS England's guidance on managing conflicts of interest names them.
 */
export const INTEREST_NATURES = [
  'financial',
  'non-financial-professional',
  'non-financial-personal',
  'indirect',
] as const;
/** What the chair agreed a member with an interest does for the item. */
export const INTEREST_ACTIONS = ['withdrew', 'took-no-part', 'remained'] as const;
export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent'] as const;
/** The capacities a decision is recorded in: the body's meeting officers, or an admin. */
export const RECORDER_CAPACITIES = ['chair', 'deputy-chair', 'secretariat', 'admin'] as const;

const meetingRef = z.object({ meetingId: uuid, bodyId: uuid });

/**
 * Who recorded something for a body: the member (null for an account linked to none), their
 * account's token subject, and the capacity they acted in.
 */
const recorder = z.object({
  memberId: uuid.nullable(),
  subject: z.string().min(1),
  capacity: z.enum(RECORDER_CAPACITIES),
});

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
  /**
   * Voting members who were absent but counted through a nominated deputy attending for them;
   * absent on results judged before deputies were recorded.
   */
  deputising: z.number().int().min(0).optional(),
});

export const meetingsContract = defineContract('meetings', {
  'meetings.meeting-scheduled.v1': event(meetingState, {
    summary: 'A meeting of a body was scheduled.',
    key: ['bodyId'],
    keyMeaning: KEYED_BY_BODY,
  }),
  'meetings.meeting-rescheduled.v1': event(meetingState.extend({ previousStartsAt: instant }), {
    summary: 'A meeting moved; carries its new state and its previous start.',
    key: ['bodyId'],
    keyMeaning: KEYED_BY_BODY,
  }),
  'meetings.meeting-cancelled.v1': event(meetingRef.extend({ reason: z.string().min(1) }), {
    summary: 'A meeting was cancelled.',
    key: ['bodyId'],
    keyMeaning: KEYED_BY_BODY,
  }),
  'meetings.agenda-item-added.v1': event(
    meetingRef.extend({
      agendaItemId: uuid,
      type: z.enum(AGENDA_ITEM_TYPES),
      title: z.string().min(1),
      /** The requester's reference, e.g. an escalation case id; null for items added by hand. */
      externalReference: z.string().nullable(),
      requestId: uuid.nullable(),
      /**
       * Set when the meeting falls after the date the requester asked it to be tabled by: the
       * item is on the next meeting all the same, and the requester may ask for a chair's action.
       * Added to v1 after its first release, so an earlier event parses as null.
       */
      late: z
        .object({ tableBy: isoDate, reason: z.string().min(1) })
        .nullable()
        .default(null),
    }),
    {
      summary:
        "An item was added to a meeting's agenda, by hand or for an agenda request; says when it is later than the requester's date.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'meetings.agenda-request-unplaced.v1': event(
    z.object({
      requestId: uuid,
      bodyId: uuid,
      externalReference: z.string().min(1),
      /** No scheduled meeting whose papers deadline is still open. */
      reason: z.string().min(1),
      tableBy: isoDate.nullable(),
      nextMeetingStartsAt: instant.nullable(),
    }),
    {
      summary:
        'An agenda request found no scheduled meeting with its papers deadline open; it waits for the next one scheduled.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'meetings.meeting-held.v1': event(meetingRef.extend({ quorum: quorumResultSchema }), {
    summary: 'A meeting was held; carries its quorum result.',
    key: ['bodyId'],
    keyMeaning: KEYED_BY_BODY,
  }),
  'meetings.quorum-not-met.v1': event(
    meetingRef.extend({
      quorum: quorumResultSchema,
      /** Consecutive held meetings of the body without quorum, this one included. */
      consecutive: z.number().int().min(1),
    }),
    {
      summary: 'A held meeting was not quorate, with the run of inquorate meetings so far.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'meetings.decision-recorded.v1': event(
    meetingRef.extend({
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
      // Added to v1 after its first release: an earlier event, read again from the start of
      // the topic, still parses (as null), so the field did not need a new version.
      recordedBy: recorder.nullable().default(null),
    }),
    {
      summary:
        'A decision on an agenda item was recorded, with its outcome, rationale and who recorded it in what capacity.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'meetings.chairs-action-recorded.v1': event(
    z.object({
      chairsActionId: uuid,
      bodyId: uuid,
      /** What it concerns, e.g. an escalation case id; null for a matter of the body's own. */
      externalReference: z.string().nullable(),
      title: z.string().min(1),
      outcome: z.enum(CHAIRS_ACTION_OUTCOMES),
      rationale: z.string().min(1),
      recordedBy: recorder,
      /** The meeting that will be asked to ratify it; null until one is scheduled. */
      ratificationMeetingId: uuid.nullable(),
    }),
    {
      summary:
        "The chair (or deputy) took a decision between meetings; it is listed for ratification at the body's next meeting.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'meetings.chairs-action-ratified.v1': event(
    meetingRef.extend({
      chairsActionId: uuid,
      agendaItemId: uuid,
      decisionId: uuid,
      externalReference: z.string().nullable(),
      /** False when the meeting rejected the chair's action. */
      ratified: z.boolean(),
    }),
    {
      summary:
        "A meeting ratified (or refused to ratify) a chair's action taken since its last meeting.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'meetings.action-assigned.v1': event(
    meetingRef.extend({
      actionId: uuid,
      agendaItemId: uuid.nullable(),
      description: z.string().min(1),
      ownerMemberId: uuid,
      dueOn: isoDate,
    }),
    {
      summary: 'An action was assigned to a member, with a due date.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'meetings.action-completed.v1': event(
    meetingRef.extend({ actionId: uuid, completedOn: isoDate }),
    { summary: 'An action was completed.', key: ['bodyId'], keyMeaning: KEYED_BY_BODY },
  ),
  'meetings.action-overdue.v1': event(
    meetingRef.extend({
      actionId: uuid,
      ownerMemberId: uuid,
      dueOn: isoDate,
      daysOverdue: z.number().int().min(1),
    }),
    { summary: 'An open action is past its due date.', key: ['bodyId'], keyMeaning: KEYED_BY_BODY },
  ),
  'meetings.minutes-overdue.v1': event(
    meetingRef.extend({
      title: z.string().min(1),
      startsAt: instant,
      /** The day the meeting was held (UK time). */
      heldOn: isoDate,
      /** The day draft minutes were due: the service's setting of days after the meeting. */
      dueOn: isoDate,
      daysSinceHeld: z.number().int().min(1),
    }),
    {
      summary:
        "A held meeting's draft minutes were still missing on the day they were due; announced once per meeting.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'meetings.minutes-approved.v1': event(meetingRef.extend({ approvedAtMeetingId: uuid }), {
    summary: "A meeting's minutes were approved at a later meeting.",
    key: ['bodyId'],
    keyMeaning: KEYED_BY_BODY,
  }),
});
