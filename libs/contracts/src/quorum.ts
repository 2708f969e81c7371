import type { PayloadOf } from './event-registry.js';
import type { APPOINTMENT_ROLES, PROFESSIONS } from './membership.events.js';
import type { PlatformEventMap } from './platform-events.js';

export type QuorumResult = PayloadOf<PlatformEventMap, 'meetings.meeting-held.v1'>['quorum'];
export type AppointmentRole = (typeof APPOINTMENT_ROLES)[number];
type Role = AppointmentRole;

export interface QuorumRule {
  /** The chair or a deputy chair must be present. */
  chairOrDeputy: boolean;
  /** Fraction of voting members that must be present. */
  minimumFraction: number;
  /** At least one registered clinician among those present. */
  requireClinician: boolean;
  /** A nominated deputy attending for a voting member counts for them (default true). */
  deputiesCount?: boolean;
}

/** A nominated deputy attending in a voting member's place. */
export interface Deputy {
  /** The voting member they attend for. */
  forMemberId: string;
  clinician: boolean;
}

/** A member holding a role on the body on the day of the meeting. */
export interface Seat {
  memberId: string;
  role: Role;
  clinician: boolean;
}

/** Secretariat and observers attend but do not count towards quorum. */
export const VOTING_ROLES: readonly Role[] = [
  'chair',
  'deputy-chair',
  'clinical-lead',
  'member',
  'patient-representative',
];

/** Professions whose members are registered clinicians and count towards a clinical quorum. */
export const CLINICAL_PROFESSIONS: readonly (typeof PROFESSIONS)[number][] = [
  'doctor',
  'nurse',
  'allied-health-professional',
  'pharmacist',
  'healthcare-scientist',
];

export function isClinician(profession: string): boolean {
  return (CLINICAL_PROFESSIONS as readonly string[]).includes(profession);
}

/**
 * Whether a meeting was quorate under the body's terms of reference as they stood on the
 * day: enough voting members present (a member with two roles counts once), the chair or a
 * deputy chair among them when required, and a clinician when required. Where the terms let
 * deputies count, a voting member not present whose nominated deputy attended counts as
 * present, and the deputy's own registration counts towards a clinical quorum; a nominated
 * deputy never stands in for the chair's presence, which a deputy chair's seat provides. The
 * meetings service judges a held meeting with it (`was`); the meeting page previews attendance
 * as it is recorded (`is`).
 */
export function computeQuorum(
  rule: QuorumRule,
  seats: readonly Seat[],
  /** Each member's attendance status; only `present` counts. */
  attendance: ReadonlyMap<string, string>,
  tense: 'was' | 'is' = 'was',
  deputies: readonly Deputy[] = [],
): QuorumResult {
  const voters = new Map<string, { roles: Set<Role>; clinician: boolean }>();
  for (const seat of seats.filter((s) => VOTING_ROLES.includes(s.role))) {
    const voter = voters.get(seat.memberId) ?? {
      roles: new Set<Role>(),
      clinician: seat.clinician,
    };
    voter.roles.add(seat.role);
    voters.set(seat.memberId, voter);
  }
  const deputyFor = new Map(
    rule.deputiesCount === false ? [] : deputies.map((deputy) => [deputy.forMemberId, deputy]),
  );
  const inPerson = (memberId: string) => attendance.get(memberId) === 'present';
  const represented = [...voters].filter(
    ([memberId]) => !inPerson(memberId) && deputyFor.has(memberId),
  );
  const present = [...[...voters].filter(([memberId]) => inPerson(memberId)), ...represented];
  const required = Math.max(1, Math.ceil(rule.minimumFraction * voters.size - 1e-9));
  const chairOrDeputyPresent = present.some(
    ([memberId, v]) => inPerson(memberId) && (v.roles.has('chair') || v.roles.has('deputy-chair')),
  );
  const clinicianPresent =
    present.some(([memberId, v]) => inPerson(memberId) && v.clinician) ||
    represented.some(([memberId]) => deputyFor.get(memberId)?.clinician === true);
  const shortfalls: string[] = [];
  if (present.length < required) {
    shortfalls.push(
      `${present.length} of ${voters.size} voting members present; ${required} needed`,
    );
  }
  if (rule.chairOrDeputy && !chairOrDeputyPresent) {
    shortfalls.push(`neither the chair nor a deputy chair ${tense} present`);
  }
  if (rule.requireClinician && !clinicianPresent) {
    shortfalls.push(`no registered clinician ${tense} present`);
  }
  return {
    quorate: shortfalls.length === 0,
    votingMembers: voters.size,
    present: present.length,
    required,
    chairOrDeputyPresent,
    clinicianPresent,
    shortfalls,
    deputising: represented.length,
  };
}
