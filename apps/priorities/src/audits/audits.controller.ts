import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal, ParseUuidPipe } from '#platform';
import { OwnerAccessService } from '../common/owner-access.service.js';
import { WRITERS } from '../common/roles.js';
import { AuditStatusDto, JoinAuditDto } from './audits.dto.js';
import { AuditsService } from './audits.service.js';

/** Clinical audit participation; written by an admin or the owning body's chair or lead. */
@ApiTags('registers')
@Controller()
export class AuditsController {
  constructor(
    @Inject(AuditsService) private readonly audits: AuditsService,
    @Inject(OwnerAccessService) private readonly access: OwnerAccessService,
  ) {}

  @Post('audits')
  @Roles(...WRITERS)
  async joinAudit(@Body() dto: JoinAuditDto, @CurrentUser() principal: Principal) {
    await this.access.assertMayWrite(principal, dto.bodyId);
    return this.audits.join(dto);
  }

  @Post('audits/:id/status')
  @HttpCode(200)
  @Roles(...WRITERS)
  async auditStatus(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: AuditStatusDto,
    @CurrentUser() principal: Principal,
  ) {
    const participation = await this.audits.get(id);
    await this.access.assertMayWrite(principal, participation.bodyId);
    return this.audits.setStatus(participation, dto.status);
  }
}
