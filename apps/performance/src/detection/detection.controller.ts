import { Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles, ParseUuidPipe } from '#platform';
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

  @Get('announcements')
  @Roles('admin', 'clinician', 'service')
  @ApiQuery({ name: 'allianceId', required: false })
  announcements(@Query('allianceId', new ParseUuidPipe({ optional: true })) allianceId?: string) {
    return this.dataSource.manager.find(Announcement, {
      where: allianceId ? { allianceId } : {},
      order: { announcedAt: 'DESC' },
      take: 500,
    });
  }
}
