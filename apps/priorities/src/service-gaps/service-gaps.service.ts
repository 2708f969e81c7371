import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '#platform';
import type { RaiseGapDto, RescoreDto, RiskDto } from './service-gaps.dto.js';
import { riskScore, type RiskScore } from './risk.js';
import { ServiceGap } from './service-gap.entity.js';
import { PrioritiesPublisher } from '../priorities.publisher.js';

const score = (risk: RiskDto): RiskScore => riskScore(risk.likelihood, risk.consequence);

@Injectable()
export class ServiceGapsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrioritiesPublisher) private readonly events: PrioritiesPublisher,
  ) {}

  async raise(dto: RaiseGapDto): Promise<ServiceGap> {
    return this.dataSource.transaction(async (manager) => {
      const gap = manager.create(ServiceGap, {
        id: randomUUID(),
        bodyId: dto.bodyId,
        description: dto.description,
        population: dto.population ?? null,
        organisationsAffected: dto.organisationsAffected ?? [],
        initialRisk: score(dto.initialRisk),
        currentRisk: score(dto.currentRisk ?? dto.initialRisk),
        targetRisk: score(dto.targetRisk),
        controls: (dto.controls ?? []).map((c) => ({
          description: c.description,
          ownerMemberId: c.ownerMemberId ?? null,
          dueOn: c.dueOn ?? null,
        })),
        status: 'open',
      });
      await manager.insert(ServiceGap, gap);
      await this.events.publish(manager, 'priorities.service-gap-raised.v1', {
        gapId: gap.id,
        bodyId: gap.bodyId,
        description: gap.description,
        initialRisk: gap.initialRisk,
        currentRisk: gap.currentRisk,
        targetRisk: gap.targetRisk,
      });
      return gap;
    });
  }

  /** A new current risk; the same score again is no change and no event. */
  async rescore(id: string, dto: RescoreDto): Promise<ServiceGap> {
    return this.dataSource.transaction(async (manager) => {
      const gap = await manager.findOne(ServiceGap, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!gap) {
        throw notFound('Service gap', id);
      }
      const currentRisk = score(dto.currentRisk);
      if (
        currentRisk.likelihood === gap.currentRisk.likelihood &&
        currentRisk.consequence === gap.currentRisk.consequence
      ) {
        return gap;
      }
      const previousRisk = gap.currentRisk;
      gap.currentRisk = currentRisk;
      await manager.save(ServiceGap, gap);
      await this.events.publish(manager, 'priorities.risk-rescored.v1', {
        gapId: id,
        bodyId: gap.bodyId,
        previousRisk,
        currentRisk,
        reason: dto.reason,
      });
      return gap;
    });
  }

  /** Open, mitigated (controls in place) or closed. */
  async setStatus(id: string, status: ServiceGap['status']): Promise<ServiceGap> {
    const gap = await this.get(id);
    gap.status = status;
    return this.events.audited(this.dataSource, 'priorities.service-gap-status-set', (manager) =>
      manager.save(ServiceGap, gap),
    );
  }

  async get(id: string): Promise<ServiceGap> {
    const gap = await this.dataSource.manager.findOneBy(ServiceGap, { id });
    if (!gap) {
      throw notFound('Service gap', id);
    }
    return gap;
  }

  forBody(bodyId: string): Promise<ServiceGap[]> {
    return this.dataSource.manager.find(ServiceGap, {
      where: { bodyId },
      order: { createdAt: 'ASC' },
    });
  }
}
