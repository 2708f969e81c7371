import { Body, Controller, Get, Inject, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseUuidPipe, Roles, type Principal } from '#platform';
import { AlliancePolicyService } from './alliance-policy.service.js';
import {
  AlliancePolicyDto,
  AmendTrajectoryDto,
  SetTrajectoryDto,
  TrajectoryQuery,
} from './standards.dto.js';
import { TrajectoriesService } from './trajectories.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

/** Planning trajectories, and each alliance's choice of what breach detection compares with. */
@ApiTags('standards and targets')
@Controller()
export class TrajectoriesController {
  constructor(
    @Inject(TrajectoriesService) private readonly trajectories: TrajectoriesService,
    @Inject(AlliancePolicyService) private readonly policies: AlliancePolicyService,
  ) {}

  @Get('trajectories')
  @Roles(...READERS)
  list(@Query() query: TrajectoryQuery) {
    return this.trajectories.list(query);
  }

  @Post('trajectories')
  @Roles('admin')
  set(@Body() dto: SetTrajectoryDto, @CurrentUser() principal: Principal) {
    return this.trajectories.set(dto, principal.sub);
  }

  @Patch('trajectories/:id')
  @Roles('admin')
  amend(@Param('id', ParseUuidPipe) id: string, @Body() dto: AmendTrajectoryDto) {
    return this.trajectories.amend(id, dto);
  }

  /** The alliance's breach basis and figures basis now, with every change. */
  @Get('alliances/:allianceId/performance-policy')
  @Roles(...READERS)
  policy(@Param('allianceId', ParseUuidPipe) allianceId: string) {
    return this.policies.get(allianceId);
  }

  /** Sets them from a month on (by default the current one); earlier months keep theirs. */
  @Put('alliances/:allianceId/performance-policy')
  @Roles('admin')
  setPolicy(
    @Param('allianceId', ParseUuidPipe) allianceId: string,
    @Body() dto: AlliancePolicyDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.policies.set(allianceId, dto, principal.sub);
  }
}
