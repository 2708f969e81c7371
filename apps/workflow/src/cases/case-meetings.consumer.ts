import { Controller, Inject } from '@nestjs/common';
import type { EventOf, EventTypeOf, PlatformEventMap } from '#contracts';
import { eventHandlerDecorator, type EventContext } from '#messaging';
import { commandForDecision, type CaseCommand } from './case-commands.js';
import { askChairsAction } from './case-chairs-action.js';
import { CasesService } from './cases.service.js';
import { EscalationCase } from './escalation-case.entity.js';

const OnEvent = eventHandlerDecorator<PlatformEventMap>();
type Envelope<T extends EventTypeOf<PlatformEventMap>> = EventOf<PlatformEventMap, T>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the meetings service says of a case's agenda item, matched by the case id it carries as
 * its external reference: placed on a meeting (tabled; when that meeting is after the tabling
 * deadline the chair is also asked for a chair's action), not placed (no meeting scheduled: the
 * chair is asked for an extraordinary meeting or chair's action), the decision recorded on it
 * with who recorded it in what capacity, and chair's actions and their ratification. A command the case's state refuses (CaseRefusal, a conflict)
 * changes nothing: the consumer skips the event.
 */
@Controller()
export class CaseMeetingsConsumer {
  constructor(@Inject(CasesService) private readonly cases: CasesService) {}

  @OnEvent('meetings.agenda-item-added.v1')
  async agendaItemAdded(event: Envelope<'meetings.agenda-item-added.v1'>, context: EventContext) {
    const { externalReference, meetingId, agendaItemId, bodyId, type, late } = event.data;
    if (type === 'ratification') {
      return; // the ratification of a chair's action, already applied to the case
    }
    const tabled = await this.onCase(
      context,
      event.id,
      externalReference,
      bodyId,
      { type: 'table' },
      { meetingId, agendaItemId },
    );
    // On the body's next regular meeting, but after the tabling deadline: the item stays there
    // and the chair is asked to act before it.
    if (tabled && late) {
      await this.onCase(
        context,
        event.id,
        externalReference,
        bodyId,
        (escalation) => askChairsAction(context.manager, escalation, late.reason),
        { meetingId, agendaItemId, tableBy: late.tableBy },
      );
    }
  }

  @OnEvent('meetings.agenda-request-unplaced.v1')
  async agendaRequestUnplaced(
    event: Envelope<'meetings.agenda-request-unplaced.v1'>,
    context: EventContext,
  ) {
    const { externalReference, bodyId, reason, nextMeetingStartsAt } = event.data;
    await this.onCase(
      context,
      event.id,
      externalReference,
      bodyId,
      { type: 'deadlineMissed', which: 'table' },
      {
        reason,
        nextMeetingStartsAt,
      },
    );
  }

  @OnEvent('meetings.decision-recorded.v1')
  async decisionRecorded(event: Envelope<'meetings.decision-recorded.v1'>, context: EventContext) {
    const { externalReference, bodyId, outcome, rationale, meetingId, decisionId, recordedBy } =
      event.data;
    const command = commandForDecision(outcome);
    if (!command) {
      return;
    }
    // Who decided, and as what: null only on decisions announced before the event named them.
    const details = { meetingId, decisionId, outcome, reason: rationale, recordedBy };
    const applied = await this.onCase(
      context,
      event.id,
      externalReference,
      bodyId,
      command,
      details,
    );
    // A body's decision that the issue is resolved is final: the case closes with it.
    if (applied && command.type === 'decide' && command.outcome === 'resolved') {
      await this.onCase(context, event.id, externalReference, bodyId, { type: 'close' }, details);
    }
  }

  /**
   * A chair's action on a case between meetings: a decision like a meeting's, which the next
   * meeting ratifies. A resolution stays open for that ratification rather than closing.
   */
  @OnEvent('meetings.chairs-action-recorded.v1')
  async chairsActionRecorded(
    event: Envelope<'meetings.chairs-action-recorded.v1'>,
    context: EventContext,
  ) {
    const { externalReference, bodyId, outcome, rationale, chairsActionId, recordedBy } =
      event.data;
    const command = commandForDecision(outcome, true);
    if (!command) {
      return;
    }
    await this.onCase(context, event.id, externalReference, bodyId, command, {
      chairsActionId,
      outcome,
      reason: rationale,
      recordedBy,
      ratificationMeetingId: event.data.ratificationMeetingId,
    });
  }

  /** The next meeting ratified the chair's action (a resolved case then closes), or did not. */
  @OnEvent('meetings.chairs-action-ratified.v1')
  async chairsActionRatified(
    event: Envelope<'meetings.chairs-action-ratified.v1'>,
    context: EventContext,
  ) {
    const { externalReference, bodyId, ratified, chairsActionId, meetingId, decisionId } =
      event.data;
    const details = { chairsActionId, meetingId, decisionId, ratified };
    const applied = await this.onCase(
      context,
      event.id,
      externalReference,
      bodyId,
      { type: 'ratify', ratified },
      details,
    );
    if (applied && ratified) {
      await this.onCase(
        context,
        event.id,
        externalReference,
        bodyId,
        (escalation) =>
          Promise.resolve<CaseCommand | null>(
            escalation.status === 'resolved' ? { type: 'close' } : null,
          ),
        { ...details, reason: "The chair's action resolving the case was ratified" },
      );
    }
  }

  /**
   * Applies a command to the case an item refers to, if it is a case still held by that body;
   * false when it is not. The command may be worked out from the locked case (null: nothing to
   * do). Throws CaseRefusal when the case's state refuses the command.
   */
  private async onCase(
    context: EventContext,
    eventId: string,
    reference: string | null,
    bodyId: string,
    command: CaseCommand | ((escalation: EscalationCase) => Promise<CaseCommand | null>),
    details: Record<string, unknown>,
  ): Promise<boolean> {
    if (!reference || !UUID.test(reference)) {
      return false;
    }
    const escalation = await context.manager.findOne(EscalationCase, {
      where: { id: reference },
      lock: { mode: 'pessimistic_write' },
    });
    // An item tabled or decided at a body the case has since left says nothing of it now.
    if (!escalation || escalation.bodyId !== bodyId) {
      return false;
    }
    const applying = typeof command === 'function' ? await command(escalation) : command;
    if (!applying) {
      return false;
    }
    await this.cases.apply(
      context.manager,
      escalation,
      applying,
      { kind: 'event', ref: eventId },
      details,
    );
    return true;
  }
}
