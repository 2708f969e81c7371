import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuery, Roles, ParseUuidPipe } from '#platform';
import { READERS } from '../common/roles.js';
import { CreateProgrammeDto } from './programmes.dto.js';
import { ProgrammesService } from './programmes.service.js';

/** Work programmes: an admin sets them up for an alliance. */
@ApiTags('registers')
@Controller()
export class ProgrammesController {
  constructor(@Inject(ProgrammesService) private readonly service: ProgrammesService) {}

  @Post('programmes')
  @Roles('admin')
  createProgramme(@Body() dto: CreateProgrammeDto) {
    return this.service.create(dto);
  }

  @Get('alliances/:allianceId/programmes')
  @Roles(...READERS)
  programmes(@Param('allianceId', ParseUuidPipe) allianceId: string, @Query() page: PageQuery) {
    return this.service.forAlliance(allianceId, page);
  }
}
