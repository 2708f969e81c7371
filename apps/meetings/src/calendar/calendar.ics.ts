/**
 * RFC 5545 iCalendar output for the meetings feeds, written by hand: CRLF line endings,
 * lines folded at 75 octets (never inside a UTF-8 character) and TEXT values escaped.
 */

export const PRODID = '-//Cancer Network Governance//Meetings//EN';
export const UID_DOMAIN = 'cancer-network';

/** SEQUENCE counts seconds from here, so it stays a 32-bit INTEGER well past 2038. */
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

export interface CalendarEvent {
  uid: string;
  /** When this version of the event was last revised (DTSTAMP and LAST-MODIFIED). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string | null;
  location: string | null;
  url: string | null;
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
}

export interface CalendarInput {
  /** Shown by calendar apps as the subscription's name (X-WR-CALNAME). */
  name: string;
  events: readonly CalendarEvent[];
}

/** The meeting fields the feed shows. */
export interface MeetingForCalendar {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  status: 'scheduled' | 'held' | 'cancelled';
  cancelReason?: string | null;
  updatedAt: Date;
}

/**
 * One meeting as a VEVENT. The UID is stable so a subscribed calendar replaces the event when
 * it changes, and SEQUENCE grows with `updatedAt` so a reschedule or cancellation wins.
 */
export function meetingToEvent(meeting: MeetingForCalendar, bodyName: string): CalendarEvent {
  const description = bodyName ? [bodyName] : [];
  if (meeting.onlineUrl) {
    description.push(`Online: ${meeting.onlineUrl}`);
  }
  if (meeting.status === 'cancelled') {
    description.push(
      meeting.cancelReason ? `Cancelled: ${meeting.cancelReason}` : 'This meeting is cancelled.',
    );
  }
  return {
    uid: `${meeting.id}@${UID_DOMAIN}`,
    stamp: meeting.updatedAt,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: meeting.title,
    description: description.length ? description.join('\n') : null,
    location: meeting.location,
    url: meeting.onlineUrl,
    sequence: Math.max(0, Math.floor((meeting.updatedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000)),
    status: meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  };
}

/** The whole VCALENDAR, CRLF-terminated. */
export function renderCalendar(calendar: CalendarInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${utc(event.stamp)}`,
      `LAST-MODIFIED:${utc(event.stamp)}`,
      `DTSTART:${utc(event.start)}`,
      `DTEND:${utc(event.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) {
      lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    }
    if (event.location) {
      lines.push(`LOCATION:${escapeText(event.location)}`);
    }
    if (event.url) {
      // A URI value, not TEXT: no escaping, but it must not break the line.
      lines.push(`URL:${stripControls(event.url)}`);
    }
    lines.push(`SEQUENCE:${event.sequence}`, `STATUS:${event.status}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(value: string): string {
  return stripControls(
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n'),
  );
}

/**
 * RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF and a space
 * (which counts towards that line's 75). Splits between characters, never inside one.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** `Lung Group` becomes `lung-group`, for the download's file name. */
export function calendarFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'calendar'}.ics`;
}

function utc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT allows no control characters but HTAB. */
function stripControls(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}
