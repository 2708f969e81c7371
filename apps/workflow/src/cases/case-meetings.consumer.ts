import { Controller, Inject } from '@nestjs/common';
import type { EventOf, EventTypeOf, PlatformEventMap } from '#contracts';
import { eventHandlerDecorator, type EventContext } from '#messaging';
import { commandForDecision, type CaseCommand } from './case-commands.js';
import { CasesService } from './cases.service.js';
import { EscalationCase } from './escalation-case.entity.js';

const OnEvent = eventHandlerDecorator<PlatformEventMap>();
type Envelope<T extends EventTypeOf<PlatformEventMap>> = EventOf<PlatformEventMap, T>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the meetings service says of a case's agenda item, matched by the case id it carries as
 * its external reference: placed on a meeting (tabled), not placed in time (the chair is asked
 * for an extraordinary meeting or chair's action), and the decision recorded on it, with who
 * recorded it in what capacity. A command the case's state refuses (CaseRefusal, a conflict)
 * changes nothing: the consumer skips the event.
 */
@Controller()
export class CaseMeetingsConsumer {
  constructor(@Inject(CasesService) private readonly cases: CasesService) {}

  @OnEvent('meetings.agenda-item-added.v1')
  async agendaItemAdded(event: Envelope<'meetings.agenda-item-added.v1'>, context: EventContext) {
    const { externalReference, meetingId, agendaItemId, bodyId } = event.data;
    await this.onCase(
      context,
      event.id,
      externalReference,
      bodyId,
      { type: 'table' },
      { meetingId, agendaItemId },
    );
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
   * Applies a command to the case an item refers to, if it is a case still held by that body;
   * false when it is not. Throws CaseRefusal when the case's state refuses the command.
   */
  private async onCase(
    context: EventContext,
    eventId: string,
    reference: string | null,
    bodyId: string,
    command: CaseCommand,
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
    await this.cases.apply(
      context.manager,
      escalation,
      command,
      { kind: 'event', ref: eventId },
      details,
    );
    return true;
  }
}
