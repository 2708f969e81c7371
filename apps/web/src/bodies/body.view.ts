import { SINGLE_HOLDER_ROLES } from '#contracts';
import { levelName, longDate, statusTag } from '../cases/case-labels.js';

/** A body as membership's GET /bodies/:id answers it (the fields the page uses). */
export interface BodyResponse {
  id: string;
  name: string;
  kind: string;
}

/** A role-holder, from membership's GET /bodies/:id/role-holders. */
export interface BodyRoleHolder {
  role: string;
  termStart: string;
  termEnd: string | null;
  member: { memberId: string; name: string };
}

/** A case as workflow's GET /cases lists it (the fields the page uses). */
export interface BodyCase {
  id: string;
  title: string;
  status: string;
  level: string;
}

/** A priority as the priorities service lists it (the fields the page uses). */
export interface BodyPriority {
  id: string;
  title: string;
  rag: string;
}

const KINDS: Record<string, string> = {
  'tumour-site-group': 'Tumour site group',
  'cross-cutting-group': 'Cross-cutting group',
  'operational-delivery-group': 'Operational delivery group',
  'clinical-advisory-group': 'Clinical Advisory Group',
  'alliance-board': 'Alliance Board',
};

const ROLES: Record<string, string> = {
  chair: 'Chair',
  'deputy-chair': 'Deputy chair',
  'clinical-lead': 'Clinical lead',
  member: 'Member',
  'patient-representative': 'Patient representative',
  secretariat: 'Secretariat',
  observer: 'Observer',
};

/** Roles every body of every kind should have someone in: its chair and its clinical lead. */
export const REQUIRED_ROLES: readonly string[] = SINGLE_HOLDER_ROLES;

const RAG_TAGS: Record<string, { text: string; colour: string }> = {
  red: { text: 'Red', colour: 'red' },
  amber: { text: 'Amber', colour: 'orange' },
  green: { text: 'Green', colour: 'green' },
};

const CLOSED = new Set(['resolved', 'closed']);

export function roleName(role: string): string {
  return ROLES[role] ?? role;
}

/** The NHS tag for a RAG status: red, amber as orange, green. */
export function ragTag(rag: string): { text: string; classes: string } {
  const tag = RAG_TAGS[rag] ?? { text: rag, colour: 'grey' };
  return { text: tag.text, classes: `nhsuk-tag--${tag.colour}` };
}

/** Everything the body page shows, decided here so a unit test can reach it. */
export function bodyView(
  body: BodyResponse,
  holders: readonly BodyRoleHolder[],
  cases: readonly BodyCase[],
  priorities: readonly BodyPriority[],
) {
  const holding = (role: string) =>
    holders.filter((holder) => holder.role === role).map((holder) => holder.member.name);
  const named = (role: string) => {
    const names = holding(role);
    return names.length > 0 ? names.join(', ') : 'Vacant';
  };
  return {
    id: body.id,
    name: body.name,
    kind: KINDS[body.kind] ?? body.kind,
    summary: [
      { key: 'Chair', value: named('chair') },
      { key: 'Clinical lead', value: named('clinical-lead') },
    ],
    members: holders.map((holder) => ({
      name: holder.member.name,
      role: roleName(holder.role),
      term: `${longDate(holder.termStart)} to ${holder.termEnd ? longDate(holder.termEnd) : 'no end date'}`,
    })),
    vacancies: REQUIRED_ROLES.filter((role) => holding(role).length === 0).map(roleName),
    meetingsHref: `/bodies/${body.id}/meetings`,
    cases: cases
      .filter((escalation) => !CLOSED.has(escalation.status))
      .map((escalation) => ({
        href: `/cases/${escalation.id}`,
        title: escalation.title,
        where: levelName(escalation.level),
        tag: statusTag(escalation.status),
      })),
    priorities: priorities.map((priority) => ({
      title: priority.title,
      tag: ragTag(priority.rag),
    })),
  };
}
