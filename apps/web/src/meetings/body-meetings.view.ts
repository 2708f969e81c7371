import { dateAndTime } from '../cases/case-labels.js';
import { meetingTag } from './meeting-labels.js';
import type { MeetingResponse } from './meeting.view.js';

export const MEETINGS_PER_PAGE = 20;

/** The page number asked for: a whole number from 1, else the first page. */
export function pageNumber(asked: unknown): number {
  const page = typeof asked === 'string' && /^\d{1,6}$/.test(asked) ? Number(asked) : 1;
  return Math.max(1, page);
}

/** A body's meetings, oldest first as the service orders them, a page at a time. */
export function bodyMeetingsView(
  body: { id: string; name: string },
  meetings: { items: readonly MeetingResponse[]; total: number; limit: number; offset: number },
) {
  const page = Math.floor(meetings.offset / meetings.limit) + 1;
  const pages = Math.max(1, Math.ceil(meetings.total / meetings.limit));
  const href = (n: number) => `/bodies/${body.id}/meetings?page=${n}`;
  return {
    bodyName: body.name,
    meetings: meetings.items.map((meeting) => ({
      href: `/meetings/${meeting.id}`,
      title: meeting.title,
      when: dateAndTime(meeting.startsAt),
      tag: meetingTag(meeting.status),
    })),
    caption: `${meetings.total} ${meetings.total === 1 ? 'meeting' : 'meetings'}${pages > 1 ? `, page ${page} of ${pages}` : ''}`,
    previous: page > 1 ? { href: href(page - 1), text: 'Previous' } : undefined,
    next: page < pages ? { href: href(page + 1), text: 'Next' } : undefined,
  };
}
