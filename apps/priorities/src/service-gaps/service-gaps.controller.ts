import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal, ParseUuidPipe } from '#platform';
import { OwnerAccessService } from '../common/owner-access.service.js';
import { READERS, WRITERS } from '../common/roles.js';
import { GapStatusDto, RaiseGapDto, RescoreDto } from './service-gaps.dto.js';
import { ServiceGapsService } from './service-gaps.service.js';

/** Service gaps and their NHS 5x5 risk; written by an admin or the owning body's chair or lead. */
@ApiTags('priorities')
@Controller()
export class ServiceGapsController {
  constructor(
    @Inject(ServiceGapsService) private readonly gaps: ServiceGapsService,
    @Inject(OwnerAccessService) private readonly access: OwnerAccessService,
  ) {}

  @Post('service-gaps')
  @Roles(...WRITERS)
  async raiseGap(@Body() dto: RaiseGapDto, @CurrentUser() principal: Principal) {
    await this.access.assertMayWrite(principal, dto.bodyId);
    return this.gaps.raise(dto);
  }

  @Get('service-gaps/:id')
  @Roles(...READERS)
  getGap(@Param('id', ParseUuidPipe) id: string) {
    return this.gaps.get(id);
  }

  @Post('service-gaps/:id/rescore')
  @HttpCode(200)
  @Roles(...WRITERS)
  async rescore(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RescoreDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.gaps.get(id)).bodyId);
    return this.gaps.rescore(id, dto);
  }

  @Post('service-gaps/:id/status')
  @HttpCode(200)
  @Roles(...WRITERS)
  async gapStatus(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: GapStatusDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.gaps.get(id)).bodyId);
    return this.gaps.setStatus(id, dto.status);
  }
}
