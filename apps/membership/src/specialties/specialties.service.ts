import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError } from '#platform';
import type { AddSpecialtyDto } from './specialties.dto.js';
import { Specialty } from './specialty.entity.js';
import { MembershipPublisher } from '../membership.publisher.js';

/** The standard list of tumour sites and cross-cutting areas, which admins may extend. */
@Injectable()
export class SpecialtiesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MembershipPublisher) private readonly events: MembershipPublisher,
  ) {}

  list(): Promise<Specialty[]> {
    return this.dataSource.manager.find(Specialty, { order: { kind: 'DESC', name: 'ASC' } });
  }

  async add(dto: AddSpecialtyDto): Promise<Specialty> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Specialty, { code: dto.code })) {
        throw new ConflictError(`Specialty ${dto.code} exists`);
      }
      await manager.insert(Specialty, dto);
      await this.events.audit(manager, {
        action: 'membership.specialty-added',
        changes: { ...dto },
        targets: [dto.code],
      });
      return manager.findOneByOrFail(Specialty, { code: dto.code });
    });
  }
}
