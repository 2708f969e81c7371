import { Controller, Inject } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { EventOf, EventTypeOf, PlatformEventMap } from '#contracts';
import { eventHandlerDecorator, type EventContext } from '#messaging';
import { PolicyService } from '../policy/policy.service.js';
import { triggerFromEvent, type TriggerEvent } from '../policy/triggers.js';
import { CasesService } from './cases.service.js';
import { EscalationCase } from './escalation-case.entity.js';

const OnEvent = eventHandlerDecorator<PlatformEventMap>();
type Envelope<T extends EventTypeOf<PlatformEventMap>> = EventOf<PlatformEventMap, T>;

/**
 * Opens or updates cases from the other services' events, each by the policy's trigger rules,
 * and offers a case for closure when its standard recovers or revised figures withdraw its breach. Each handler runs in the event's
 * transaction, which also records the event as handled: redelivery changes nothing. A command
 * the case's state refuses (CaseRefusal, a conflict) is not a bad event: the consumer skips it.
 */
@Controller()
export class CaseTriggersConsumer {
  constructor(
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(PolicyService) private readonly policies: PolicyService,
  ) {}

  @OnEvent('performance.standard-breached.v1')
  standardBreached(event: Envelope<'performance.standard-breached.v1'>, context: EventContext) {
    return this.trigger(event, context);
  }

  @OnEvent('priorities.rag-changed.v1')
  ragChanged(event: Envelope<'priorities.rag-changed.v1'>, context: EventContext) {
    return this.trigger(event, context);
  }

  @OnEvent('priorities.milestone-missed.v1')
  milestoneMissed(event: Envelope<'priorities.milestone-missed.v1'>, context: EventContext) {
    return this.trigger(event, context);
  }

  @OnEvent('priorities.service-gap-raised.v1')
  gapRaised(event: Envelope<'priorities.service-gap-raised.v1'>, context: EventContext) {
    return this.trigger(event, context);
  }

  @OnEvent('priorities.risk-rescored.v1')
  riskRescored(event: Envelope<'priorities.risk-rescored.v1'>, context: EventContext) {
    return this.trigger(event, context);
  }

  @OnEvent('priorities.workforce-recommendation-raised.v1')
  workforceRaised(
    event: Envelope<'priorities.workforce-recommendation-raised.v1'>,
    context: EventContext,
  ) {
    return this.trigger(event, context);
  }

  @OnEvent('priorities.quality-serious-concern-raised.v1')
  qualitySeriousConcern(
    event: Envelope<'priorities.quality-serious-concern-raised.v1'>,
    context: EventContext,
  ) {
    return this.trigger(event, context);
  }

  @OnEvent('meetings.quorum-not-met.v1')
  quorumNotMet(event: Envelope<'meetings.quorum-not-met.v1'>, context: EventContext) {
    return this.trigger(event, context);
  }

  @OnEvent('performance.standard-recovered.v1')
  async standardRecovered(
    event: Envelope<'performance.standard-recovered.v1'>,
    context: EventContext,
  ) {
    const open = await this.openBreachCase(event.subject, context);
    if (!open) {
      return;
    }
    await this.cases.apply(
      context.manager,
      open,
      { type: 'recover' },
      { kind: 'event', ref: event.id },
      { period: event.data.period, value: event.data.value, target: event.data.target },
    );
  }

  /** Revised figures lifted the breach: recorded on the case, which is offered for closure. */
  @OnEvent('performance.standard-breach-withdrawn.v1')
  async breachWithdrawn(
    event: Envelope<'performance.standard-breach-withdrawn.v1'>,
    context: EventContext,
  ) {
    const open = await this.openBreachCase(event.subject, context);
    if (!open) {
      return;
    }
    await this.cases.apply(
      context.manager,
      open,
      { type: 'withdrawBreach' },
      { kind: 'event', ref: event.id },
      {
        period: event.data.period,
        dataStatus: event.data.dataStatus,
        importId: event.data.importId,
        months: event.data.months,
      },
    );
  }

  /** The open case a breach opened for the subject (see triggers.ts), locked; null when none. */
  private openBreachCase(subject: string, context: EventContext) {
    return context.manager.findOne(EscalationCase, {
      where: { subjectKey: `standard:${subject}`, closedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async trigger(event: TriggerEvent, context: EventContext): Promise<void> {
    const policy = await this.policies.current(context.manager);
    const trigger = triggerFromEvent(policy, event);
    if (!trigger) {
      return;
    }
    await this.cases.onTrigger(context.manager, trigger, { kind: 'event', ref: event.id });
  }
}
