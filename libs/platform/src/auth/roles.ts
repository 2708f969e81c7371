/** Who may call what: admins work the APIs, clinicians act on cases, services integrate. */
export const ROLES = ['admin', 'clinician', 'service'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
