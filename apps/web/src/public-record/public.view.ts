import { longDate } from '../cases/case-labels.js';
import { kindName, outcomeName } from '../meetings/meeting-labels.js';

/** A body as membership's GET /public/bodies lists it. */
export interface PublicBody {
  id: string;
  name: string;
  kind: string;
  allianceId: string;
  allianceName: string;
  parentBodyId: string | null;
}

/** A guidance document a body publishes (membership's GET /public/bodies/:id). */
export interface PublicGuidance {
  title: string;
  url: string;
}

/** A decision as meetings' public record gives it: published once its minutes are approved. */
export interface PublicDecision {
  id: string;
  itemTitle: string;
  outcome: string;
  rationale: string;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstained: number | null;
  recordedAt: string;
}

/** Approved minutes of a meeting, with what it decided (meetings' GET /public/...minutes). */
export interface PublicMinutes {
  meetingId: string;
  title: string;
  startsAt: string;
  minutesText: string;
  approvedOn: string;
  decisions: PublicDecision[];
  /** Absent from records published before declarations were. */
  declarations?: PublicDeclaration[];
}

/** A declaration of interest in an item, as the approved minutes record it. */
export interface PublicDeclaration {
  itemTitle: string;
  memberName: string;
  nature: string;
  interest: string;
  action: string;
}

const NATURE_NAMES: Record<string, string> = {
  financial: 'a financial interest',
  'non-financial-professional': 'a non-financial professional interest',
  'non-financial-personal': 'a non-financial personal interest',
  indirect: 'an indirect interest',
};

const ACTION_PHRASES: Record<string, string> = {
  withdrew: 'and left the meeting for the item',
  'took-no-part': 'and took no part in the decision',
  remained: 'and, as the chair agreed, took part',
};

/** A declaration as one sentence of the minutes. */
export function declarationText(declaration: PublicDeclaration): string {
  const nature = NATURE_NAMES[declaration.nature] ?? `an interest (${declaration.nature})`;
  const action = ACTION_PHRASES[declaration.action] ?? `(${declaration.action})`;
  return `${declaration.memberName} declared ${nature} in "${declaration.itemTitle}": ${declaration.interest}, ${action}.`;
}

/** A pathway as priorities' GET /public/bodies/:id/pathways lists it. */
export interface PublicPathway {
  id: string;
  title: string;
  tumourSite: string;
  published: {
    versionId: string;
    version: string;
    documentUrl: string;
    changeSummary: string;
    publishedOn: string;
    reviewDueOn: string;
  } | null;
  consultation: {
    versionId: string;
    version: string;
    documentUrl: string;
    changeSummary: string;
  } | null;
}

/** One version of a pathway, as priorities' GET /public/pathway-versions/:id gives it. */
export interface PublicPathwayVersion {
  pathwayId: string;
  bodyId: string;
  title: string;
  versionId: string;
  version: string;
  status: 'consultation' | 'published';
  documentUrl: string;
  changeSummary: string;
  publishedOn: string | null;
}

/** Who a comment comes from, as the form asks it and the service stores it. */
export const RELATIONSHIPS = [
  { value: 'patient', text: 'A patient, or someone who has been one' },
  { value: 'carer', text: 'A carer, relative or friend of a patient' },
  { value: 'public', text: 'A member of the public' },
  { value: 'professional', text: 'A health or care professional' },
  { value: 'organisation', text: 'On behalf of an organisation or charity' },
] as const;

const RELATIONSHIP_NAMES: Record<string, string> = Object.fromEntries(
  RELATIONSHIPS.map((choice) => [choice.value, choice.text]),
);

export function relationshipName(value: string): string {
  return RELATIONSHIP_NAMES[value] ?? value;
}

/** The bodies, grouped by the alliance or regional network they belong to, in the given order. */
export function bodiesByAlliance(bodies: readonly PublicBody[]) {
  const alliances = new Map<
    string,
    { name: string; bodies: { name: string; kind: string; href: string }[] }
  >();
  for (const body of bodies) {
    const alliance = alliances.get(body.allianceId) ?? { name: body.allianceName, bodies: [] };
    alliance.bodies.push({
      name: body.name,
      kind: kindName(body.kind),
      href: `/public/bodies/${body.id}`,
    });
    alliances.set(body.allianceId, alliance);
  }
  return [...alliances.values()];
}

/** Text as someone typed it, in paragraphs at its blank lines; the templates escape each. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

function votes(decision: PublicDecision): string | undefined {
  const counted = [decision.votesFor, decision.votesAgainst, decision.votesAbstained];
  if (counted.every((count) => count === null)) {
    return undefined;
  }
  const [inFavour, against, abstained] = counted.map((count) => count ?? 0);
  return `${inFavour} for, ${against} against, ${abstained} abstained`;
}

/** A published decision as the public pages show it. */
export function decisionView(decision: PublicDecision, meeting: PublicMinutes) {
  return {
    item: decision.itemTitle,
    outcome: outcomeName(decision.outcome),
    rationale: decision.rationale,
    votes: votes(decision),
    meeting: `${meeting.title}, ${longDate(meeting.startsAt)}`,
    meetingHref: `/public/meetings/${meeting.meetingId}`,
  };
}

/** A meeting's approved minutes, as their public page shows them. */
export function minutesView(minutes: PublicMinutes) {
  return {
    title: minutes.title,
    held: longDate(minutes.startsAt),
    approvedOn: longDate(minutes.approvedOn),
    paragraphs: paragraphsOf(minutes.minutesText),
    declarations: (minutes.declarations ?? []).map((declaration) => ({
      text: declarationText(declaration),
    })),
    decisions: minutes.decisions.map((decision) => decisionView(decision, minutes)),
  };
}

/** A body's public page: its published decisions, approved minutes and pathways. */
export function publicBodyView(
  body: PublicBody & { guidance: PublicGuidance[] },
  minutes: readonly PublicMinutes[],
  pathways: readonly PublicPathway[],
) {
  return {
    name: body.name,
    kind: kindName(body.kind),
    alliance: body.allianceName,
    guidance: body.guidance,
    decisions: minutes.flatMap((meeting) =>
      meeting.decisions.map((decision) => decisionView(decision, meeting)),
    ),
    minutes: minutes.map((meeting) => ({
      title: meeting.title,
      held: longDate(meeting.startsAt),
      approvedOn: longDate(meeting.approvedOn),
      href: `/public/meetings/${meeting.meetingId}`,
    })),
    published: pathways
      .filter((pathway) => pathway.published !== null)
      .map((pathway) => ({
        title: pathway.title,
        version: pathway.published!.version,
        documentUrl: pathway.published!.documentUrl,
        publishedOn: longDate(pathway.published!.publishedOn),
        reviewDueOn: longDate(pathway.published!.reviewDueOn),
      })),
    consultations: pathways
      .filter((pathway) => pathway.consultation !== null)
      .map((pathway) => ({
        title: pathway.title,
        version: pathway.consultation!.version,
        summary: pathway.consultation!.changeSummary,
        href: `/public/pathways/${pathway.consultation!.versionId}`,
      })),
  };
}

/** What a visitor typed into the comment form, as it is sent on (and shown again if refused). */
export interface CommentForm {
  relationship?: string;
  comment?: string;
  name?: string;
  email?: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The form's fields from a posted body: strings only, blanks left out. */
export function commentFormOf(body: Record<string, unknown> | undefined): CommentForm {
  return {
    relationship: text(body?.['relationship']),
    comment: text(body?.['comment']),
    name: text(body?.['name']),
    email: text(body?.['email']),
  };
}

/** The most a comment may say: the service's own limit, checked here first to say so kindly. */
export const COMMENT_MAX_LENGTH = 5000;
