import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG, notFound } from '#platform';
import { MemberView } from '#membership-view';
import type { MeetingsConfig } from '../config.js';
import { MeetingsPublisher } from '../meetings.publisher.js';
import { CalendarSubscription } from './calendar-subscription.entity.js';

/** A token as issued: 32 random bytes, base64url without padding. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface IssuedSubscription {
  /** The feed's address for a calendar app: whoever holds it reads the member's meetings. */
  url: string;
  createdAt: Date;
}

/**
 * Per-member calendar subscription URLs: issued to the member, looked up by the hash of their
 * token, revoked on request or when a new one is issued.
 */
@Injectable()
export class CalendarSubscriptionsService {
  private readonly baseUrl: string;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: MeetingsConfig,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
  ) {
    this.baseUrl = (config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, '');
  }

  /** A new subscription URL for the member; the one they had stops working. */
  async issue(memberId: string): Promise<IssuedSubscription> {
    return this.dataSource.transaction(async (manager) => {
      // Locking the member serialises two issues at once, so each revokes what came before.
      const member = await manager.findOne(MemberView, {
        where: { id: memberId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) {
        throw notFound('Member', memberId);
      }
      await this.revokeLive(manager, memberId);
      const token = randomBytes(32).toString('base64url');
      const subscription = manager.create(CalendarSubscription, {
        id: randomUUID(),
        memberId,
        tokenHash: hashOf(token),
        revokedAt: null,
      });
      await manager.insert(CalendarSubscription, subscription);
      await this.events.audit(manager, {
        action: 'meetings.calendar-subscription-issued',
        changes: { memberId, subscriptionId: subscription.id },
      });
      const { createdAt } = await manager.findOneByOrFail(CalendarSubscription, {
        id: subscription.id,
      });
      return { url: `${this.baseUrl}/calendar-subscriptions/${token}/calendar.ics`, createdAt };
    });
  }

  /** Revokes the member's subscription URL, if they have one. */
  async revoke(memberId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.revokeLive(manager, memberId);
      await this.events.audit(manager, {
        action: 'meetings.calendar-subscription-revoked',
        changes: { memberId },
      });
    });
  }

  /** The member whose live subscription `token` is; undefined for any other string. */
  async memberOf(token: string): Promise<string | undefined> {
    if (!TOKEN.test(token)) {
      return undefined;
    }
    const subscription = await this.dataSource.manager.findOneBy(CalendarSubscription, {
      tokenHash: hashOf(token),
      revokedAt: IsNull(),
    });
    return subscription?.memberId;
  }

  private async revokeLive(manager: EntityManager, memberId: string): Promise<void> {
    await manager.update(
      CalendarSubscription,
      { memberId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }
}
