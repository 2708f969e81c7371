import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { ScreeningQuery, ScreeningRowsDto } from './screening.dto.js';
import { ScreeningService } from './screening.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

/** Screening uptake and coverage; the path keeps its first name so its clients keep working. */
@ApiTags('other measures')
@Controller()
export class ScreeningController {
  constructor(@Inject(ScreeningService) private readonly screening: ScreeningService) {}

  /**
   * Up to 5000 months of uptake or coverage, all or nothing; a month already held for the same
   * programme, measure and age band is replaced. A row without `measure` is uptake.
   */
  @Put('screening-uptake')
  @Roles('admin')
  save(@Body() dto: ScreeningRowsDto) {
    return this.screening.save(dto.rows);
  }

  /**
   * Uptake and coverage by alliance, programme, measure, age band and month, with the target of
   * the measure in force and where it stands.
   */
  @Get('screening-uptake')
  @Roles(...READERS)
  list(@Query() query: ScreeningQuery) {
    return this.screening.list(query);
  }
}
