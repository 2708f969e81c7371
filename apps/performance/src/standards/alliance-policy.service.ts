import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { invalidField, notFound } from '#platform';
import { PerformancePublisher } from '../performance.publisher.js';
import { AllianceRef } from '../reference/alliance-ref.entity.js';
import { AlliancePolicy, type BreachBasis, type FiguresBasis } from './alliance-policy.entity.js';
import type { AlliancePolicyDto } from './standards.dto.js';

export interface AlliancePolicyView {
  allianceId: string;
  /** In force for the current month. */
  breachBasis: BreachBasis;
  figuresBasis: FiguresBasis;
  /** Every change, oldest first. */
  history: AlliancePolicy[];
}

/**
 * An alliance's performance policy. On the commissioner basis its figures add up the
 * commissioner-basis rows of the commissioners (ICBs, sub-ICB locations) mapped to it, as
 * providers are: registered in membership with the alliance, or mapped by an admin
 * (PUT /providers/:code).
 */
@Injectable()
export class AlliancePolicyService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
  ) {}

  async get(allianceId: string, month = currentMonth()): Promise<AlliancePolicyView> {
    await this.alliance(allianceId);
    const history = await this.dataSource.manager.find(AlliancePolicy, {
      where: { allianceId },
      order: { effectiveFrom: 'ASC' },
    });
    const current = history.filter((row) => row.effectiveFrom <= `${month}-01`).at(-1);
    return {
      allianceId,
      breachBasis: current?.breachBasis ?? 'standard',
      figuresBasis: current?.figuresBasis ?? 'provider',
      history,
    };
  }

  async set(
    allianceId: string,
    dto: AlliancePolicyDto,
    setBy: string,
  ): Promise<AlliancePolicyView> {
    if (dto.breachBasis === undefined && dto.figuresBasis === undefined) {
      throw invalidField('breachBasis', 'give breachBasis or figuresBasis');
    }
    const from = dto.from ?? currentMonth();
    const before = await this.get(allianceId, from);
    await this.dataSource.transaction(async (manager) => {
      const row = manager.create(AlliancePolicy, {
        allianceId,
        effectiveFrom: `${from}-01`,
        breachBasis: dto.breachBasis ?? before.breachBasis,
        figuresBasis: dto.figuresBasis ?? before.figuresBasis,
        setBy,
      });
      await manager.upsert(AlliancePolicy, row, ['allianceId', 'effectiveFrom']);
      await this.events.audit(manager, {
        action: 'performance.alliance-policy-set',
        changes: { allianceId, from, ...dto },
        targets: [allianceId],
      });
    });
    return this.get(allianceId);
  }

  private async alliance(allianceId: string): Promise<AllianceRef> {
    const alliance = await this.dataSource.manager.findOneBy(AllianceRef, { id: allianceId });
    if (!alliance) {
      throw notFound('Alliance', allianceId);
    }
    return alliance;
  }
}

function currentMonth(): string {
  return new Date().toISOString().slice(0, 7);
}
