import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentUser, ParseUuidPipe, Roles, type Principal } from '#platform';
import { READERS } from '../common/roles.js';
import { CreateMeasureSetDto, MeasureSetDto, MeasureSetQueryDto } from './measure-sets.dto.js';
import { MeasureSetsService } from './measure-sets.service.js';

/** Quality measure sets, per tumour site or service, as versioned data; published by admins. */
@ApiTags('quality standards')
@Controller('measure-sets')
export class MeasureSetsController {
  constructor(@Inject(MeasureSetsService) private readonly sets: MeasureSetsService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({
    type: MeasureSetDto,
    description: 'The next version of the set with this code (1 for a new code)',
  })
  publish(@Body() dto: CreateMeasureSetDto, @CurrentUser() principal: Principal) {
    return this.sets.publish(dto, actorOf(principal));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [MeasureSetDto], description: 'By code, newest version first' })
  list(@Query() query: MeasureSetQueryDto) {
    return this.sets.list(query.code);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: MeasureSetDto })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.sets.get(id);
  }
}
