import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { invalidField, notFound, schemaOf } from '#platform';
import { PrioritiesPublisher } from '../priorities.publisher.js';
import { MeasureSet } from './measure-set.entity.js';
import type { CreateMeasureSetDto } from './measure-sets.dto.js';

/** Versions of the quality measure sets: data an admin publishes, never edited once there. */
@Injectable()
export class MeasureSetsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrioritiesPublisher) private readonly events: PrioritiesPublisher,
  ) {}

  /** The next version of the set named by `code` (version 1 of a new one). */
  async publish(dto: CreateMeasureSetDto, createdBy: string): Promise<MeasureSet> {
    const seen = new Set<string>();
    dto.measures.forEach((measure, index) => {
      if (seen.has(measure.id)) {
        throw invalidField(`measures.${index}.id`, `${measure.id} is given more than once`);
      }
      seen.add(measure.id);
    });
    return this.dataSource.transaction(async (manager) => {
      // Two publishers of one set at once must not both take the next number.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `${schemaOf(this.dataSource)}:measure-set:${dto.code}`,
      ]);
      const [latest] = await manager.find(MeasureSet, {
        where: { code: dto.code },
        order: { version: 'DESC' },
        take: 1,
      });
      const set = manager.create(MeasureSet, {
        id: randomUUID(),
        code: dto.code,
        version: (latest?.version ?? 0) + 1,
        title: dto.title,
        measures: dto.measures.map(({ id, text, evidence }) => ({ id, text, evidence })),
        createdBy,
      });
      await manager.insert(MeasureSet, set);
      await this.events.audit(manager, {
        action: 'priorities.measure-set-published',
        changes: { id: set.id, code: set.code, version: set.version },
      });
      return set;
    });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<MeasureSet> {
    const set = await manager.findOneBy(MeasureSet, { id });
    if (!set) {
      throw notFound('Measure set', id);
    }
    return set;
  }

  byIds(ids: readonly string[]): Promise<MeasureSet[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.dataSource.manager.findBy(MeasureSet, { id: In([...ids]) });
  }

  /** Every version, of one set when `code` is given: by code, newest version first. */
  list(code?: string): Promise<MeasureSet[]> {
    return this.dataSource.manager.find(MeasureSet, {
      where: code === undefined ? {} : { code },
      order: { code: 'ASC', version: 'DESC' },
    });
  }
}

/** How a set is named in messages: `lung v2`. */
export const setName = (set: Pick<MeasureSet, 'code' | 'version'>): string =>
  `${set.code} v${set.version}`;
