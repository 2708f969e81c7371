import { messagingEntities, messagingMigrations } from '#messaging';
import type { ConstraintMessages } from '#platform';
import { Action } from './actions/action.entity.js';
import { AgendaItem } from './agenda/agenda-item.entity.js';
import { AgendaRequest } from './agenda/agenda-request.entity.js';
import { Attendance } from './attendance/attendance.entity.js';
import { DeclarationOfInterest } from './attendance/declaration.entity.js';
import { CalendarSubscription } from './calendar/calendar-subscription.entity.js';
import { ChairsAction } from './agenda/chairs-action.entity.js';
import { Decision } from './decisions/decision.entity.js';
import { Meeting } from './meetings/meeting.entity.js';
import { ActionsAndMinutes1795245138310 } from './migrations/1795245138310-actions-and-minutes.js';
import { MeetingsSchema1795243346155 } from './migrations/1795243346155-meetings-schema.js';
import { CalendarSubscriptions1796416524273 } from './migrations/1796416524273-calendar-subscriptions.js';
import { MinutesOverdue1796445571081 } from './migrations/1796445571081-minutes-overdue.js';
import { ChairsActions1796505600000 } from './migrations/1796505600000-chairs-actions.js';
import { MeetingPractice1796505800000 } from './migrations/1796505800000-meeting-practice.js';
import { membershipViewEntities, membershipViewMigrations } from '#membership-view';

/** The meetings schema: its entities and the migrations that build it, in order. */
export const meetingsEntities = [
  ...messagingEntities,
  ...membershipViewEntities,
  Meeting,
  AgendaItem,
  AgendaRequest,
  Attendance,
  DeclarationOfInterest,
  Decision,
  ChairsAction,
  Action,
  CalendarSubscription,
];

export const meetingsMigrations = [
  ...messagingMigrations,
  ...membershipViewMigrations,
  MeetingsSchema1795243346155,
  ActionsAndMinutes1795245138310,
  CalendarSubscriptions1796416524273,
  MinutesOverdue1796445571081,
  ChairsActions1796505600000,
  MeetingPractice1796505800000,
];

export const meetingsConstraintMessages: ConstraintMessages = {
  decision_agenda_item_key: 'A decision is already recorded on this agenda item',
  agenda_item_request_key: 'This agenda request is already on an agenda',
  declaration_of_interest_item_member_key:
    'The member has already declared an interest in this item',
};
