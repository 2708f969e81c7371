import type { PayloadOf, PlatformEventMap } from '#contracts';
import type { Body } from './body.entity.js';

/** The whole state of a body, as body-created and body-updated carry it. */
export function bodyState(body: Body): PayloadOf<PlatformEventMap, 'membership.body-created.v1'> {
  return {
    bodyId: body.id,
    allianceId: body.allianceId,
    kind: body.kind,
    name: body.name,
    specialty: body.specialtyCode,
    parentBodyId: body.parentBodyId,
    meetingCadence: body.meetingCadence,
    termsOfReference: body.termsOfReference,
    guidance: body.guidance,
  };
}
