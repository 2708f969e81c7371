import type { BODY_KINDS, ESCALATION_LEVELS, ESCALATION_SEVERITIES } from '#contracts';

/** The escalation ladder: its rungs, the body kinds on each, and how severe a case can be. */

/** The rungs of the escalation ladder, lowest first. */
export type Level = (typeof ESCALATION_LEVELS)[number];

export type BodyKind = (typeof BODY_KINDS)[number];

/** The rung a governance body stands on: every kind of network group is the lowest. */
export function levelOfBodyKind(kind: BodyKind): Level {
  switch (kind) {
    case 'tumour-site-group':
    case 'cross-cutting-group':
    case 'operational-delivery-group':
      return 'group';
    case 'clinical-advisory-group':
      return 'cag';
    case 'alliance-board':
      return 'board';
  }
}

/** The rung a case moves to when it escalates; null at the Alliance Board, the top. */
export function nextLevel(level: Level): Level | null {
  switch (level) {
    case 'group':
      return 'cag';
    case 'cag':
      return 'board';
    case 'board':
      return null;
  }
}

export const LEVEL_NAMES: Record<Level, string> = {
  group: 'the network group',
  cag: 'the Clinical Advisory Group',
  board: 'the Alliance Board',
};

export type Severity = (typeof ESCALATION_SEVERITIES)[number];
