import { StreamableFile } from '@nestjs/common';
import { calendarFileName, renderCalendar } from './calendar.ics.js';
import type { CalendarFeed } from './calendar-feeds.service.js';

/** A feed as the HTTP answer a calendar app reads: text/calendar, shown inline. */
export function icsFile(feed: CalendarFeed): StreamableFile {
  return new StreamableFile(Buffer.from(renderCalendar(feed), 'utf8'), {
    type: 'text/calendar; charset=utf-8',
    disposition: `inline; filename="${calendarFileName(feed.name)}"`,
  });
}
