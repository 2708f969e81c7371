import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { MapHealthBoardDto } from './reference.dto.js';
import { HealthBoardsService } from './health-boards.service.js';

@ApiTags('reference data')
@Controller('health-boards')
export class HealthBoardsController {
  constructor(@Inject(HealthBoardsService) private readonly boards: HealthBoardsService) {}

  @Get()
  @Roles('admin', 'clinician', 'service')
  list() {
    return this.boards.boards();
  }

  @Put(':boardCode')
  @Roles('admin')
  mapBoard(@Param('boardCode') boardCode: string, @Body() dto: MapHealthBoardDto) {
    return this.boards.mapBoard(boardCode, dto);
  }
}
