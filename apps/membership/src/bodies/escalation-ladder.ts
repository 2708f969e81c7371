import type { BODY_KINDS } from '#contracts';
import type { SPECIALTY_KINDS } from '../specialties/specialty.entity.js';

export type BodyKind = (typeof BODY_KINDS)[number];

const LABEL: Record<BodyKind, string> = {
  'tumour-site-group': 'a tumour-site network group',
  'cross-cutting-group': 'a cross-cutting group',
  'operational-delivery-group': 'an operational delivery group',
  'clinical-advisory-group': 'a Clinical Advisory Group',
  'alliance-board': 'an Alliance Board',
};

/**
 * The escalation ladder: network and delivery groups go to their alliance's Clinical
 * Advisory Group, the CAG to the Alliance Board, and the Board is the top.
 */
export function parentKindOf(kind: BodyKind): BodyKind | null {
  switch (kind) {
    case 'tumour-site-group':
    case 'cross-cutting-group':
    case 'operational-delivery-group':
      return 'clinical-advisory-group';
    case 'clinical-advisory-group':
      return 'alliance-board';
    case 'alliance-board':
      return null;
  }
}

/** How many rungs of the ladder lie above a body of this kind: 2 for a group, 0 for the Board. */
export function rungsAbove(kind: BodyKind): number {
  let rungs = 0;
  for (let parent = parentKindOf(kind); parent !== null; parent = parentKindOf(parent)) {
    rungs += 1;
  }
  return rungs;
}

export interface LadderBody {
  readonly id: string;
  readonly allianceId: string;
  readonly kind: BodyKind;
}

/**
 * Why `parent` cannot be the escalation parent of `body`, or undefined when it can.
 * `parentChain` lists the parent's own ancestors (nearest first), to refuse cycles.
 */
export function parentProblem(
  body: LadderBody,
  parent: LadderBody | null,
  parentChain: readonly string[] = [],
): string | undefined {
  const expected = parentKindOf(body.kind);
  if (parent === null) {
    return expected === null
      ? undefined
      : `${capitalise(LABEL[body.kind])} escalates to ${LABEL[expected]}: it needs one`;
  }
  if (parent.id === body.id || parentChain.includes(body.id)) {
    return 'A body cannot escalate to itself or to a body that escalates to it';
  }
  if (expected === null) {
    return 'An Alliance Board is the top of the ladder: it has no escalation parent';
  }
  if (parent.allianceId !== body.allianceId) {
    return 'Escalation stays within an alliance: the parent belongs to another one';
  }
  if (parent.kind !== expected) {
    return `${capitalise(LABEL[body.kind])} escalates to ${LABEL[expected]}, not ${LABEL[parent.kind]}`;
  }
  return undefined;
}

/** Tumour-site and cross-cutting groups name their area; the CAG and the Board have none. */
export function specialtyProblem(
  kind: BodyKind,
  specialty: { code: string; kind: (typeof SPECIALTY_KINDS)[number] } | null,
): string | undefined {
  if (kind === 'tumour-site-group' || kind === 'cross-cutting-group') {
    const wanted = kind === 'tumour-site-group' ? 'tumour-site' : 'cross-cutting';
    if (!specialty) {
      return `${capitalise(LABEL[kind])} needs a ${wanted} specialty`;
    }
    if (specialty.kind !== wanted) {
      return `${specialty.code} is a ${specialty.kind} specialty; ${LABEL[kind]} needs a ${wanted} one`;
    }
  }
  if ((kind === 'clinical-advisory-group' || kind === 'alliance-board') && specialty) {
    return `${capitalise(LABEL[kind])} covers every specialty: leave specialty empty`;
  }
  return undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
