import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '#platform';
import { AuditParticipation } from './audit-participation.entity.js';
import type { JoinAuditDto } from './audits.dto.js';

/** A body's part in clinical audits; no events, just the register. */
@Injectable()
export class AuditsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  join(dto: JoinAuditDto): Promise<AuditParticipation> {
    const participation = this.dataSource.manager.create(AuditParticipation, {
      id: randomUUID(),
      bodyId: dto.bodyId,
      audit: dto.audit,
      organisations: dto.organisations ?? [],
      status: 'planned',
    });
    return this.dataSource.manager.save(AuditParticipation, participation);
  }

  setStatus(
    participation: AuditParticipation,
    status: AuditParticipation['status'],
  ): Promise<AuditParticipation> {
    participation.status = status;
    return this.dataSource.manager.save(AuditParticipation, participation);
  }

  async get(id: string): Promise<AuditParticipation> {
    const participation = await this.dataSource.manager.findOneBy(AuditParticipation, { id });
    if (!participation) {
      throw notFound('Audit participation', id);
    }
    return participation;
  }

  forBody(bodyId: string): Promise<AuditParticipation[]> {
    return this.dataSource.manager.find(AuditParticipation, {
      where: { bodyId },
      order: { createdAt: 'ASC' },
    });
  }
}
