import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { organisationCodeSystem } from '#contracts';
import { Alliance } from '../alliances/alliance.entity.js';
import type {
  ListOrganisationsQuery,
  RegisterOrganisationDto,
  UpdateOrganisationDto,
} from './organisations.dto.js';
import { Organisation } from './organisation.entity.js';
import { ConflictError, invalidField, notFound, type Page } from '#platform';
import { MembershipPublisher } from '../membership.publisher.js';

function organisationState(organisation: Organisation) {
  return {
    odsCode: organisation.odsCode,
    name: organisation.name,
    type: organisation.type,
    allianceId: organisation.allianceId,
    codeSystem: organisationCodeSystem(organisation.odsCode),
  };
}

@Injectable()
export class OrganisationsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MembershipPublisher) private readonly events: MembershipPublisher,
  ) {}

  async register(dto: RegisterOrganisationDto): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      if (dto.allianceId && !(await manager.existsBy(Alliance, { id: dto.allianceId }))) {
        throw invalidField('allianceId', `No alliance ${dto.allianceId}`);
      }
      if (await manager.existsBy(Organisation, { odsCode: dto.odsCode })) {
        throw new ConflictError(`Organisation ${dto.odsCode} is already registered`);
      }
      const organisation = manager.create(Organisation, {
        ...dto,
        allianceId: dto.allianceId ?? null,
      });
      await manager.insert(Organisation, organisation);
      await this.events.publish(
        manager,
        'membership.organisation-registered.v1',
        organisationState(organisation),
      );
      return manager.findOneByOrFail(Organisation, { odsCode: organisation.odsCode });
    });
  }

  /** Renames an organisation or moves it to an alliance; its ODS code and type are its identity. */
  async update(odsCode: string, dto: UpdateOrganisationDto): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await manager.findOne(Organisation, {
        where: { odsCode: odsCode.toUpperCase() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!organisation) {
        throw notFound('Organisation', odsCode);
      }
      if (dto.allianceId && !(await manager.existsBy(Alliance, { id: dto.allianceId }))) {
        throw invalidField('allianceId', `No alliance ${dto.allianceId}`);
      }
      organisation.name = dto.name ?? organisation.name;
      if (dto.allianceId !== undefined) {
        organisation.allianceId = dto.allianceId;
      }
      await manager.save(Organisation, organisation);
      await this.events.publish(
        manager,
        'membership.organisation-updated.v1',
        organisationState(organisation),
      );
      return organisation;
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
