import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { ScreeningUptakeQuery, ScreeningUptakeRowsDto } from './screening-uptake.dto.js';
import { ScreeningUptakeService } from './screening-uptake.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('other measures')
@Controller()
export class ScreeningUptakeController {
  constructor(@Inject(ScreeningUptakeService) private readonly uptake: ScreeningUptakeService) {}

  /** Up to 5000 months of uptake, all or nothing; a month already held is replaced. */
  @Put('screening-uptake')
  @Roles('admin')
  save(@Body() dto: ScreeningUptakeRowsDto) {
    return this.uptake.save(dto.rows);
  }

  /** Uptake by alliance, programme and month, with the target in force and where it stands. */
  @Get('screening-uptake')
  @Roles(...READERS)
  list(@Query() query: ScreeningUptakeQuery) {
    return this.uptake.list(query);
  }
}
