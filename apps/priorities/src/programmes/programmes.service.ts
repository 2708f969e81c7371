import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BodyView } from '#membership-view';
import { ConflictError, invalidField, type Page, type PageQuery } from '#platform';
import { Programme } from './programme.entity.js';
import type { CreateProgrammeDto } from './programmes.dto.js';
import { PrioritiesPublisher } from '../priorities.publisher.js';

/** Each alliance's work programmes over delivery years; no events, just the register (and the audit log). */
@Injectable()
export class ProgrammesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrioritiesPublisher) private readonly events: PrioritiesPublisher,
  ) {}

  /** The alliance must be known from membership; one programme of a name per alliance. */
  async create(dto: CreateProgrammeDto): Promise<Programme> {
    if (!(await this.dataSource.manager.existsBy(BodyView, { allianceId: dto.allianceId }))) {
      throw invalidField('allianceId', `No alliance ${dto.allianceId} is known from membership`);
    }
    if (dto.lastYear < dto.firstYear) {
      throw invalidField('lastYear', 'lastYear comes on or after firstYear');
    }
    if (
      await this.dataSource.manager.existsBy(Programme, {
        allianceId: dto.allianceId,
        name: dto.name,
      })
    ) {
      throw new ConflictError('The alliance already has a programme with this name');
    }
    const programme = this.dataSource.manager.create(Programme, {
      id: randomUUID(),
      ...dto,
      intendedOutcomes: dto.intendedOutcomes ?? [],
    });
    return this.events.audited(this.dataSource, 'priorities.programme-created', (manager) =>
      manager.save(Programme, programme),
    );
  }

  /** A page of the alliance's programmes, by first delivery year. */
  async forAlliance(allianceId: string, page: PageQuery): Promise<Page<Programme>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Programme, {
      where: { allianceId },
      order: { firstYear: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total, limit: page.limit, offset: page.offset };
  }
}
