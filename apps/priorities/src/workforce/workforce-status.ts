import type { WORKFORCE_STATUSES } from '#contracts';

export type WorkforceStatus = (typeof WORKFORCE_STATUSES)[number];

/** How a workforce recommendation moves: proposed, endorsed (or rejected), funded, implemented. */
const NEXT: Record<WorkforceStatus, readonly WorkforceStatus[]> = {
  proposed: ['endorsed', 'rejected'],
  endorsed: ['funded', 'rejected'],
  funded: ['implemented'],
  rejected: [],
  implemented: [],
};

export function workforceTransitionProblem(
  from: WorkforceStatus,
  to: WorkforceStatus,
): string | undefined {
  if (NEXT[from].includes(to)) {
    return undefined;
  }
  const allowed = NEXT[from];
  const subject = `${/^[aeiou]/.test(from) ? 'An' : 'A'} ${from} recommendation`;
  return allowed.length === 0
    ? `${subject} is final`
    : `${subject} can become ${allowed.join(' or ')}, not ${to}`;
}
