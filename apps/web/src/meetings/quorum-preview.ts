import {
  APPOINTMENT_ROLES,
  computeQuorum,
  isClinician,
  type AppointmentRole,
  type QuorumResult,
  type QuorumRule,
} from '#contracts';

export type { QuorumResult, QuorumRule };

/** Someone seated on the body on the meeting's day (a role-holder). */
export interface SeatedHolder {
  /** One of membership's APPOINTMENT_ROLES, as the API sends it. */
  role: string;
  member: { memberId: string; profession?: string };
}

const isAppointmentRole = (role: string): role is AppointmentRole =>
  (APPOINTMENT_ROLES as readonly string[]).includes(role);

/**
 * Whether the attendance recorded so far makes the meeting quorate under the body's rule: the
 * meetings service's own rule (#contracts), which it applies when the meeting is held, applied
 * here as attendance is recorded so the secretariat sees before holding whether it will be.
 */
export function previewQuorum(
  rule: QuorumRule,
  holders: readonly SeatedHolder[],
  attendance: ReadonlyMap<string, string>,
): QuorumResult {
  const seats = holders.flatMap((holder) =>
    isAppointmentRole(holder.role)
      ? [
          {
            memberId: holder.member.memberId,
            role: holder.role,
            clinician: isClinician(holder.member.profession ?? ''),
          },
        ]
      : [],
  );
  return computeQuorum(rule, seats, attendance, 'is');
}
