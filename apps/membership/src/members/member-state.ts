import { isClinician, type PayloadOf, type PlatformEventMap } from '#contracts';
import type { Member } from './member.entity.js';

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
