import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal, ParseUuidPipe } from '#platform';
import { OwnerAccessService } from '../common/owner-access.service.js';
import { WRITERS } from '../common/roles.js';
import { ChangeWorkforceStatusDto, RaiseWorkforceRecommendationDto } from './workforce.dto.js';
import { WorkforceService } from './workforce.service.js';

/** Workforce recommendations; written by an admin or the owning body's chair or lead. */
@ApiTags('registers')
@Controller()
export class WorkforceController {
  constructor(
    @Inject(WorkforceService) private readonly workforce: WorkforceService,
    @Inject(OwnerAccessService) private readonly access: OwnerAccessService,
  ) {}

  @Post('workforce-recommendations')
  @Roles(...WRITERS)
  async raiseRecommendation(
    @Body() dto: RaiseWorkforceRecommendationDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, dto.bodyId);
    return this.workforce.raise(dto);
  }

  /** Endorsed, rejected, funded, implemented: in that order only (409 otherwise). */
  @Post('workforce-recommendations/:id/status')
  @HttpCode(200)
  @Roles(...WRITERS)
  async changeRecommendationStatus(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ChangeWorkforceStatusDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.access.assertMayWrite(principal, (await this.workforce.get(id)).bodyId);
    return this.workforce.changeStatus(id, dto);
  }
}
