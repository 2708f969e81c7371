import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Alliance } from '../alliances/alliance.entity.js';
import { invalidField, notFound } from '../common/field-errors.js';
import { EventPublisher, type MembershipPublisher } from '../common/membership-events.js';
import type { Page } from '../common/page.js';
import type { ListOrganisationsQuery, RegisterOrganisationDto } from './dto.js';
import { Organisation } from './organisation.entity.js';

@Injectable()
export class OrganisationsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EventPublisher) private readonly events: MembershipPublisher,
  ) {}

  async register(dto: RegisterOrganisationDto): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      if (dto.allianceId && !(await manager.existsBy(Alliance, { id: dto.allianceId }))) {
        throw invalidField('allianceId', `No alliance ${dto.allianceId}`);
      }
      if (await manager.existsBy(Organisation, { odsCode: dto.odsCode })) {
        throw new ConflictException(`Organisation ${dto.odsCode} is already registered`);
      }
      const organisation = manager.create(Organisation, {
        ...dto,
        allianceId: dto.allianceId ?? null,
      });
      await manager.insert(Organisation, organisation);
      await this.events.publish(
        manager,
        'membership.organisation-registered.v1',
        {
          odsCode: organisation.odsCode,
          name: organisation.name,
          type: organisation.type,
          allianceId: organisation.allianceId,
        },
        { subject: organisation.odsCode },
      );
      return manager.findOneByOrFail(Organisation, { odsCode: organisation.odsCode });
    });
  }

  async get(odsCode: string): Promise<Organisation> {
    const organisation = await this.dataSource.manager.findOneBy(Organisation, {
      odsCode: odsCode.toUpperCase(),
    });
    if (!organisation) {
      throw notFound('Organisation', odsCode);
    }
    return organisation;
  }

  async list(query: ListOrganisationsQuery): Promise<Page<Organisation>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Organisation, {
      where: {
        ...(query.type ? { type: query.type } : {}),
        ...(query.allianceId ? { allianceId: query.allianceId } : {}),
      },
      order: { odsCode: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
