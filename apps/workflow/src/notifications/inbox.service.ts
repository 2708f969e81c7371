import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import {
  APP_CONFIG,
  Clock,
  InvalidError,
  invalidField,
  notFound,
  UnprocessableError,
  type Page,
  type PageQuery,
} from '#platform';
import type { WorkflowConfig } from '../config.js';
import { WorkflowPublisher } from '../workflow.publisher.js';
import { DEFAULT_CHANNELS, MemberPreference } from './member-preference.entity.js';
import { Notification } from './notification.entity.js';
import type { PreferenceDto, WebhookSecretDto } from './notifications.dto.js';
import { webhookUrlProblems, type WebhookPolicy } from './webhook-address.js';
import type { WebhookSecretBox } from './webhook-secret-box.js';
import { webhookPolicy, webhookSecretBox } from './webhook-settings.js';
import { newWebhookSecret } from './webhook-signature.js';

/** A member's in-app inbox and their preferences; the caller checks it may act for the member. */
@Injectable()
export class InboxService {
  private readonly webhooks: WebhookPolicy;
  private readonly secrets: WebhookSecretBox;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: WorkflowConfig,
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
  ) {
    this.webhooks = webhookPolicy(config);
    this.secrets = webhookSecretBox(config);
  }

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
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(notification);
      await this.events.audit(manager, {
        action: 'workflow.inbox-message-read',
        changes: { notificationId: saved.id, memberId, readAt: saved.readAt },
      });
      return saved;
    });
  }

  /** A member's preferences (the defaults when they set none); never the webhook secret. */
  async preferences(memberId: string) {
    const preference = await this.dataSource.manager.findOneBy(MemberPreference, { memberId });
    const { webhookSecretSealed: _sealed, ...shown } = preference ?? {
      memberId,
      channels: [...DEFAULT_CHANNELS],
      digest: false,
      webhookUrl: null,
      webhookSecretSealed: null,
    };
    return shown;
  }

  /**
   * Sets a member's preferences. A webhook URL must pass the address policy; a new URL gets a
   * new signing secret, returned this once (the same URL keeps its secret).
   */
  async setPreferences(memberId: string, dto: PreferenceDto) {
    if (dto.channels.includes('webhook') && !dto.webhookUrl) {
      throw invalidField('webhookUrl', 'the webhook channel needs a webhookUrl');
    }
    if (dto.webhookUrl) {
      const problems = await webhookUrlProblems(dto.webhookUrl, this.webhooks);
      if (problems.length > 0) {
        throw new InvalidError([{ field: 'webhookUrl', messages: problems }]);
      }
    }
    const current = await this.dataSource.manager.findOneBy(MemberPreference, { memberId });
    const keeps = Boolean(
      dto.webhookUrl && current?.webhookUrl === dto.webhookUrl && current.webhookSecretSealed,
    );
    const issued = dto.webhookUrl && !keeps ? newWebhookSecret() : undefined;
    const preference = {
      memberId,
      channels: dto.channels,
      digest: dto.digest,
      webhookUrl: dto.webhookUrl ?? null,
    };
    // The audit log says a secret was issued, never which.
    await this.events.audited(this.dataSource, 'workflow.preferences-set', async (manager) => {
      await manager.upsert(
        MemberPreference,
        {
          ...preference,
          webhookSecretSealed: issued
            ? this.secrets.seal(issued, memberId)
            : keeps
              ? current!.webhookSecretSealed
              : null,
        },
        ['memberId'],
      );
      return { ...preference, webhookSecretIssued: issued !== undefined };
    });
    const shown = await this.preferences(memberId);
    return issued ? { ...shown, webhookSecret: issued } : shown;
  }

  /** A new signing secret for the member's webhook, shown this once; the old one stops working. */
  async rotateWebhookSecret(memberId: string): Promise<WebhookSecretDto> {
    const preference = await this.dataSource.manager.findOneBy(MemberPreference, { memberId });
    if (!preference?.webhookUrl) {
      throw new UnprocessableError('The member has no webhook: set a webhookUrl first');
    }
    const webhookSecret = newWebhookSecret();
    await this.events.audited(
      this.dataSource,
      'workflow.webhook-secret-rotated',
      async (manager) => {
        await manager.update(
          MemberPreference,
          { memberId },
          { webhookSecretSealed: this.secrets.seal(webhookSecret, memberId) },
        );
        return { memberId };
      },
    );
    return { webhookSecret };
  }
}
