import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '#platform';
import { Meeting } from './meeting.entity.js';

/** Reads meetings; scheduling/ makes and changes them, and each feature records its part. */
@Injectable()
export class MeetingsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async get(id: string): Promise<Meeting> {
    const meeting = await this.dataSource.manager.findOneBy(Meeting, { id });
    if (!meeting) {
      throw notFound('Meeting', id);
    }
    return meeting;
  }

  async forBody(bodyId: string): Promise<Meeting[]> {
    return this.dataSource.manager.find(Meeting, { where: { bodyId }, order: { startsAt: 'ASC' } });
  }
}
