import type { EntityManager } from 'typeorm';
import { ConflictError, notFound } from '#platform';
import { Meeting } from './meeting.entity.js';

/** The meeting, locked for update in the caller's transaction. */
export async function lockMeeting(manager: EntityManager, meetingId: string): Promise<Meeting> {
  const meeting = await manager.findOne(Meeting, {
    where: { id: meetingId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!meeting) {
    throw notFound('Meeting', meetingId);
  }
  return meeting;
}

/** The meeting, locked, refused once it is held or cancelled. */
export async function lockScheduledMeeting(
  manager: EntityManager,
  meetingId: string,
): Promise<Meeting> {
  const meeting = await lockMeeting(manager, meetingId);
  if (meeting.status !== 'scheduled') {
    throw new ConflictError(`The meeting is already ${meeting.status}`);
  }
  return meeting;
}
