import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import type { ListMembersQuery, RegisterMemberDto, UpdateMemberDto } from './members.dto.js';
import { Member } from './member.entity.js';
import { memberState } from './member-state.js';
import { registrationProblem } from './professional-registration.js';
import { ConflictError, invalidField, notFound, type Page, type Principal } from '#platform';
import { MembershipPublisher } from '../membership.publisher.js';
import {
  type MemberWithoutPersonalData,
  PersonalDataPolicy,
  withoutPersonalData,
} from './personal-data.policy.js';

/** A member as one reader sees them: with or without their personal data. */
export type MemberAsRead = Member | MemberWithoutPersonalData;

@Injectable()
export class MembersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MembershipPublisher) private readonly events: MembershipPublisher,
    @Inject(PersonalDataPolicy) private readonly personalData: PersonalDataPolicy,
  ) {}

  async register(dto: RegisterMemberDto): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      const member = manager.create(Member, {
        id: randomUUID(),
        name: dto.name,
        email: dto.email,
        profession: dto.profession,
        organisationOdsCode: dto.organisationOdsCode ?? null,
        registrationRegister: dto.registration?.register ?? null,
        registrationNumber: dto.registration?.number ?? null,
      });
      await this.check(manager, member);
      await manager.insert(Member, member);
      await this.events.publish(manager, 'membership.member-registered.v1', memberState(member));
      return manager.findOneByOrFail(Member, { id: member.id });
    });
  }

  async update(id: string, dto: UpdateMemberDto): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(Member, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) {
        throw notFound('Member', id);
      }
      Object.assign(member, {
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(dto.email !== undefined ? { email: dto.email } : {}),
        ...(dto.profession !== undefined ? { profession: dto.profession } : {}),
        ...(dto.organisationOdsCode !== undefined
          ? { organisationOdsCode: dto.organisationOdsCode }
          : {}),
        ...(dto.registration !== undefined
          ? {
              registrationRegister: dto.registration?.register ?? null,
              registrationNumber: dto.registration?.number ?? null,
            }
          : {}),
      });
      await this.check(manager, member);
      await manager.save(Member, member);
      await this.events.publish(manager, 'membership.member-updated.v1', memberState(member));
      return manager.findOneByOrFail(Member, { id });
    });
  }

  async get(id: string): Promise<Member> {
    const member = await this.dataSource.manager.findOneBy(Member, { id });
    if (!member) {
      throw notFound('Member', id);
    }
    return member;
  }

  /** The member, without their personal data unless `reader` may see it. */
  async read(id: string, reader: Principal): Promise<MemberAsRead> {
    const [member] = await this.asReadBy(reader, [await this.get(id)]);
    return member!;
  }

  /** Members by organisation, profession and name; e-mail matches only where `reader` sees it. */
  async list(query: ListMembersQuery, reader: Principal): Promise<Page<MemberAsRead>> {
    const builder = this.dataSource.manager
      .createQueryBuilder(Member, 'm')
      .orderBy('m.name')
      .take(query.limit)
      .skip(query.offset);
    if (query.organisation) {
      builder.andWhere('m.organisation_ods_code = :organisation', {
        organisation: query.organisation,
      });
    }
    if (query.profession) {
      builder.andWhere('m.profession = :profession', { profession: query.profession });
    }
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const mayMatchEmail = this.personalData.visibleCondition(builder, 'm', reader);
      builder.andWhere(
        new Brackets((q) =>
          q
            .where('m.name ILIKE :like', { like })
            .orWhere(`(m.email ILIKE :like AND ${mayMatchEmail})`, { like }),
        ),
      );
    }
    const [items, total] = await builder.getManyAndCount();
    return {
      items: await this.asReadBy(reader, items),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  private async asReadBy(reader: Principal, members: Member[]): Promise<MemberAsRead[]> {
    const visible = await this.personalData.visibleTo(
      reader,
      members.map((member) => member.id),
    );
    return members.map((member) => (visible.has(member.id) ? member : withoutPersonalData(member)));
  }

  private async check(manager: EntityManager, member: Member): Promise<void> {
    if (member.registrationRegister && member.registrationNumber) {
      const problem = registrationProblem(
        member.registrationRegister,
        member.registrationNumber,
        member.profession,
      );
      if (problem) {
        throw invalidField(problem.field, problem.message);
      }
    }
    if (
      member.organisationOdsCode &&
      !(await manager.existsBy(Organisation, { odsCode: member.organisationOdsCode }))
    ) {
      throw invalidField(
        'organisationOdsCode',
        `No organisation with ODS code ${member.organisationOdsCode}`,
      );
    }
    const sameEmail = await manager.findOneBy(Member, { email: member.email });
    if (sameEmail && sameEmail.id !== member.id) {
      throw new ConflictError(`A member with e-mail ${member.email} is already registered`);
    }
  }
}
