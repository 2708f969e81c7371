import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Alliance } from './alliance.entity.js';
import type {
  ListAlliancesQuery,
  RegisterAllianceDto,
  UpdateAllianceDto,
} from './alliances.dto.js';
import { ConflictError, notFound, type Page } from '#platform';
import { MembershipPublisher } from '../membership.publisher.js';

function allianceState(alliance: Alliance) {
  return {
    allianceId: alliance.id,
    code: alliance.code,
    name: alliance.name,
    nation: alliance.nation,
    kind: alliance.kind,
  };
}

@Injectable()
export class AlliancesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MembershipPublisher) private readonly events: MembershipPublisher,
  ) {}

  async register(dto: RegisterAllianceDto): Promise<Alliance> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Alliance, { code: dto.code })) {
        throw new ConflictError(`An alliance with code ${dto.code} is already registered`);
      }
      const alliance = manager.create(Alliance, { id: randomUUID(), ...dto });
      await manager.insert(Alliance, alliance);
      await this.events.publish(
        manager,
        'membership.alliance-registered.v1',
        allianceState(alliance),
      );
      return manager.findOneByOrFail(Alliance, { id: alliance.id });
    });
  }

  /** Renames an alliance; its code, nation and kind are its identity and do not change. */
  async update(id: string, dto: UpdateAllianceDto): Promise<Alliance> {
    return this.dataSource.transaction(async (manager) => {
      const alliance = await manager.findOne(Alliance, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!alliance) {
        throw notFound('Alliance', id);
      }
      alliance.name = dto.name ?? alliance.name;
      await manager.save(Alliance, alliance);
      await this.events.publish(manager, 'membership.alliance-updated.v1', allianceState(alliance));
      return alliance;
    });
  }

  async get(id: string): Promise<Alliance> {
    const alliance = await this.dataSource.manager.findOneBy(Alliance, { id });
    if (!alliance) {
      throw notFound('Alliance', id);
    }
    return alliance;
  }

  async list(query: ListAlliancesQuery): Promise<Page<Alliance>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Alliance, {
      where: query.nation ? { nation: query.nation } : {},
      order: { name: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
