import { Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles, type Page } from '#platform';
import { AnnouncementQuery } from './detection.dto.js';
import { Announcement } from './announcement.entity.js';
import { DetectionService } from './detection.service.js';

@ApiTags('breach detection')
@Controller()
export class DetectionController {
  constructor(
    @Inject(DetectionService) private readonly detection: DetectionService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** Runs detection over all data (after a target or mapping edit); announces only what is new. */
  @Post('detection/run')
  @HttpCode(200)
  @Roles('admin')
  run() {
    return this.detection.detectAll();
  }

  /** What detection announced, newest first, a page at a time. */
  @Get('announcements')
  @Roles('admin', 'clinician', 'service')
  async announcements(@Query() query: AnnouncementQuery): Promise<Page<Announcement>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Announcement, {
      where: query.allianceId ? { allianceId: query.allianceId } : {},
      // Then by the primary key, so a page boundary never splits or repeats one instant's rows.
      order: {
        announcedAt: 'DESC',
        allianceId: 'ASC',
        tumourSite: 'ASC',
        standard: 'ASC',
        period: 'ASC',
        kind: 'ASC',
      },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
