import { ukDate } from '#platform';

/** A meeting an agenda request could land on. */
export interface CandidateMeeting {
  meetingId: string;
  startsAt: Date;
}

export type Placement =
  | { placed: true; meetingId: string }
  | { placed: false; reason: string; nextMeetingStartsAt: Date | null };

const DAY_MS = 86_400_000;

/**
 * Where an agenda request lands: the body's next scheduled meeting whose papers deadline
 * (`papersDueDaysBefore` days before it starts) has not passed and which falls on or before
 * the requester's `tableBy` date (UK calendar day), if it gave one. When none does, the
 * request is unplaced and the reason says which condition failed, so the chair can be asked
 * for an extraordinary meeting or a chair's action.
 */
export function placeAgendaRequest(options: {
  meetings: readonly CandidateMeeting[];
  now: Date;
  papersDueDaysBefore: number;
  tableBy: string | null;
}): Placement {
  const upcoming = [...options.meetings]
    .filter((meeting) => meeting.startsAt.getTime() > options.now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const next = upcoming[0] ?? null;
  if (!next) {
    return {
      placed: false,
      reason: 'The body has no scheduled meeting',
      nextMeetingStartsAt: null,
    };
  }
  const withinTableBy = (meeting: CandidateMeeting) =>
    options.tableBy === null || ukDate(meeting.startsAt) <= options.tableBy;
  const papersOpen = (meeting: CandidateMeeting) =>
    meeting.startsAt.getTime() - options.papersDueDaysBefore * DAY_MS >= options.now.getTime();
  const eligible = upcoming.find((meeting) => withinTableBy(meeting) && papersOpen(meeting));
  if (eligible) {
    return { placed: true, meetingId: eligible.meetingId };
  }
  const reason = !withinTableBy(next)
    ? `The next meeting, on ${ukDate(next.startsAt)}, is after the date it must be tabled by (${options.tableBy})`
    : `The papers deadline for the meeting on ${ukDate(next.startsAt)} has passed and no later meeting falls on or before ${options.tableBy}`;
  return { placed: false, reason, nextMeetingStartsAt: next.startsAt };
}
