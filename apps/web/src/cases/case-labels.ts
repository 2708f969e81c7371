/** How the pages name a case's status, level and what moved it: decided here, not in templates. */

const STATUS_TAGS: Record<string, { text: string; colour: string }> = {
  opened: { text: 'Opened', colour: 'red' },
  acknowledged: { text: 'Acknowledged', colour: 'blue' },
  tabled: { text: 'Tabled', colour: 'purple' },
  deferred: { text: 'Deferred', colour: 'yellow' },
  monitoring: { text: 'Monitoring', colour: 'aqua-green' },
  resolved: { text: 'Resolved', colour: 'green' },
  closed: { text: 'Closed', colour: 'grey' },
};

/** The NHS tag for a status: its text and the modifier class of its colour. */
export function statusTag(status: string): { text: string; classes: string } {
  const tag = STATUS_TAGS[status] ?? { text: status, colour: 'grey' };
  return { text: tag.text, classes: `nhsuk-tag--${tag.colour}` };
}

const LEVELS: Record<string, string> = {
  group: 'Network group',
  cag: 'Clinical Advisory Group',
  board: 'Alliance Board',
};

export function levelName(level: string): string {
  return LEVELS[level] ?? level;
}

/** "4 December 2026", in UK time, as NHS pages write dates. */
export function longDate(value: string | Date): string {
  return LONG_DATE.format(new Date(value));
}

/** "4 December 2026, 9:30am". */
export function dateAndTime(value: string | Date): string {
  const date = new Date(value);
  const time = CLOCK_TIME.format(date).replace(' ', '').toLowerCase();
  return `${longDate(date)}, ${time}`;
}

// Made once: building a formatter costs far more than using one (it was the case and
// my-work pages' largest cost, measured with `npm run bench:web` under --cpu-prof).
const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const CLOCK_TIME = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** "acknowledged" → "Acknowledged"; "note-added" → "Note added". */
export function transitionName(transition: string): string {
  const words = transition.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Who or what made a step: a person, another service's event, a deadline, the system. */
export function causeName(
  cause: { kind: string; ref: string },
  details: Record<string, unknown>,
): string {
  const recordedBy = details['recordedBy'] as { capacity?: string } | null | undefined;
  switch (cause.kind) {
    case 'user':
      return 'A person, in the web app or API';
    case 'event':
      if (!recordedBy?.capacity) {
        return 'Another service (a meeting, a performance figure or membership)';
      }
      // A chair's action is the chair's decision between meetings, not the meeting's.
      return typeof details['chairsActionId'] === 'string'
        ? `A chair's action, taken by the ${recordedBy.capacity.replace('-', ' ')}`
        : `A meeting decision, recorded by the ${recordedBy.capacity.replace('-', ' ')}`;
    case 'timer':
      return 'A deadline passing';
    default:
      return 'The system';
  }
}
