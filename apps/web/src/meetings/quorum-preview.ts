/** The quorum rule of a body's terms of reference, as membership's GET /bodies/:id gives it. */
export interface QuorumRule {
  chairOrDeputy: boolean;
  minimumFraction: number;
  requireClinician: boolean;
}

/** A quorum as the meetings service records it when the meeting is held. */
export interface QuorumResult {
  quorate: boolean;
  votingMembers: number;
  present: number;
  required: number;
  chairOrDeputyPresent: boolean;
  clinicianPresent: boolean;
  shortfalls: string[];
}

/** Someone seated on the body on the meeting's day (a role-holder). */
export interface SeatedHolder {
  /** One of membership's APPOINTMENT_ROLES, as the API sends it. */
  role: string;
  member: { memberId: string; profession?: string };
}

// The meetings service's rules (apps/meetings/src/attendance/quorum.ts), which it applies when
// the meeting is held; the page applies them as attendance is recorded, so the secretariat sees
// before holding whether the meeting will be quorate. Secretariat and observers do not count.
const VOTING_ROLES = new Set<string>([
  'chair',
  'deputy-chair',
  'clinical-lead',
  'member',
  'patient-representative',
]);
// Membership's registered clinicians (apps/membership/src/members/professional-registration.ts).
const CLINICAL_PROFESSIONS = new Set<string>([
  'doctor',
  'nurse',
  'allied-health-professional',
  'pharmacist',
  'healthcare-scientist',
]);

/** Whether the attendance recorded so far makes the meeting quorate under the body's rule. */
export function previewQuorum(
  rule: QuorumRule,
  holders: readonly SeatedHolder[],
  attendance: ReadonlyMap<string, string>,
): QuorumResult {
  const voters = new Map<string, { chairOrDeputy: boolean; clinician: boolean }>();
  for (const holder of holders.filter((h) => VOTING_ROLES.has(h.role))) {
    const voter = voters.get(holder.member.memberId) ?? {
      chairOrDeputy: false,
      clinician: CLINICAL_PROFESSIONS.has(holder.member.profession ?? ''),
    };
    voter.chairOrDeputy ||= holder.role === 'chair' || holder.role === 'deputy-chair';
    voters.set(holder.member.memberId, voter);
  }
  const present = [...voters].filter(([memberId]) => attendance.get(memberId) === 'present');
  const required = Math.max(1, Math.ceil(rule.minimumFraction * voters.size - 1e-9));
  const chairOrDeputyPresent = present.some(([, voter]) => voter.chairOrDeputy);
  const clinicianPresent = present.some(([, voter]) => voter.clinician);
  const shortfalls: string[] = [];
  if (present.length < required) {
    shortfalls.push(
      `${present.length} of ${voters.size} voting members present; ${required} needed`,
    );
  }
  if (rule.chairOrDeputy && !chairOrDeputyPresent) {
    shortfalls.push('neither the chair nor a deputy chair is present');
  }
  if (rule.requireClinician && !clinicianPresent) {
    shortfalls.push('no registered clinician is present');
  }
  return {
    quorate: shortfalls.length === 0,
    votingMembers: voters.size,
    present: present.length,
    required,
    chairOrDeputyPresent,
    clinicianPresent,
    shortfalls,
  };
}
