import type { PayloadOf, PlatformEventMap } from '#contracts';
import type { Body } from '../bodies/body.entity.js';
import type { Member } from '../members/member.entity.js';
import { isClinician } from '../members/professional-registration.js';

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

/** The whole state of a member, as member-registered and member-updated carry it. */
export function memberState(
  member: Member,
): PayloadOf<PlatformEventMap, 'membership.member-registered.v1'> {
  return {
    memberId: member.id,
    name: member.name,
    email: member.email,
    organisationOdsCode: member.organisationOdsCode,
    profession: member.profession,
    clinician: isClinician(member.profession),
    registration:
      member.registrationRegister && member.registrationNumber
        ? { register: member.registrationRegister, number: member.registrationNumber }
        : null,
  };
}
