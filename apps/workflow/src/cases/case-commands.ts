import type { CASE_STATUSES, DECISION_OUTCOMES } from '#contracts';
import type { NotifyAudience } from '../notifications/audience.js';
import type { Level, Severity } from './case-ladder.js';

/**
 * What the case state machine (case-lifecycle.ts) reads and says: a case's state, the commands
 * it takes, and the effects and transition names it answers with.
 */

/**
 * Where a case stands at its current level. `monitoring` means an action plan was accepted:
 * the case waits for its actions or for the metric to recover, with no deadlines running.
 */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The deadlines of a level, in the order a case meets them. */
export type DeadlineStage = 'acknowledge' | 'table' | 'resolve';

export interface CaseState {
  readonly status: CaseStatus;
  readonly level: Level;
  /** Deferrals at the current level; escalation starts the count again. */
  readonly deferrals: number;
  /** A deadline passed at the Alliance Board, where there is no higher body to move to. */
  readonly overdue: boolean;
  readonly severity: Severity;
}

/** Who acknowledges: the holding body's chair or clinical lead, or an admin recording it for them. */
export type ActorRole = 'chair' | 'clinical-lead' | 'admin' | 'other';

/** What a body decided on the case's agenda item. */
export type CaseDecision = 'resolved' | 'escalate' | 'defer' | 'action-plan';

export type CaseCommand =
  | { readonly type: 'acknowledge'; readonly actorRole: ActorRole }
  /** The agenda item was placed on a meeting of the holding body. */
  | { readonly type: 'table' }
  /**
   * A decision on the case: by a meeting on its agenda item, or (`outsideMeeting`) by the chair's
   * action between meetings, which the next meeting is asked to ratify.
   */
  | { readonly type: 'decide'; readonly outcome: CaseDecision; readonly outsideMeeting?: boolean }
  /**
   * The chair is asked for a chair's action or an extraordinary meeting: the case's item is on
   * a meeting after its tabling deadline, or the case is extreme and cannot wait for one.
   */
  | { readonly type: 'askChairsAction'; readonly reason: string }
  /** The meeting after a chair's action ratified it, or refused to. */
  | { readonly type: 'ratify'; readonly ratified: boolean }
  /**
   * A timer fired. The service also sends `which: 'table'` when the meetings service reports
   * the agenda request unplaced (no meeting before the tabling deadline): the remedy is the same.
   */
  | { readonly type: 'deadlineMissed'; readonly which: DeadlineStage }
  | { readonly type: 'escalate'; readonly reason: string }
  /** The metric behind the case is back on target. */
  | { readonly type: 'recover' }
  /** Revised figures no longer show the breach that opened the case. */
  | { readonly type: 'withdrawBreach' }
  /** An admin resolves the case outside a meeting (for example, it was raised in error). */
  | { readonly type: 'resolve'; readonly reason: string }
  | { readonly type: 'close' }
  /** A new trigger for the same subject while the case is open: never a second case. */
  | { readonly type: 'reopenTrigger'; readonly severity: Severity };

/**
 * Work for the service, in the order given. Audiences name bodies as they were before the
 * transition: on escalation `holding-body` is the body the case leaves and `parent-body` the
 * one it goes to. `arm-deadlines` arms the level's deadlines from the stage named onwards,
 * counted from now.
 */
export type Effect =
  | { readonly kind: 'request-agenda'; readonly level: Level }
  | { readonly kind: 'arm-deadlines'; readonly level: Level; readonly from: DeadlineStage }
  | { readonly kind: 'cancel-timers' }
  | { readonly kind: 'notify'; readonly audience: NotifyAudience; readonly reason: string };

/** The name a transition is recorded under in the case's history. */
export type TransitionName =
  | 'opened'
  | 'acknowledged'
  | 'tabled'
  | 'resolved'
  | 'escalated'
  | 'deferred'
  | 'action-plan-accepted'
  | 'chair-action-requested'
  | 'chairs-action-ratified'
  | 'chairs-action-not-ratified'
  | 'overdue'
  | 'recovered'
  | 'breach-withdrawn'
  | 'closed'
  | 'trigger-updated'
  | 'reopened';

export type TransitionResult =
  | {
      readonly ok: true;
      readonly state: CaseState;
      readonly effects: Effect[];
      readonly transition: TransitionName;
    }
  | { readonly ok: false; readonly reason: string };

/** The part of the escalation policy the state machine reads. */
export interface CasePolicy {
  readonly maxDeferrals: number;
}

export type MeetingDecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * The command a decision recorded in the meetings service gives the case its agenda item
 * belongs to; null for outcomes that say nothing about the case (approved, rejected, noted),
 * which the service keeps in the history only.
 */
export function commandForDecision(
  outcome: MeetingDecisionOutcome,
  outsideMeeting = false,
): CaseCommand | null {
  const decide = (decided: CaseDecision): CaseCommand =>
    outsideMeeting
      ? { type: 'decide', outcome: decided, outsideMeeting }
      : { type: 'decide', outcome: decided };
  switch (outcome) {
    case 'resolved':
      return decide('resolved');
    case 'escalated':
      return decide('escalate');
    case 'deferred':
      return decide('defer');
    case 'action-plan-agreed':
      return decide('action-plan');
    case 'approved':
    case 'rejected':
    case 'noted':
      return null;
  }
}
