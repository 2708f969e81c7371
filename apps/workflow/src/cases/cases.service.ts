import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { SeatAccessService } from '#membership-view';
import { Clock, ConflictError, notFound, RefusedError, type Principal } from '#platform';
import type { CaseHistory } from '../history/case-history.entity.js';
import { CaseHistoryService } from '../history/case-history.service.js';
import { NotificationPlannerService } from '../notifications/notification-planner.service.js';
import type { HistoryCause } from '../history/hash-chain.js';
import { fitCaseTitle } from '../policy/case-titles.js';
import type { Trigger } from '../policy/triggers.js';
import { PolicyService } from '../policy/policy.service.js';
import { CaseDeadline } from './case-deadline.entity.js';
import type { CaseCommand, CaseState, DeadlineStage } from './case-commands.js';
import { levelOfBodyKind } from './case-ladder.js';
import { openCase, transition } from './case-lifecycle.js';
import { openingBody, parentOf } from './case-bodies.js';
import { extremeAsksChair } from './case-chairs-action.js';
import { CaseEffectsService } from './case-effects.service.js';
import type { RaiseCaseDto } from './cases.dto.js';
import { EscalationCase } from './escalation-case.entity.js';
import { WorkflowPublisher } from '../workflow.publisher.js';
import { insertNew } from '../common/insert-new.js';

/**
 * Why a command was not applied: the case's state refuses it. A conflict with the case's state:
 * HTTP answers 409 with the reason; the event consumer skips the event (it changes nothing).
 */
export class CaseRefusal extends ConflictError {}

/**
 * Opens, updates and moves escalation cases. Every change runs in one transaction with the
 * case row locked: the new state, its history entry, its deadlines and its events commit
 * together or not at all.
 */
@Injectable()
export class CasesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
    @Inject(CaseHistoryService) private readonly history: CaseHistoryService,
    @Inject(PolicyService) private readonly policies: PolicyService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SeatAccessService) private readonly seats: SeatAccessService,
    @Inject(NotificationPlannerService) private readonly notices: NotificationPlannerService,
    @Inject(CaseEffectsService) private readonly effects: CaseEffectsService,
  ) {}

  /** A trigger opens a case for its subject, or updates the subject's open case. */
  async onTrigger(
    manager: EntityManager,
    trigger: Trigger,
    cause: HistoryCause,
  ): Promise<EscalationCase> {
    // One open case per subject: serialise triggers of a subject before looking for its case.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `case:${trigger.subjectKey}`,
    ]);
    const open = await manager.findOne(EscalationCase, {
      where: { subjectKey: trigger.subjectKey, closedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (open) {
      open.evidence = { ...open.evidence, ...trigger.evidence };
      await this.apply(
        manager,
        open,
        { type: 'reopenTrigger', severity: trigger.severity },
        cause,
        {
          evidence: trigger.evidence,
        },
      );
      return open;
    }
    const body = await openingBody(manager, trigger);
    const policy = await this.policies.current(manager);
    const level = levelOfBodyKind(body.kind);
    const opened = openCase(level, trigger.severity);
    const escalation = manager.create(EscalationCase, {
      id: randomUUID(),
      subjectKey: trigger.subjectKey,
      kind: trigger.kind,
      title: fitCaseTitle(trigger.title),
      allianceId: body.allianceId,
      bodyId: body.id,
      bodyPath: [body.id],
      level,
      status: opened.state.status,
      severity: opened.state.severity,
      overdue: false,
      deferrals: 0,
      policyVersion: policy.version,
      evidence: trigger.evidence,
      headHash: '',
      historyLength: 0,
      closedAt: null,
    });
    // New: an insert, where `save` would first read to see whether the case exists.
    await insertNew(manager, EscalationCase, escalation);
    await this.effects.record(manager, escalation, null, opened.transition, cause, {
      evidence: trigger.evidence,
    });
    await this.effects.carryOut(manager, escalation, opened.transition, opened.effects, cause);
    await this.events.publish(manager, 'workflow.escalation-opened.v1', {
      ...this.effects.caseRef(escalation, cause),
      kind: escalation.kind,
      title: escalation.title,
      severity: escalation.severity,
      policyVersion: escalation.policyVersion,
      ...(await this.effects.deadlinesOf(manager, escalation)),
    });
    if (escalation.severity === 'extreme') {
      await this.askChairBecauseExtreme(manager, escalation, cause);
    }
    return escalation;
  }

  /** An issue raised by hand at a body, by someone who may act for it. */
  raise(
    issue: Pick<RaiseCaseDto, 'bodyId' | 'title' | 'reason' | 'evidenceUrl' | 'severity'>,
    principal: Principal,
  ): Promise<EscalationCase> {
    return this.dataSource.transaction((manager) =>
      this.onTrigger(
        manager,
        {
          subjectKey: `manual:${randomUUID()}`,
          bodyId: issue.bodyId,
          level: 'body',
          severity: issue.severity,
          title: issue.title,
          kind: 'manual',
          evidence: {
            reason: issue.reason,
            evidenceUrl: issue.evidenceUrl ?? null,
            raisedBy: principal.sub,
          },
        },
        { kind: 'user', ref: principal.sub },
      ),
    );
  }

  /** A note in a case's history; its state does not change. */
  addNote(caseId: string, text: string, principal: Principal): Promise<CaseHistory> {
    return this.dataSource.transaction(async (manager) => {
      const escalation = await this.lockCase(manager, caseId);
      const entry = await this.history.append(manager, escalation, {
        transition: 'note-added',
        fromStatus: escalation.status,
        toStatus: escalation.status,
        level: escalation.level,
        cause: { kind: 'user', ref: principal.sub },
        details: { text },
      });
      await manager.save(escalation);
      await this.events.audit(manager, {
        action: 'workflow.case-note-added',
        changes: { caseId, bodyId: escalation.bodyId, text, sequence: entry.sequence },
      });
      return entry;
    });
  }

  /** Runs commands against a case by id, one after the other, in one transaction. */
  async command(
    caseId: string,
    command: CaseCommand | readonly CaseCommand[],
    cause: HistoryCause,
    details: Record<string, unknown> = {},
  ) {
    return this.dataSource.transaction(async (manager) => {
      const escalation = await this.lockCase(manager, caseId);
      for (const each of Array.isArray(command) ? command : [command]) {
        await this.apply(manager, escalation, each as CaseCommand, cause, details);
      }
      return escalation;
    });
  }

  /** The chair or clinical lead of the holding body acknowledges (or an admin records it). */
  async acknowledge(caseId: string, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const escalation = await this.lockCase(manager, caseId);
      const admin = principal.roles.includes('admin');
      const holder = await this.seats.principalHoldsSeat(
        principal,
        { bodyId: escalation.bodyId, on: this.clock.today(), roles: ['chair', 'clinical-lead'] },
        manager,
      );
      if (!admin && !holder) {
        throw new RefusedError(
          "Only the holding body's chair or clinical lead acknowledges a case",
        );
      }
      await this.apply(
        manager,
        escalation,
        { type: 'acknowledge', actorRole: holder ? 'chair' : 'admin' },
        { kind: 'user', ref: principal.sub },
        { memberId: principal.memberId ?? null },
      );
      return escalation;
    });
  }

  /**
   * A deadline's timer fired. The row is the truth: a timer for a settled row, a level the
   * case has left, or a closed case is stale and does nothing. A missed deadline is the
   * lifecycle's to act on (up a level, or overdue at the top); a reminder is recorded.
   */
  async fireDeadline(job: {
    caseId: string;
    level: string;
    kind: string;
    jobId: string;
  }): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const escalation = await manager.findOne(EscalationCase, {
        where: { id: job.caseId },
        lock: { mode: 'pessimistic_write' },
      });
      const deadline = await manager.findOne(CaseDeadline, {
        where: { caseId: job.caseId, level: job.level, kind: job.kind },
        lock: { mode: 'pessimistic_write' },
      });
      if (
        !escalation ||
        !deadline ||
        deadline.settledAt ||
        escalation.closedAt ||
        escalation.level !== job.level
      ) {
        return 'stale';
      }
      if (deadline.dueAt.getTime() > this.clock.now().getTime() + 1000) {
        // Re-planned later since this job was added; its own job will come.
        return 'early';
      }
      Object.assign(deadline, { settledAt: this.clock.now(), outcome: 'fired' });
      await manager.save(deadline);
      const cause = { kind: 'timer' as const, ref: job.jobId };
      const [stage, fraction] = job.kind.split('@') as [DeadlineStage, string | undefined];
      if (fraction !== undefined) {
        await this.history.append(manager, escalation, {
          transition: 'reminder-due',
          fromStatus: escalation.status,
          toStatus: escalation.status,
          level: escalation.level,
          cause,
          details: { deadline: stage, fraction: Number(fraction), dueOn: deadline.dueOn },
        });
        await manager.save(escalation);
        const main = await manager.findOneBy(CaseDeadline, {
          caseId: job.caseId,
          level: job.level,
          kind: stage,
        });
        await this.notices.plan(manager, {
          escalation,
          audience: 'holding-body',
          bodyId: escalation.bodyId,
          reason: `Reminder: the case is to be ${PAST[stage]} by ${main?.dueOn ?? deadline.dueOn}`,
          sequence: escalation.historyLength,
          urgent: false,
        });
        return 'reminded';
      }
      try {
        await this.apply(manager, escalation, { type: 'deadlineMissed', which: stage }, cause, {
          reason: `The ${stage} deadline of ${deadline.dueOn} passed`,
          dueOn: deadline.dueOn,
        });
        return 'fired';
      } catch (error) {
        if (!(error instanceof CaseRefusal)) {
          throw error;
        }
        deadline.outcome = 'stale';
        await manager.save(deadline);
        return 'stale';
      }
    });
  }

  private async lockCase(manager: EntityManager, caseId: string): Promise<EscalationCase> {
    const escalation = await manager.findOne(EscalationCase, {
      where: { id: caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!escalation) {
      throw notFound('Case', caseId);
    }
    return escalation;
  }

  /** Applies a command to a locked case; throws CaseRefusal when its state refuses it. */
  async apply(
    manager: EntityManager,
    escalation: EscalationCase,
    command: CaseCommand,
    cause: HistoryCause,
    details: Record<string, unknown>,
  ): Promise<void> {
    const policy = await this.policies.version(escalation.policyVersion, manager);
    const before = stateOf(escalation);
    const result = transition(before, command, policy);
    if (!result.ok) {
      throw new CaseRefusal(result.reason);
    }
    const fromBodyId = escalation.bodyId;
    Object.assign(escalation, result.state);
    if (result.state.level !== before.level) {
      const parent = await parentOf(manager, fromBodyId);
      escalation.bodyId = parent.id;
      escalation.bodyPath = [...escalation.bodyPath, parent.id];
    }
    if (result.state.status === 'closed') {
      escalation.closedAt = this.clock.now();
    }
    await this.effects.record(manager, escalation, before.status, result.transition, cause, {
      ...details,
      ...(fromBodyId !== escalation.bodyId ? { fromBodyId } : {}),
    });
    await this.effects.carryOut(manager, escalation, result.transition, result.effects, cause, {
      fromBodyId,
      fromLevel: before.level,
      details,
    });
    // An extreme case asks each body it comes to for the chair's action at once, and so does
    // a case whose new evidence makes it extreme.
    const arrivedExtreme =
      result.state.severity === 'extreme' &&
      (result.transition === 'escalated' ||
        result.transition === 'reopened' ||
        (result.transition === 'trigger-updated' && before.severity !== 'extreme'));
    if (arrivedExtreme) {
      await this.askChairBecauseExtreme(manager, escalation, cause);
    }
  }

  /**
   * The platform's own rule asks the chair, so its history entry names the system, carrying what
   * set it off: each trigger and timer stays one entry of its own in the history.
   */
  private async askChairBecauseExtreme(
    manager: EntityManager,
    escalation: EscalationCase,
    cause: HistoryCause,
  ): Promise<void> {
    await this.apply(
      manager,
      escalation,
      await extremeAsksChair(manager, escalation),
      { kind: 'system', ref: `extreme-severity:${cause.kind}:${cause.ref}` },
      {},
    );
  }
}

const PAST: Record<DeadlineStage, string> = {
  acknowledge: 'acknowledged',
  table: 'tabled',
  resolve: 'resolved',
};

function stateOf(escalation: EscalationCase): CaseState {
  const { status, level, deferrals, overdue, severity } = escalation;
  return { status, level, deferrals, overdue, severity };
}
