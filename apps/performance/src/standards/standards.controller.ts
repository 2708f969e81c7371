import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal, ParseUuidPipe } from '#platform';
import { AmendTargetDto, DetectionSettingDto, SetTargetDto, TargetQuery } from './standards.dto.js';
import { TargetsService } from './targets.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('standards and targets')
@Controller()
export class StandardsController {
  constructor(@Inject(TargetsService) private readonly targets: TargetsService) {}

  // Not paged: one row per cancer waiting-times measure (MEASURES), a fixed handful.
  @Get('standards')
  @Roles(...READERS)
  standards() {
    return this.targets.standards();
  }

  /** A standard's detection rules: months to breach, months to recover, minimum denominator. */
  @Patch('standards/:code')
  @Roles('admin')
  setDetection(@Param('code') code: string, @Body() dto: DetectionSettingDto) {
    return this.targets.setDetection(code, dto);
  }

  @Get('targets')
  @Roles(...READERS)
  list(@Query() query: TargetQuery) {
    return this.targets.list(query);
  }

  @Post('targets')
  @Roles('admin')
  set(@Body() dto: SetTargetDto, @CurrentUser() principal: Principal) {
    return this.targets.set(dto, principal.sub);
  }

  @Patch('targets/:id')
  @Roles('admin')
  amend(@Param('id', ParseUuidPipe) id: string, @Body() dto: AmendTargetDto) {
    return this.targets.amend(id, dto);
  }
}
