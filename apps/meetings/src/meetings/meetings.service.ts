import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound, type Page } from '#platform';
import { Meeting } from './meeting.entity.js';
import type { MeetingListQuery } from './meetings.dto.js';

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

  /** A page of the body's meetings, earliest first. */
  async forBody(bodyId: string, query: MeetingListQuery): Promise<Page<Meeting>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Meeting, {
      where: { bodyId, ...(query.status ? { status: query.status } : {}) },
      order: { startsAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
