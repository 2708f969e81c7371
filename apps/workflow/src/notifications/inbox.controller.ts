import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource, IsNull } from 'typeorm';
import {
  Clock,
  CurrentUser,
  invalidField,
  notFound,
  PageQuery,
  RefusedError,
  Roles,
  type Page,
  type Principal,
} from '#platform';
import { DailyDigestService } from './daily-digest.service.js';
import { PreferenceDto } from './notifications.dto.js';
import { DEFAULT_CHANNELS, MemberPreference } from './member-preference.entity.js';
import { Notification } from './notification.entity.js';

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
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DailyDigestService) private readonly digest: DailyDigestService,
    @Inject(Clock) private readonly clock: Clock,
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
  async inbox(
    @Query() page: PageQuery,
    @CurrentUser() principal: Principal,
  ): Promise<Page<Notification> & { unread: number }> {
    const memberId = memberOf(principal);
    const manager = this.dataSource.manager;
    const [items, total] = await manager.findAndCount(Notification, {
      where: { memberId, channel: 'inbox' },
      order: { createdAt: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    const unread = await manager.countBy(Notification, {
      memberId,
      channel: 'inbox',
      readAt: IsNull(),
    });
    return { items, total, unread, limit: page.limit, offset: page.offset };
  }

  @Post('inbox/:id/read')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  async markRead(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() principal: Principal) {
    const memberId = memberOf(principal);
    const notification = await this.dataSource.manager.findOneBy(Notification, {
      id,
      memberId,
      channel: 'inbox',
    });
    if (!notification) {
      throw notFound('Inbox message', id);
    }
    notification.readAt ??= this.clock.now();
    return this.dataSource.manager.save(notification);
  }

  @Get('members/:memberId/preferences')
  @Roles('admin', 'clinician')
  async preferences(
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @CurrentUser() principal: Principal,
  ) {
    this.assertSelfOrAdmin(memberId, principal);
    const preference = await this.dataSource.manager.findOneBy(MemberPreference, { memberId });
    const { webhookSecret: _secret, ...shown } = preference ?? {
      memberId,
      channels: [...DEFAULT_CHANNELS],
      digest: false,
      webhookUrl: null,
      webhookSecret: null,
    };
    return shown;
  }

  @Put('members/:memberId/preferences')
  @Roles('admin', 'clinician')
  async setPreferences(
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: PreferenceDto,
    @CurrentUser() principal: Principal,
  ) {
    this.assertSelfOrAdmin(memberId, principal);
    if (dto.channels.includes('webhook') && (!dto.webhookUrl || !dto.webhookSecret)) {
      throw invalidField('webhookUrl', 'the webhook channel needs webhookUrl and webhookSecret');
    }
    await this.dataSource.manager.upsert(
      MemberPreference,
      {
        memberId,
        channels: dto.channels,
        digest: dto.digest,
        webhookUrl: dto.webhookUrl ?? null,
        webhookSecret: dto.webhookSecret ?? null,
      },
      ['memberId'],
    );
    return this.preferences(memberId, principal);
  }

  private assertSelfOrAdmin(memberId: string, principal: Principal): void {
    if (!principal.roles.includes('admin') && principal.memberId !== memberId) {
      throw new RefusedError("Only the member or an admin sees or sets a member's preferences");
    }
  }
}
