import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { Clock, invalidField, notFound, type Page, type PageQuery } from '#platform';
import { DEFAULT_CHANNELS, MemberPreference } from './member-preference.entity.js';
import { Notification } from './notification.entity.js';
import type { PreferenceDto } from './notifications.dto.js';

/** A member's in-app inbox and their preferences; the caller checks it may act for the member. */
@Injectable()
export class InboxService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async inbox(memberId: string, page: PageQuery): Promise<Page<Notification> & { unread: number }> {
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

  async markRead(id: string, memberId: string): Promise<Notification> {
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

  /** A member's preferences (the defaults when they set none), without the webhook secret. */
  async preferences(memberId: string) {
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

  async setPreferences(memberId: string, dto: PreferenceDto) {
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
    return this.preferences(memberId);
  }
}
