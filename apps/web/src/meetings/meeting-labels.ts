import { DECISION_OUTCOMES } from '#contracts';

/** How the pages name meetings' statuses, outcomes, roles and bodies' kinds: decided here, not in templates. */

const MEETING_TAGS: Record<string, { text: string; colour: string }> = {
  scheduled: { text: 'Scheduled', colour: 'blue' },
  held: { text: 'Held', colour: 'green' },
  cancelled: { text: 'Cancelled', colour: 'grey' },
};

export function meetingTag(status: string): { text: string; classes: string } {
  const tag = MEETING_TAGS[status] ?? { text: status, colour: 'grey' };
  return { text: tag.text, classes: `nhsuk-tag--${tag.colour}` };
}

const OUTCOMES: Record<(typeof DECISION_OUTCOMES)[number], { text: string; hint: string }> = {
  approved: { text: 'Approved', hint: 'The body agreed the proposal' },
  rejected: { text: 'Rejected', hint: 'The body did not agree the proposal' },
  noted: { text: 'Noted', hint: 'For information; nothing to decide' },
  deferred: { text: 'Deferred', hint: 'Brought back to a later meeting' },
  resolved: { text: 'Resolved', hint: 'The issue is dealt with; an escalation case closes' },
  escalated: {
    text: 'Escalated',
    hint: 'Beyond this body: an escalation case goes to the body above it',
  },
  'action-plan-agreed': {
    text: 'Action plan agreed',
    hint: 'The case is monitored while the plan is carried out',
  },
};

/** The outcomes a decision may record, in the order the service lists them. */
export const OUTCOME_CHOICES = DECISION_OUTCOMES.map((value) => ({ value, ...OUTCOMES[value] }));

export function outcomeName(outcome: string): string {
  return (OUTCOMES as Record<string, { text: string } | undefined>)[outcome]?.text ?? outcome;
}

const ROLES: Record<string, string> = {
  chair: 'Chair',
  'deputy-chair': 'Deputy chair',
  'clinical-lead': 'Clinical lead',
  member: 'Member',
  'patient-representative': 'Patient representative',
  secretariat: 'Secretariat',
  observer: 'Observer',
};

export function roleName(role: string): string {
  return ROLES[role] ?? role;
}

const ITEM_TYPES: Record<string, string> = {
  standing: 'Standing item',
  'for-decision': 'For decision',
  'for-information': 'For information',
  escalation: 'Escalation',
};

export function itemTypeName(type: string): string {
  return ITEM_TYPES[type] ?? type;
}

const ATTENDANCE: Record<string, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
};

export function attendanceName(status: string | undefined): string {
  return status ? (ATTENDANCE[status] ?? status) : 'Not recorded';
}

/** "2026-12-10", the UK calendar day of an instant, as the services take dates. */
export function ukDay(value: string | Date): string {
  return UK_DAY.format(new Date(value));
}

/** Made once, as building a formatter costs far more than using one. */
const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

const KINDS: Record<string, string> = {
  'tumour-site-group': 'Tumour site group',
  'cross-cutting-group': 'Cross-cutting group',
  'operational-delivery-group': 'Operational delivery group',
  'clinical-advisory-group': 'Clinical Advisory Group',
  'alliance-board': 'Alliance Board',
};

/** "Tumour site group", "Alliance Board": a body's kind as the pages name it. */
export function kindName(kind: string): string {
  return KINDS[kind] ?? kind;
}
