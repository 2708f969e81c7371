import { SINGLE_HOLDER_ROLES } from '#contracts';
import { levelName, longDate, statusTag } from '../cases/case-labels.js';
import { kindName, roleName } from '../meetings/meeting-labels.js';
import { paragraphsOf, relationshipName } from '../public-record/public.view.js';

/** A body as membership's GET /bodies/:id answers it (the fields the page uses). */
export interface BodyResponse {
  id: string;
  name: string;
  kind: string;
  guidance?: { title: string; url: string }[];
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

/** A service gap on the body's risk register (priorities' GET /bodies/:id/registers). */
export interface BodyRisk {
  id: string;
  description: string;
  status: string;
  currentRisk: { score: number; level: string };
}

/** A pathway the body owns (the registers' pathways). */
export interface BodyPathway {
  id: string;
  title: string;
  tumourSite: string;
}

/** A comment from the public on one of the body's pathways, as its officers read it. */
export interface BodyComment {
  id: string;
  pathwayTitle: string;
  version: string;
  relationship: string;
  comment: string;
  name: string | null;
  email: string | null;
  receivedAt: string;
  readAt: string | null;
}

/** What the body page lists beside the body itself. */
export interface BodyLists {
  holders: readonly BodyRoleHolder[];
  cases: readonly BodyCase[];
  priorities: readonly BodyPriority[];
  risks?: readonly BodyRisk[];
  pathways?: readonly BodyPathway[];
  /** Comments from the public; absent for someone who may not read them. */
  comments?: readonly BodyComment[];
}

const RISK_TAGS: Record<string, { text: string; colour: string }> = {
  low: { text: 'Low', colour: 'green' },
  moderate: { text: 'Moderate', colour: 'yellow' },
  high: { text: 'High', colour: 'orange' },
  extreme: { text: 'Extreme', colour: 'red' },
};

/** The NHS tag for a 5x5 risk level, with its score. */
export function riskTag(risk: { score: number; level: string }): { text: string; classes: string } {
  const tag = RISK_TAGS[risk.level] ?? { text: risk.level, colour: 'grey' };
  return { text: `${tag.text} (${risk.score})`, classes: `nhsuk-tag--${tag.colour}` };
}

/** Roles every body of every kind should have someone in: its chair and its clinical lead. */
export const REQUIRED_ROLES: readonly string[] = SINGLE_HOLDER_ROLES;

const RAG_TAGS: Record<string, { text: string; colour: string }> = {
  red: { text: 'Red', colour: 'red' },
  amber: { text: 'Amber', colour: 'orange' },
  green: { text: 'Green', colour: 'green' },
};

const CLOSED = new Set(['resolved', 'closed']);

/** The NHS tag for a RAG status: red, amber as orange, green. */
export function ragTag(rag: string): { text: string; classes: string } {
  const tag = RAG_TAGS[rag] ?? { text: rag, colour: 'grey' };
  return { text: tag.text, classes: `nhsuk-tag--${tag.colour}` };
}

/** Everything the body page shows, decided here so a unit test can reach it. */
export function bodyView(
  body: BodyResponse,
  { holders, cases, priorities, risks = [], pathways = [], comments }: BodyLists,
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
    kind: kindName(body.kind),
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
    guidance: body.guidance ?? [],
    risks: risks
      .filter((risk) => risk.status !== 'closed')
      .map((risk) => ({
        description: risk.description,
        status: risk.status === 'mitigated' ? 'Mitigated' : 'Open',
        tag: riskTag(risk.currentRisk),
      })),
    pathways: pathways.map((pathway) => ({ title: pathway.title })),
    comments: comments?.map((comment) => ({
      id: comment.id,
      pathway: `${comment.pathwayTitle} (version ${comment.version})`,
      from: [comment.name, relationshipName(comment.relationship)].filter(Boolean).join(', '),
      email: comment.email,
      paragraphs: paragraphsOf(comment.comment),
      received: longDate(comment.receivedAt),
      unread: comment.readAt === null,
    })),
  };
}
