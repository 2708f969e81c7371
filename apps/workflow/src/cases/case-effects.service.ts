import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { Counter } from 'prom-client';
import { Clock, MetricsService } from '#platform';
import { CalendarService } from '../calendar/calendar.service.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { afterCommit } from '../common/after-commit.js';
import { CaseHistoryService } from '../history/case-history.service.js';
import type { HistoryCause } from '../history/hash-chain.js';
import { NotificationPlannerService } from '../notifications/notification-planner.service.js';
import { fitCaseTitle } from '../policy/case-titles.js';
import { PolicyService } from '../policy/policy.service.js';
import { CaseDeadline } from './case-deadline.entity.js';
import { calendarGapOf, planDeadlines } from './case-deadlines.js';
import type { Effect, TransitionName } from './case-commands.js';
import { EscalationCase } from './escalation-case.entity.js';
import { writeCase } from './write-case.js';
import { WorkflowPublisher } from '../workflow.publisher.js';

/**
 * What a case's transition does beyond its new state, in the transition's transaction: the
 * history entry, the case event, and the lifecycle's effects (deadlines, agenda requests,
 * notifications).
 */
@Injectable()
export class CaseEffectsService {
  constructor(
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
    @Inject(CaseHistoryService) private readonly history: CaseHistoryService,
    @Inject(PolicyService) private readonly policies: PolicyService,
    @Inject(CalendarService) private readonly calendars: CalendarService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(NotificationPlannerService) private readonly notices: NotificationPlannerService,
    @Inject(MetricsService) metrics: MetricsService,
  ) {
    this.pastCalendar = metrics.counter({
      name: 'workflow_deadlines_past_calendar_total',
      help: 'Cases given a deadline after the last day their calendar has bank holidays for, by calendar: enter the next year of holidays',
      labelNames: ['calendar'],
    });
  }

  private readonly pastCalendar: Counter<'calendar'>;

  async record(
    manager: EntityManager,
    escalation: EscalationCase,
    fromStatus: string | null,
    name: TransitionName,
    cause: HistoryCause,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.history.append(manager, escalation, {
      transition: name,
      fromStatus,
      toStatus: escalation.status,
      level: escalation.level,
      cause,
      details: { bodyId: escalation.bodyId, severity: escalation.severity, ...details },
    });
    await writeCase(manager, escalation);
    await this.announce(manager, escalation, name, cause, details);
  }

  /** The effects of a transition: deadlines first, so an agenda request carries its tabling date. */
  async carryOut(
    manager: EntityManager,
    escalation: EscalationCase,
    name: TransitionName,
    effects: readonly Effect[],
    cause: HistoryCause,
    moved?: { fromBodyId: string; fromLevel: string; details: Record<string, unknown> },
  ): Promise<void> {
    const ordered = [...effects].sort((a, b) => rank(a) - rank(b));
    for (const effect of ordered) {
      switch (effect.kind) {
        case 'cancel-timers':
          afterCommit(manager, 'timers', escalation.id);
          await manager.update(
            CaseDeadline,
            { caseId: escalation.id, settledAt: IsNull() },
            { settledAt: this.clock.now(), outcome: 'cancelled' },
          );
          break;
        case 'arm-deadlines':
          afterCommit(manager, 'timers', escalation.id);
          await this.armDeadlines(manager, escalation, effect);
          break;
        case 'request-agenda':
          await this.requestAgenda(manager, escalation, cause);
          break;
        case 'notify':
          await this.notices.plan(manager, {
            escalation,
            audience: effect.audience,
            bodyId:
              effect.audience === 'holding-body'
                ? (moved?.fromBodyId ?? escalation.bodyId)
                : escalation.bodyId,
            reason: effect.reason,
            sequence: escalation.historyLength,
            urgent: URGENT.has(name),
          });
          break;
      }
    }
    if (moved && moved.fromBodyId !== escalation.bodyId) {
      const deadlines = await this.deadlinesOf(manager, escalation);
      await this.events.publish(manager, 'workflow.escalation-escalated.v1', {
        ...this.caseRef(escalation, cause),
        fromBodyId: moved.fromBodyId,
        fromLevel: moved.fromLevel as EscalationCase['level'],
        reason: typeof moved.details['reason'] === 'string' ? moved.details['reason'] : 'escalated',
        ...deadlines,
      });
    }
  }

  private async armDeadlines(
    manager: EntityManager,
    escalation: EscalationCase,
    effect: Extract<Effect, { kind: 'arm-deadlines' }>,
  ): Promise<void> {
    // In turn, not at once: both read through the transaction's one connection.
    const policy = await this.policies.version(escalation.policyVersion, manager);
    const calendar = await this.calendars.calendarOf(manager, escalation);
    const now = this.clock.now();
    const plan = planDeadlines(policy, calendar, effect.level, effect.from, now);
    if (plan.length > 0) {
      // The level's deadlines in one statement (nine at a group), not one round trip each.
      await manager.upsert(
        CaseDeadline,
        plan.map((planned) => ({
          caseId: escalation.id,
          level: effect.level,
          ...planned,
          armedAt: null,
          settledAt: null,
          outcome: null,
        })),
        ['caseId', 'level', 'kind'],
      );
    }
    await this.flagCalendarGap(manager, escalation, calendar, calendarGapOf(plan, calendar));
  }

  /**
   * A deadline past the calendar's known holidays is flagged on the case, counted for the
   * platform's alerts and told to the holding body's secretariat, who get the next year's
   * holidays entered; a later plan inside the calendar clears the flag.
   */
  private async flagCalendarGap(
    manager: EntityManager,
    escalation: EscalationCase,
    calendar: WorkingCalendar,
    warning: string | null,
  ): Promise<void> {
    if (warning === escalation.calendarWarning) {
      return;
    }
    escalation.calendarWarning = warning;
    await manager.update(EscalationCase, { id: escalation.id }, { calendarWarning: warning });
    if (warning === null) {
      return;
    }
    this.pastCalendar.inc({ calendar: calendar.coverage?.name ?? 'unknown' });
    await this.notices.plan(manager, {
      escalation,
      audience: 'secretariat',
      bodyId: escalation.bodyId,
      reason: warning,
      sequence: escalation.historyLength,
      urgent: true,
      step: { kind: 'calendar-gap' },
    });
  }

  private async requestAgenda(
    manager: EntityManager,
    escalation: EscalationCase,
    cause: HistoryCause,
  ) {
    const table = await manager.findOneBy(CaseDeadline, {
      caseId: escalation.id,
      level: escalation.level,
      kind: 'table',
    });
    await this.events.publish(
      manager,
      'workflow.agenda-item-requested.v1',
      {
        requestId: randomUUID(),
        bodyId: escalation.bodyId,
        title: fitCaseTitle(escalation.title),
        externalReference: escalation.id,
        presenter: null,
        papers: [],
        tableBy: table?.dueOn ?? null,
      },
      { causationId: cause.kind === 'event' ? cause.ref : undefined },
    );
  }

  /** The case event for a transition, when it has one. */
  private async announce(
    manager: EntityManager,
    escalation: EscalationCase,
    name: TransitionName,
    cause: HistoryCause,
    details: Record<string, unknown>,
  ) {
    const ref = this.caseRef(escalation, cause);
    switch (name) {
      case 'opened':
        // Published by onTrigger once the deadlines exist.
        return;
      case 'tabled': {
        const { meetingId, agendaItemId } = details;
        if (typeof meetingId === 'string' && typeof agendaItemId === 'string') {
          await this.events.publish(manager, 'workflow.escalation-tabled.v1', {
            ...ref,
            meetingId,
            agendaItemId,
          });
        }
        return;
      }
      case 'acknowledged':
        await this.events.publish(manager, 'workflow.escalation-acknowledged.v1', ref);
        return;
      case 'deferred':
        await this.events.publish(manager, 'workflow.escalation-deferred.v1', {
          ...ref,
          deferrals: escalation.deferrals,
        });
        return;
      case 'resolved':
      case 'action-plan-accepted':
        await this.events.publish(manager, 'workflow.escalation-resolved.v1', {
          ...ref,
          outcome: name === 'resolved' ? 'resolved' : 'action-plan',
          rationale: name,
        });
        return;
      case 'closed':
        await this.events.publish(manager, 'workflow.escalation-closed.v1', {
          ...ref,
          reason: typeof details['reason'] === 'string' ? details['reason'] : 'closed',
        });
        return;
      case 'escalated':
      case 'chair-action-requested':
      case 'chairs-action-ratified':
      case 'chairs-action-not-ratified':
      case 'overdue':
      case 'recovered':
      case 'breach-withdrawn':
      case 'trigger-updated':
      case 'reopened':
        return;
    }
  }

  caseRef(escalation: EscalationCase, cause: HistoryCause) {
    return {
      caseId: escalation.id,
      subjectKey: escalation.subjectKey,
      bodyId: escalation.bodyId,
      level: escalation.level,
      cause,
    };
  }

  async deadlinesOf(manager: EntityManager, escalation: EscalationCase) {
    const rows = await manager.findBy(CaseDeadline, {
      caseId: escalation.id,
      level: escalation.level,
    });
    const due = (kind: string) =>
      rows.find((row) => row.kind === kind)?.dueOn ?? this.clock.today();
    return { acknowledgeBy: due('acknowledge'), tableBy: due('table'), resolveBy: due('resolve') };
  }
}

/** Transitions whose notifications go at once; the rest may wait for a member's digest. */
const URGENT: ReadonlySet<TransitionName> = new Set<TransitionName>([
  'opened',
  'escalated',
  'overdue',
  'chair-action-requested',
  'reopened',
]);

function rank(effect: Effect): number {
  return effect.kind === 'cancel-timers' ? 0 : effect.kind === 'arm-deadlines' ? 1 : 2;
}
