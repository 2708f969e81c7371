import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { BacklogQuery, BacklogRowsDto } from './backlog.dto.js';
import { BacklogService } from './backlog.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('other measures')
@Controller()
export class BacklogController {
  constructor(@Inject(BacklogService) private readonly backlog: BacklogService) {}

  /** Up to 5000 weekly PTL rows, all or nothing; a week sent again replaces its counts. */
  @Put('backlog')
  @Roles('admin')
  save(@Body() dto: BacklogRowsDto) {
    return this.backlog.save(dto.rows);
  }

  /** An alliance's PTL by week: the day bands, the 62-day backlog, and its change. */
  @Get('backlog')
  @Roles(...READERS)
  weeks(@Query() query: BacklogQuery) {
    return this.backlog.weeks(query);
  }
}
