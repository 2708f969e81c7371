import { Controller } from '@nestjs/common';
import type { EventOf, PlatformEventMap } from '#contracts';
import { eventHandlerDecorator, type EventContext } from '#messaging';
import { AllianceNation } from './alliance-nation.entity.js';

const OnEvent = eventHandlerDecorator<PlatformEventMap>();
type AllianceEvent =
  | EventOf<PlatformEventMap, 'membership.alliance-registered.v1'>
  | EventOf<PlatformEventMap, 'membership.alliance-updated.v1'>;

/** Keeps each alliance's nation, in the event's transaction, so a replay gives the same rows. */
@Controller()
export class AllianceNationConsumer {
  @OnEvent('membership.alliance-registered.v1')
  registered(event: AllianceEvent, context: EventContext) {
    return this.save(event, context);
  }

  @OnEvent('membership.alliance-updated.v1')
  updated(event: AllianceEvent, context: EventContext) {
    return this.save(event, context);
  }

  private async save(event: AllianceEvent, context: EventContext): Promise<void> {
    const { allianceId, nation } = event.data;
    await context.manager.upsert(AllianceNation, { allianceId, nation }, ['allianceId']);
  }
}
