import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  ConflictError,
  MemberResolver,
  notFound,
  RefusedError,
  type Principal,
} from '#platform';
import type { MembershipConfig } from '../config.js';
import { Member } from '../members/member.entity.js';
import { MembershipPublisher } from '../membership.publisher.js';
import { MemberIdentity } from './member-identity.entity.js';

export interface Me {
  member: Member;
  linkedBy: MemberIdentity['linkedBy'];
  /** True when this request made the link. */
  linkedNow: boolean;
}

/**
 * Which member an identity provider's account is. An admin links an account to a member; a
 * member signing in for the first time is linked by a verified e-mail address matching their
 * record, where LINK_BY_EMAIL allows it. Every link and unlink is announced, so the other
 * services' copies of membership resolve the same accounts.
 */
@Injectable()
export class IdentitiesService extends MemberResolver {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MembershipPublisher) private readonly events: MembershipPublisher,
    @Inject(APP_CONFIG) private readonly config: MembershipConfig,
  ) {
    super();
  }

  async memberOf(issuer: string, subject: string): Promise<string | undefined> {
    const link = await this.dataSource.manager.findOneBy(MemberIdentity, { issuer, subject });
    return link?.memberId;
  }

  /** The caller's member, linking them by verified e-mail on their first sign-in. */
  async me(principal: Principal): Promise<Me> {
    if (principal.issuer === undefined) {
      throw new RefusedError('Only a token from the identity provider names an account to link');
    }
    const { issuer, sub: subject } = principal;
    return this.dataSource.transaction(async (manager) => {
      const link = await manager.findOneBy(MemberIdentity, { issuer, subject });
      if (link) {
        const member = await manager.findOneByOrFail(Member, { id: link.memberId });
        return { member, linkedBy: link.linkedBy, linkedNow: false };
      }
      const email = principal.email?.trim().toLowerCase();
      const byEmail = this.config.LINK_BY_EMAIL ?? this.config.NODE_ENV !== 'production';
      if (!byEmail || !principal.emailVerified || !email) {
        throw new RefusedError(
          `Your account (${principal.email ?? subject}) is not linked to a member. Ask an admin to link it: POST /members/{id}/identities with {"issuer": "${issuer}", "subject": "${subject}"}`,
        );
      }
      const member = await manager.findOneBy(Member, { email });
      if (!member) {
        throw new RefusedError(
          `No member is registered with ${email}. Ask an admin to register you, or to link your account to your member record`,
        );
      }
      await this.save(manager, member.id, issuer, subject, 'verified-email');
      return { member, linkedBy: 'verified-email' as const, linkedNow: true };
    });
  }

  async link(memberId: string, issuer: string, subject: string): Promise<MemberIdentity> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Member, { id: memberId }))) {
        throw notFound('Member', memberId);
      }
      const existing = await manager.findOneBy(MemberIdentity, { issuer, subject });
      if (existing) {
        if (existing.memberId === memberId) {
          return existing;
        }
        throw new ConflictError(
          `This account is linked to member ${existing.memberId}; unlink it there first`,
        );
      }
      return this.save(manager, memberId, issuer, subject, 'admin');
    });
  }

  async unlink(memberId: string, issuer: string, subject: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = await manager.delete(MemberIdentity, { memberId, issuer, subject });
      if (!removed.affected) {
        throw notFound('Identity of member', memberId);
      }
      await this.events.publish(manager, 'membership.member-identity-unlinked.v1', {
        memberId,
        issuer,
        subject,
      });
    });
  }

  list(memberId: string): Promise<MemberIdentity[]> {
    return this.dataSource.manager.find(MemberIdentity, {
      where: { memberId },
      order: { linkedAt: 'ASC' },
    });
  }

  private async save(
    manager: EntityManager,
    memberId: string,
    issuer: string,
    subject: string,
    linkedBy: MemberIdentity['linkedBy'],
  ): Promise<MemberIdentity> {
    const identity = manager.create(MemberIdentity, { issuer, subject, memberId, linkedBy });
    await manager.insert(MemberIdentity, identity);
    await this.events.publish(manager, 'membership.member-identity-linked.v1', {
      memberId,
      issuer,
      subject,
      linkedBy,
    });
    return identity;
  }
}
