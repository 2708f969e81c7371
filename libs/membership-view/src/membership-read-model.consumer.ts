import { Controller } from '@nestjs/common';
import type { EventOf, EventTypeOf, PlatformEventMap } from '#contracts';
import { eventHandlerDecorator, type EventContext } from '#messaging';
import { BodyTerms } from './body-terms.entity.js';
import { BodyView } from './body-view.entity.js';
import { IdentityLink } from './identity-link.entity.js';
import { MemberView } from './member-view.entity.js';
import { Seat } from './seat.entity.js';

const OnEvent = eventHandlerDecorator<PlatformEventMap>();
type MembershipEvent<T extends EventTypeOf<PlatformEventMap>> = EventOf<PlatformEventMap, T>;

/**
 * Keeps the meetings service's own copy of bodies, their terms of reference, members and
 * seats from membership events. Each handler writes through the event's transaction, which
 * also records the event as handled: replaying the topic rebuilds the same state.
 */
@Controller()
export class MembershipReadModelConsumer {
  @OnEvent('membership.body-created.v1')
  async onBodyCreated(
    event: MembershipEvent<'membership.body-created.v1'>,
    context: EventContext,
  ): Promise<void> {
    await this.saveBody(event, context);
  }

  @OnEvent('membership.body-updated.v1')
  async onBodyUpdated(
    event: MembershipEvent<'membership.body-updated.v1'>,
    context: EventContext,
  ): Promise<void> {
    await this.saveBody(event, context);
  }

  @OnEvent('membership.member-registered.v1')
  async onMemberRegistered(
    event: MembershipEvent<'membership.member-registered.v1'>,
    context: EventContext,
  ): Promise<void> {
    await this.saveMember(event, context);
  }

  @OnEvent('membership.member-updated.v1')
  async onMemberUpdated(
    event: MembershipEvent<'membership.member-updated.v1'>,
    context: EventContext,
  ): Promise<void> {
    await this.saveMember(event, context);
  }

  @OnEvent('membership.member-identity-linked.v1')
  async onIdentityLinked(
    event: MembershipEvent<'membership.member-identity-linked.v1'>,
    context: EventContext,
  ): Promise<void> {
    const { issuer, subject, memberId } = event.data;
    await context.manager.upsert(IdentityLink, { issuer, subject, memberId }, [
      'issuer',
      'subject',
    ]);
  }

  @OnEvent('membership.member-identity-unlinked.v1')
  async onIdentityUnlinked(
    event: MembershipEvent<'membership.member-identity-unlinked.v1'>,
    context: EventContext,
  ): Promise<void> {
    const { issuer, subject, memberId } = event.data;
    await context.manager.delete(IdentityLink, { issuer, subject, memberId });
  }

  @OnEvent('membership.member-appointed.v1')
  async onMemberAppointed(
    event: MembershipEvent<'membership.member-appointed.v1'>,
    context: EventContext,
  ): Promise<void> {
    const { appointmentId, bodyId, memberId, role, termStart, termEnd } = event.data;
    await context.manager.upsert(
      Seat,
      { appointmentId, bodyId, memberId, role, termStart, termEnd, endedOn: null },
      ['appointmentId'],
    );
  }

  @OnEvent('membership.appointment-ended.v1')
  async onAppointmentEnded(
    event: MembershipEvent<'membership.appointment-ended.v1'>,
    context: EventContext,
  ): Promise<void> {
    await context.manager.update(
      Seat,
      { appointmentId: event.data.appointmentId },
      { endedOn: event.data.endedOn },
    );
  }

  private async saveBody(
    event:
      MembershipEvent<'membership.body-created.v1'> | MembershipEvent<'membership.body-updated.v1'>,
    context: EventContext,
  ): Promise<void> {
    const { bodyId, allianceId, kind, name, parentBodyId, termsOfReference } = event.data;
    await context.manager.upsert(BodyView, { id: bodyId, allianceId, kind, name, parentBodyId }, [
      'id',
    ]);
    // The terms in force from the moment membership recorded the change.
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(BodyTerms)
      .values({ bodyId, effectiveFrom: new Date(event.time), terms: termsOfReference })
      .orIgnore()
      .execute();
  }

  private async saveMember(
    event:
      | MembershipEvent<'membership.member-registered.v1'>
      | MembershipEvent<'membership.member-updated.v1'>,
    context: EventContext,
  ): Promise<void> {
    const { memberId, name, email, clinician } = event.data;
    await context.manager.upsert(MemberView, { id: memberId, name, email, clinician }, ['id']);
  }
}
