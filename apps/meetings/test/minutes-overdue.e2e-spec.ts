import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays } from '#platform';
import {
  isolatedTopicPrefix,
  serviceTestEnv,
  testKafka,
  TopicRecorder,
  uniqueName,
  waitFor,
} from '#testing';
import { ActionsDailyCheckService } from '../src/actions/actions-daily-check.service.js';
import { createMeetingsApp } from '../src/bootstrap.js';
import { Meeting } from '../src/meetings/meeting.entity.js';

describe('draft minutes overdue, announced once by the daily check (real Kafka and PostgreSQL)', () => {
  const run = uniqueName('mins');
  const kafka = testKafka();
  const bodyId = randomUUID();
  const today = '2026-11-30';
  let prefix: string;
  let app: INestApplication;
  let recorder: TopicRecorder;
  let dataSource: DataSource;

  const overdueEvents = () =>
    recorder.events<{ meetingId: string }>(
      `${prefix}meetings.events`,
      'meetings.minutes-overdue.v1',
    );

  /** A meeting of the body on a day at 10:00 UTC, in a state the hold and minutes flows leave. */
  async function aMeeting(
    title: string,
    on: string,
    fields: Pick<Meeting, 'status' | 'minutesStatus'>,
  ): Promise<string> {
    const id = randomUUID();
    await dataSource.getRepository(Meeting).insert({
      id,
      bodyId,
      kind: 'quarterly-network-meeting',
      title,
      startsAt: new Date(`${on}T10:00:00Z`),
      endsAt: new Date(`${on}T12:00:00Z`),
      location: null,
      onlineUrl: null,
      seriesId: null,
      quorum: null,
      cancelReason: fields.status === 'cancelled' ? 'Clashed with a board meeting' : null,
      minutesText: fields.minutesStatus === 'none' ? null : 'Draft minutes',
      minutesApprovedAtMeetingId: null,
      ...fields,
    });
    return id;
  }

  beforeAll(async () => {
    prefix = await isolatedTopicPrefix(kafka, run);
    app = await createMeetingsApp(
      serviceTestEnv('meetings', { schema: `${run}_meetings`, prefix }),
    );
    await app.startAllMicroservices();
    await app.init();
    dataSource = app.get(DataSource);
    recorder = await TopicRecorder.start(kafka, [`${prefix}meetings.events`]);
  }, 120_000);

  afterAll(async () => {
    await recorder?.close();
    await dataSource?.query(`DROP SCHEMA IF EXISTS "${run}_meetings" CASCADE`);
    await app?.close();
  });

  it('announces a held meeting without draft minutes 14 days on once, however often the check runs', async () => {
    const overdue = await aMeeting('Lung group, November', addDays(today, -14), {
      status: 'held',
      minutesStatus: 'none',
    });
    await aMeeting('Lung group, drafted', addDays(today, -20), {
      status: 'held',
      minutesStatus: 'draft',
    });
    await aMeeting('Lung group, cancelled', addDays(today, -20), {
      status: 'cancelled',
      minutesStatus: 'none',
    });
    const recent = await aMeeting('Lung group, last fortnight', addDays(today, -13), {
      status: 'held',
      minutesStatus: 'none',
    });
    const check = app.get(ActionsDailyCheckService);

    // Two instances at once: one takes the lock, the other skips; then a second run that day.
    const both = await Promise.all([check.run(today), check.run(today)]);
    const announced = both.reduce((sum, result) => sum + result.minutesOverdue, 0);
    expect(announced).toBe(1);
    expect(await check.run(today)).toEqual({ ran: true, overdue: 0, minutesOverdue: 0 });

    // The next day the meeting held 13 days before is due in turn; its event comes after any
    // repeat of the first on the body's partition, so the count below is final.
    expect(await check.run(addDays(today, 1))).toEqual({
      ran: true,
      overdue: 0,
      minutesOverdue: 1,
    });
    await waitFor('both reminders on Kafka', () => overdueEvents().length >= 2);
    expect(overdueEvents().map((event) => event.data)).toEqual([
      {
        meetingId: overdue,
        bodyId,
        title: 'Lung group, November',
        startsAt: `${addDays(today, -14)}T10:00:00.000Z`,
        heldOn: addDays(today, -14),
        dueOn: today,
        daysSinceHeld: 14,
      },
      expect.objectContaining({ meetingId: recent, dueOn: addDays(today, 1), daysSinceHeld: 14 }),
    ]);
    const [first] = overdueEvents();
    expect(first).toMatchObject({ subject: bodyId, source: '/cancer-network/meetings' });
    const rows = await dataSource.query<{ id: string; on: string }[]>(
      `SELECT id, to_char(minutes_overdue_announced_on, 'YYYY-MM-DD') AS on
         FROM "${run}_meetings".meeting WHERE minutes_overdue_announced_on IS NOT NULL ORDER BY starts_at`,
    );
    expect(rows).toEqual([
      { id: overdue, on: today },
      { id: recent, on: addDays(today, 1) },
    ]);
  }, 60_000);
});
