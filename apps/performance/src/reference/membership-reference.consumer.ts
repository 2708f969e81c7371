import { Controller } from '@nestjs/common';
import {
  organisationCodeSystem,
  type EventOf,
  type EventTypeOf,
  type PlatformEventMap,
} from '#contracts';
import { eventHandlerDecorator, type EventContext } from '#messaging';
import { schemaOf } from '#platform';
import { AllianceRef } from './alliance-ref.entity.js';
import { linkBoard, relinkBoards } from './health-board-links.js';
import { SiteBody } from './site-body.entity.js';

const OnEvent = eventHandlerDecorator<PlatformEventMap>();
type MembershipEvent<T extends EventTypeOf<PlatformEventMap>> = EventOf<PlatformEventMap, T>;
type AllianceEvent =
  | MembershipEvent<'membership.alliance-registered.v1'>
  | MembershipEvent<'membership.alliance-updated.v1'>;
type OrganisationEvent =
  | MembershipEvent<'membership.organisation-registered.v1'>
  | MembershipEvent<'membership.organisation-updated.v1'>;
type BodyEvent =
  MembershipEvent<'membership.body-created.v1'> | MembershipEvent<'membership.body-updated.v1'>;

/**
 * Keeps what performance needs from membership: alliances (code and nation), which alliance
 * each provider counts towards, and each alliance's network group per tumour site. Writes go
 * through the event's transaction, so a replay rebuilds the same state.
 */
@Controller()
export class MembershipReferenceConsumer {
  @OnEvent('membership.alliance-registered.v1')
  onAllianceRegistered(event: AllianceEvent, context: EventContext): Promise<void> {
    return this.saveAlliance(event, context);
  }

  @OnEvent('membership.alliance-updated.v1')
  onAllianceUpdated(event: AllianceEvent, context: EventContext): Promise<void> {
    return this.saveAlliance(event, context);
  }

  @OnEvent('membership.organisation-registered.v1')
  onOrganisationRegistered(event: OrganisationEvent, context: EventContext): Promise<void> {
    return this.saveProvider(event, context);
  }

  @OnEvent('membership.organisation-updated.v1')
  onOrganisationUpdated(event: OrganisationEvent, context: EventContext): Promise<void> {
    return this.saveProvider(event, context);
  }

  @OnEvent('membership.body-created.v1')
  onBodyCreated(event: BodyEvent, context: EventContext): Promise<void> {
    return this.saveBody(event, context);
  }

  @OnEvent('membership.body-updated.v1')
  onBodyUpdated(event: BodyEvent, context: EventContext): Promise<void> {
    return this.saveBody(event, context);
  }

  private async saveAlliance(event: AllianceEvent, context: EventContext): Promise<void> {
    const { allianceId, code, name, nation } = event.data;
    await context.manager.upsert(AllianceRef, { id: allianceId, code, name, nation }, ['id']);
    // Boards imported before their network was announced (or renamed) count towards it now.
    await relinkBoards(
      (sql, parameters) => context.manager.query(sql, parameters),
      schemaOf(context.manager.connection),
    );
  }

  private async saveProvider(event: OrganisationEvent, context: EventContext): Promise<void> {
    const { odsCode, name, allianceId } = event.data;
    const code = odsCode.toUpperCase();
    const schema = schemaOf(context.manager.connection);
    const query = (sql: string, parameters?: unknown[]) => context.manager.query(sql, parameters);
    if ((event.data.codeSystem ?? organisationCodeSystem(code)) === 'ons') {
      // A Scottish health board: a board of the health_board table, under its network's code.
      // An admin's mapping there (or the preloaded one) stands: membership adds, never moves.
      await query(
        `INSERT INTO "${schema}".health_board (board_code, name, network_code)
         SELECT $1, $2, (SELECT code FROM "${schema}".alliance_ref WHERE id = $3)
         ON CONFLICT (board_code) DO UPDATE SET name = COALESCE(health_board.name, EXCLUDED.name)`,
        [code, name, allianceId],
      );
      await linkBoard(query, schema, code);
      return;
    }
    // An admin's mapping is a deliberate override: membership's later word does not undo it.
    await query(
      `INSERT INTO "${schema}".provider (ods_code, name, alliance_id, source)
       VALUES ($1, $2, $3, 'membership')
       ON CONFLICT (ods_code) DO UPDATE SET name = EXCLUDED.name, alliance_id = EXCLUDED.alliance_id, updated_at = now()
       WHERE provider.source = 'membership'`,
      [code, name, allianceId],
    );
  }

  private async saveBody(event: BodyEvent, context: EventContext): Promise<void> {
    const { bodyId, allianceId, kind, specialty, name } = event.data;
    await context.manager.upsert(SiteBody, { bodyId, allianceId, kind, specialty, name }, [
      'bodyId',
    ]);
  }
}
