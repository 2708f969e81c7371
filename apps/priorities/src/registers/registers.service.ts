import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BodyView } from '#membership-view';
import { notFound } from '#platform';
import type { AuditParticipation } from '../audits/audit-participation.entity.js';
import { AuditsService } from '../audits/audits.service.js';
import type { Pathway } from '../pathways/pathway.entity.js';
import { PathwaysService } from '../pathways/pathways.service.js';
import type { ServiceGap } from '../service-gaps/service-gap.entity.js';
import { ServiceGapsService } from '../service-gaps/service-gaps.service.js';
import type { WorkforceRecommendation } from '../workforce/workforce-recommendation.entity.js';
import { WorkforceService } from '../workforce/workforce.service.js';

export interface BodyRegisters {
  serviceGaps: ServiceGap[];
  workforceRecommendations: WorkforceRecommendation[];
  pathways: Pathway[];
  audits: AuditParticipation[];
}

/** What a body is tracking, gathered from the features that keep each register. */
@Injectable()
export class RegistersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ServiceGapsService) private readonly gaps: ServiceGapsService,
    @Inject(WorkforceService) private readonly workforce: WorkforceService,
    @Inject(PathwaysService) private readonly pathways: PathwaysService,
    @Inject(AuditsService) private readonly audits: AuditsService,
  ) {}

  async forBody(bodyId: string): Promise<BodyRegisters> {
    if (!(await this.dataSource.manager.existsBy(BodyView, { id: bodyId }))) {
      throw notFound('Body', bodyId);
    }
    const [serviceGaps, workforceRecommendations, pathways, audits] = await Promise.all([
      this.gaps.forBody(bodyId),
      this.workforce.forBody(bodyId),
      this.pathways.forBody(bodyId),
      this.audits.forBody(bodyId),
    ]);
    return { serviceGaps, workforceRecommendations, pathways, audits };
  }
}
