import { Controller, Inject } from '@nestjs/common';
import type { EventOf, PlatformEventMap } from '#contracts';
import { eventHandlerDecorator, type EventContext } from '#messaging';
import { AgendaService } from './agenda.service.js';

const OnEvent = eventHandlerDecorator<PlatformEventMap>();

@Controller()
export class AgendaRequestConsumer {
  constructor(@Inject(AgendaService) private readonly agenda: AgendaService) {}

  /** Tables the request at the body's next eligible meeting, or says it could not. */
  @OnEvent('workflow.agenda-item-requested.v1')
  async onAgendaItemRequested(
    event: EventOf<PlatformEventMap, 'workflow.agenda-item-requested.v1'>,
    context: EventContext,
  ): Promise<void> {
    await this.agenda.receiveRequest(context.manager, event);
  }
}
