import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  PageQuery,
  RefusedError,
  Roles,
  type Principal,
  ParseUuidPipe,
} from '#platform';
import { DailyDigestService } from './daily-digest.service.js';
import { InboxService } from './inbox.service.js';
import { PreferenceDto, WebhookSecretDto } from './notifications.dto.js';

function memberOf(principal: Principal): string {
  if (!principal.memberId) {
    throw new RefusedError('The inbox belongs to a member: the token names none');
  }
  return principal.memberId;
}

/** A member's in-app inbox and how they want to be told. */
@ApiTags('notifications')
@Controller()
export class InboxController {
  constructor(
    @Inject(InboxService) private readonly inboxes: InboxService,
    @Inject(DailyDigestService) private readonly digest: DailyDigestService,
  ) {}

  /** Sends the daily digest now. */
  @Post('admin/digest')
  @HttpCode(200)
  @Roles('admin')
  runDigest() {
    return this.digest.run();
  }

  @Get('inbox')
  @Roles('admin', 'clinician')
  inbox(@Query() page: PageQuery, @CurrentUser() principal: Principal) {
    return this.inboxes.inbox(memberOf(principal), page);
  }

  @Post('inbox/:id/read')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  markRead(@Param('id', ParseUuidPipe) id: string, @CurrentUser() principal: Principal) {
    return this.inboxes.markRead(id, memberOf(principal));
  }

  @Get('members/:memberId/preferences')
  @Roles('admin', 'clinician')
  preferences(
    @Param('memberId', ParseUuidPipe) memberId: string,
    @CurrentUser() principal: Principal,
  ) {
    assertSelfOrAdmin(memberId, principal);
    return this.inboxes.preferences(memberId);
  }

  @Put('members/:memberId/preferences')
  @Roles('admin', 'clinician')
  setPreferences(
    @Param('memberId', ParseUuidPipe) memberId: string,
    @Body() dto: PreferenceDto,
    @CurrentUser() principal: Principal,
  ) {
    assertSelfOrAdmin(memberId, principal);
    return this.inboxes.setPreferences(memberId, dto);
  }

  /** A new signing secret for the member's webhook, shown once; the old one stops working. */
  @Post('members/:memberId/webhook-secret')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  @ApiOkResponse({ type: WebhookSecretDto })
  rotateWebhookSecret(
    @Param('memberId', ParseUuidPipe) memberId: string,
    @CurrentUser() principal: Principal,
  ) {
    assertSelfOrAdmin(memberId, principal);
    return this.inboxes.rotateWebhookSecret(memberId);
  }
}

function assertSelfOrAdmin(memberId: string, principal: Principal): void {
  if (!principal.roles.includes('admin') && principal.memberId !== memberId) {
    throw new RefusedError("Only the member or an admin sees or sets a member's preferences");
  }
}
