import { Inject, Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntityTarget,
  type FindOptionsOrder,
  type FindOptionsWhere,
} from 'typeorm';
import { BodyView } from '#membership-view';
import { notFound, type Page, type PageQuery } from '#platform';
import { AuditParticipation } from '../audits/audit-participation.entity.js';
import { Pathway } from '../pathways/pathway.entity.js';
import { ServiceGap } from '../service-gaps/service-gap.entity.js';
import { WorkforceRecommendation } from '../workforce/workforce-recommendation.entity.js';

/** Each register a page of it, oldest entry first. */
export interface BodyRegisters {
  serviceGaps: Page<ServiceGap>;
  workforceRecommendations: Page<WorkforceRecommendation>;
  pathways: Page<Pathway>;
  audits: Page<AuditParticipation>;
}

/** An entry of a body's register. */
interface RegisterEntry {
  id: string;
  bodyId: string;
  createdAt: Date;
}

/**
 * What a body is tracking, read from the tables of the features that keep each register: one
 * page of each (the same `limit` and `offset` for all four), so a body with years of entries
 * answers as fast as a new one.
 */
@Injectable()
export class RegistersService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async forBody(bodyId: string, page: PageQuery): Promise<BodyRegisters> {
    if (!(await this.dataSource.manager.existsBy(BodyView, { id: bodyId }))) {
      throw notFound('Body', bodyId);
    }
    const [serviceGaps, workforceRecommendations, pathways, audits] = await Promise.all([
      this.page(ServiceGap, bodyId, page),
      this.page(WorkforceRecommendation, bodyId, page),
      this.page(Pathway, bodyId, page),
      this.page(AuditParticipation, bodyId, page),
    ]);
    return { serviceGaps, workforceRecommendations, pathways, audits };
  }

  private async page<T extends RegisterEntry>(
    entity: EntityTarget<T>,
    bodyId: string,
    page: PageQuery,
  ): Promise<Page<T>> {
    const [items, total] = await this.dataSource.manager.findAndCount(entity, {
      where: { bodyId } as FindOptionsWhere<T>,
      order: { createdAt: 'ASC', id: 'ASC' } as FindOptionsOrder<T>,
      take: page.limit,
      skip: page.offset,
    });
    return { items, total, limit: page.limit, offset: page.offset };
  }
}
