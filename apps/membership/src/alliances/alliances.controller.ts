import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Page, Roles, ParseUuidPipe } from '#platform';
import type { Alliance } from './alliance.entity.js';
import { AlliancesService } from './alliances.service.js';
import { ListAlliancesQuery, RegisterAllianceDto, UpdateAllianceDto } from './alliances.dto.js';

@ApiTags('alliances')
@Controller('alliances')
export class AlliancesController {
  constructor(@Inject(AlliancesService) private readonly alliances: AlliancesService) {}

  @Post()
  @Roles('admin')
  register(@Body() dto: RegisterAllianceDto): Promise<Alliance> {
    return this.alliances.register(dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateAllianceDto,
  ): Promise<Alliance> {
    return this.alliances.update(id, dto);
  }

  @Get()
  @Roles('admin', 'clinician', 'service')
  list(@Query() query: ListAlliancesQuery): Promise<Page<Alliance>> {
    return this.alliances.list(query);
  }

  @Get(':id')
  @Roles('admin', 'clinician', 'service')
  get(@Param('id', ParseUuidPipe) id: string): Promise<Alliance> {
    return this.alliances.get(id);
  }
}
