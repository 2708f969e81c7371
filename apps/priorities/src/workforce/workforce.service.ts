import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, notFound } from '#platform';
import type { ChangeWorkforceStatusDto, RaiseWorkforceRecommendationDto } from './workforce.dto.js';
import { WorkforceRecommendation } from './workforce-recommendation.entity.js';
import { workforceTransitionProblem } from './workforce-status.js';
import { PrioritiesPublisher } from '../priorities.publisher.js';

@Injectable()
export class WorkforceService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrioritiesPublisher) private readonly events: PrioritiesPublisher,
  ) {}

  async raise(dto: RaiseWorkforceRecommendationDto): Promise<WorkforceRecommendation> {
    return this.dataSource.transaction(async (manager) => {
      const recommendation = manager.create(WorkforceRecommendation, {
        id: randomUUID(),
        bodyId: dto.bodyId,
        staffGroup: dto.staffGroup,
        shortfallWte: dto.shortfallWte.toFixed(2),
        recommendation: dto.recommendation,
        estimatedCost: dto.estimatedCost === undefined ? null : dto.estimatedCost.toFixed(2),
        fundingNeeded: dto.fundingNeeded,
        status: 'proposed',
      });
      await manager.insert(WorkforceRecommendation, recommendation);
      await this.events.publish(manager, 'priorities.workforce-recommendation-raised.v1', {
        recommendationId: recommendation.id,
        bodyId: dto.bodyId,
        staffGroup: dto.staffGroup,
        shortfallWte: dto.shortfallWte,
        estimatedCost: dto.estimatedCost ?? null,
        fundingNeeded: dto.fundingNeeded,
      });
      return recommendation;
    });
  }

  async changeStatus(id: string, dto: ChangeWorkforceStatusDto): Promise<WorkforceRecommendation> {
    return this.dataSource.transaction(async (manager) => {
      const recommendation = await manager.findOne(WorkforceRecommendation, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!recommendation) {
        throw notFound('Workforce recommendation', id);
      }
      const problem = workforceTransitionProblem(recommendation.status, dto.status);
      if (problem) {
        throw new ConflictError(problem);
      }
      const from = recommendation.status;
      recommendation.status = dto.status;
      await manager.save(WorkforceRecommendation, recommendation);
      await this.events.publish(manager, 'priorities.workforce-recommendation-status-changed.v1', {
        recommendationId: id,
        bodyId: recommendation.bodyId,
        from,
        to: dto.status,
      });
      return recommendation;
    });
  }

  async get(id: string): Promise<WorkforceRecommendation> {
    const recommendation = await this.dataSource.manager.findOneBy(WorkforceRecommendation, { id });
    if (!recommendation) {
      throw notFound('Workforce recommendation', id);
    }
    return recommendation;
  }

  forBody(bodyId: string): Promise<WorkforceRecommendation[]> {
    return this.dataSource.manager.find(WorkforceRecommendation, {
      where: { bodyId },
      order: { createdAt: 'ASC' },
    });
  }
}
