import { messagingEntities, messagingMigrations } from '#messaging';
import type { ConstraintMessages } from '#platform';
import { Alliance } from './alliances/alliance.entity.js';
import { Appointment } from './appointments/appointment.entity.js';
import { Body } from './bodies/body.entity.js';
import { MemberIdentity } from './identities/member-identity.entity.js';
import { Member } from './members/member.entity.js';
import { MemberIdentities1796400000000 } from './migrations/1796400000000-member-identities.js';
import { MembershipSchema1795241169594 } from './migrations/1795241169594-membership-schema.js';
import { Organisation } from './organisations/organisation.entity.js';
import { Specialty } from './specialties/specialty.entity.js';

/** The membership schema: its entities and the migrations that build it, in order. */
export const membershipEntities = [
  ...messagingEntities,
  Alliance,
  Organisation,
  Specialty,
  Body,
  Member,
  MemberIdentity,
  Appointment,
];

export const membershipMigrations = [
  ...messagingMigrations,
  MembershipSchema1795241169594,
  MemberIdentities1796400000000,
];

/** What an admin is told when a write breaks one of the schema's rules. */
export const membershipConstraintMessages: ConstraintMessages = {
  appointment_single_holder_excl:
    'The body already has a holder of this role for that period: a body has one chair and one clinical lead at a time',
  body_one_cag_or_board_per_alliance_key:
    'The alliance already has a body of this kind: one Clinical Advisory Group and one Board per alliance',
  body_alliance_name_key: 'The alliance already has a body with this name',
  member_email_key: 'A member with this e-mail address is already registered',
};
