import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, invalidField } from '#platform';
import { lockMeeting } from '../meetings/lock-meeting.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingsPublisher } from '../meetings.publisher.js';

/** Draft minutes of a held meeting, approved at a later quorate meeting of the same body. */
@Injectable()
export class MinutesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
  ) {}

  async draft(meetingId: string, text: string): Promise<Meeting> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await lockMeeting(manager, meetingId);
      if (meeting.status !== 'held') {
        throw new ConflictError('Minutes are written for a meeting once it is recorded as held');
      }
      if (meeting.minutesStatus === 'approved') {
        throw new ConflictError('The minutes are approved and can no longer change');
      }
      meeting.minutesText = text;
      meeting.minutesStatus = 'draft';
      await this.events.audit(manager, {
        action: 'meetings.minutes-drafted',
        changes: { meetingId, bodyId: meeting.bodyId, minutesText: text },
      });
      return manager.save(Meeting, meeting);
    });
  }

  async approve(meetingId: string, atMeetingId: string): Promise<Meeting> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await lockMeeting(manager, meetingId);
      if (meeting.minutesStatus !== 'draft') {
        throw new ConflictError(
          meeting.minutesStatus === 'approved'
            ? 'The minutes are already approved'
            : 'There are no draft minutes to approve',
        );
      }
      const at = await manager.findOneBy(Meeting, { id: atMeetingId });
      if (
        !at ||
        at.bodyId !== meeting.bodyId ||
        at.startsAt.getTime() <= meeting.startsAt.getTime()
      ) {
        throw invalidField(
          'atMeetingId',
          'Minutes are approved at a later meeting of the same body',
        );
      }
      if (at.status !== 'held' || !at.quorum?.quorate) {
        throw new ConflictError('Minutes are approved by a held, quorate meeting');
      }
      meeting.minutesStatus = 'approved';
      meeting.minutesApprovedAtMeetingId = at.id;
      await manager.save(Meeting, meeting);
      await this.events.publish(manager, 'meetings.minutes-approved.v1', {
        meetingId: meeting.id,
        bodyId: meeting.bodyId,
        approvedAtMeetingId: at.id,
      });
      return meeting;
    });
  }
}
