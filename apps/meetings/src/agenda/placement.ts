import { ukDate } from '#platform';

/** A meeting an agenda request could land on. */
export interface CandidateMeeting {
  meetingId: string;
  startsAt: Date;
}

export type Placement =
  | {
      placed: true;
      meetingId: string;
      /** Why the meeting is later than the requester's date; null when it is in time. */
      late: string | null;
    }
  | { placed: false; reason: string; nextMeetingStartsAt: Date | null };

const DAY_MS = 86_400_000;

/**
 * Where an agenda request lands: the body's next scheduled meeting whose papers deadline
 * (`papersDueDaysBefore` days before it starts) has not passed. That holds even when the
 * meeting falls after the requester's `tableBy` date (UK calendar day): the item must reach the
 * body's next regular meeting, so it goes there and the placement says it is late, for the
 * requester to ask the chair for an extraordinary meeting or a chair's action in the meantime.
 * It is unplaced only when no scheduled meeting has its papers deadline open; it then waits
 * for the next meeting scheduled.
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
  const papersOpen = (meeting: CandidateMeeting) =>
    meeting.startsAt.getTime() - options.papersDueDaysBefore * DAY_MS >= options.now.getTime();
  const eligible = upcoming.find(papersOpen);
  if (eligible) {
    const on = ukDate(eligible.startsAt);
    const late =
      options.tableBy !== null && on > options.tableBy
        ? `The next meeting with its papers deadline open, on ${on}, is after the date it was to be tabled by (${options.tableBy})`
        : null;
    return { placed: true, meetingId: eligible.meetingId, late };
  }
  const next = upcoming[0] ?? null;
  return next
    ? {
        placed: false,
        reason: `The papers deadline for the meeting on ${ukDate(next.startsAt)} has passed and no later meeting is scheduled`,
        nextMeetingStartsAt: next.startsAt,
      }
    : { placed: false, reason: 'The body has no scheduled meeting', nextMeetingStartsAt: null };
}
