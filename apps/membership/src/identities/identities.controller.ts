import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AllowUnlinked, CurrentUser, type Principal, Roles, ParseUuidPipe } from '#platform';
import { LinkIdentityDto } from './identities.dto.js';
import { IdentitiesService, type Me } from './identities.service.js';
import type { MemberIdentity } from './member-identity.entity.js';

@ApiTags('members')
@Controller()
export class IdentitiesController {
  constructor(@Inject(IdentitiesService) private readonly identities: IdentitiesService) {}

  /** Who the caller is; a member's first sign-in links them by their verified e-mail address. */
  @Get('me')
  @AllowUnlinked()
  @Roles('admin', 'clinician')
  me(@CurrentUser() principal: Principal): Promise<Me> {
    return this.identities.me(principal);
  }

  // Not paged: one member's sign-in accounts, one or two per identity provider.
  @Get('members/:id/identities')
  @Roles('admin')
  list(@Param('id', ParseUuidPipe) id: string): Promise<MemberIdentity[]> {
    return this.identities.list(id);
  }

  /** Links an identity provider's account to a member, for those e-mail cannot link. */
  @Post('members/:id/identities')
  @Roles('admin')
  link(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: LinkIdentityDto,
  ): Promise<MemberIdentity> {
    return this.identities.link(id, dto.issuer, dto.subject);
  }

  @Post('members/:id/identities/unlink')
  @HttpCode(204)
  @Roles('admin')
  async unlink(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: LinkIdentityDto,
  ): Promise<void> {
    await this.identities.unlink(id, dto.issuer, dto.subject);
  }
}
