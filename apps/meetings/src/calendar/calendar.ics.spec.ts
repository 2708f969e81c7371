import {
  calendarFileName,
  escapeText,
  foldLine,
  meetingToEvent,
  renderCalendar,
  type MeetingForCalendar,
} from './calendar.ics.js';

const meeting: MeetingForCalendar = {
  id: '0b6f4d56-8d4e-4f0e-9a43-8f6a1c1f2a10',
  title: 'Lung Group, Q3; review',
  startsAt: new Date('2026-12-10T14:00:00.000Z'),
  endsAt: new Date('2026-12-10T16:00:00.000Z'),
  location: 'Boardroom, Addenbrooke’s Hospital',
  onlineUrl: 'https://meet.example.org/lung-q3',
  status: 'scheduled',
  cancelReason: null,
  updatedAt: new Date('2026-11-01T09:30:15.250Z'),
};

/** Undoes the folding, to read the logical lines back. */
const unfold = (ics: string): string[] => ics.replace(/\r\n /g, '').split('\r\n');

describe('escapeText', () => {
  it('escapes backslash, semicolon and comma, and writes line breaks as \\n', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('drops control characters other than tab', () => {
    expect(escapeText('a\u0000b\tc\u0007')).toBe('ab\tc');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone', () => {
    const line = 'x'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds longer lines so no physical line exceeds 75 octets', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(20)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBe(3);
    for (const part of physical) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(physical[0]).toHaveLength(75);
    expect(physical.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('counts octets, not characters, and never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`; // 8 + 120 octets
    const physical = foldLine(line).split('\r\n');
    for (const part of physical) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(Buffer.byteLength(physical[0]!, 'utf8')).toBe(74); // 8 + 33 × 2; another é would be 76
    expect(physical.join('\r\n').replace(/\r\n /g, '')).toBe(line);
  });
});

describe('meetingToEvent', () => {
  it('maps a meeting to a stable UID, its times, links and a sequence from updatedAt', () => {
    const event = meetingToEvent(meeting, 'Lung Group');
    expect(event).toEqual({
      uid: `${meeting.id}@cancer-network`,
      stamp: meeting.updatedAt,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary: meeting.title,
      description: 'Lung Group\nOnline: https://meet.example.org/lung-q3',
      location: meeting.location,
      url: meeting.onlineUrl,
      sequence: Math.floor((meeting.updatedAt.getTime() - Date.UTC(2020, 0, 1)) / 1000),
      status: 'CONFIRMED',
    });
  });

  it('raises the sequence when the meeting changes and marks cancelled meetings', () => {
    const before = meetingToEvent(meeting, 'Lung Group');
    const after = meetingToEvent(
      {
        ...meeting,
        status: 'cancelled',
        cancelReason: 'Not quorate',
        updatedAt: new Date(meeting.updatedAt.getTime() + 1000),
      },
      'Lung Group',
    );
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.status).toBe('CANCELLED');
    expect(after.description).toContain('Cancelled: Not quorate');
    expect(meetingToEvent({ ...meeting, status: 'held' }, 'x').status).toBe('CONFIRMED');
  });

  it('leaves out what the meeting does not have', () => {
    const event = meetingToEvent({ ...meeting, location: null, onlineUrl: null }, '');
    expect(event).toMatchObject({ description: null, location: null, url: null });
  });
});

describe('renderCalendar', () => {
  const ics = renderCalendar({
    name: 'Lung Group, East',
    events: [
      meetingToEvent(meeting, 'Lung Group'),
      meetingToEvent({ ...meeting, id: 'other', status: 'cancelled', onlineUrl: null }, 'Lung'),
    ],
  });

  it('ends every line with CRLF, including the last, with no bare LF or CR', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('writes the calendar and its events with escaped text and UTC times', () => {
    const lines = unfold(ics);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Cancer Network Governance//Meetings//EN',
      'CALSCALE:GREGORIAN',
      'X-WR-CALNAME:Lung Group\\, East',
    ]);
    const first = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
    expect(first).toEqual([
      'BEGIN:VEVENT',
      `UID:${meeting.id}@cancer-network`,
      'DTSTAMP:20261101T093015Z',
      'LAST-MODIFIED:20261101T093015Z',
      'DTSTART:20261210T140000Z',
      'DTEND:20261210T160000Z',
      'SUMMARY:Lung Group\\, Q3\\; review',
      'DESCRIPTION:Lung Group\\nOnline: https://meet.example.org/lung-q3',
      'LOCATION:Boardroom\\, Addenbrooke’s Hospital',
      'URL:https://meet.example.org/lung-q3',
      `SEQUENCE:${meetingToEvent(meeting, '').sequence}`,
      'STATUS:CONFIRMED',
      'END:VEVENT',
    ]);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:other@cancer-network');
    expect(lines.filter((line) => line.startsWith('STATUS:'))).toEqual([
      'STATUS:CONFIRMED',
      'STATUS:CANCELLED',
    ]);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('renders an empty calendar', () => {
    expect(renderCalendar({ name: 'Nobody', events: [] })).not.toContain('BEGIN:VEVENT');
  });
});

describe('calendarFileName', () => {
  it('makes a safe file name from the calendar name', () => {
    expect(calendarFileName('Lung Group')).toBe('lung-group.ics');
    expect(calendarFileName('Dr Zoë O’Brien "quoted"')).toBe('dr-zoe-o-brien-quoted.ics');
    expect(calendarFileName('***')).toBe('calendar.ics');
  });
});
