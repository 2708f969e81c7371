import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '#platform';
import { AuditParticipation } from './audit-participation.entity.js';
import type { JoinAuditDto } from './audits.dto.js';
import { PrioritiesPublisher } from '../priorities.publisher.js';

/** A body's part in clinical audits; no events, just the register (and the audit log). */
@Injectable()
export class AuditsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrioritiesPublisher) private readonly events: PrioritiesPublisher,
  ) {}

  join(dto: JoinAuditDto): Promise<AuditParticipation> {
    const participation = this.dataSource.manager.create(AuditParticipation, {
      id: randomUUID(),
      bodyId: dto.bodyId,
      audit: dto.audit,
      organisations: dto.organisations ?? [],
      status: 'planned',
    });
    return this.events.audited(this.dataSource, 'priorities.audit-joined', (manager) =>
      manager.save(AuditParticipation, participation),
    );
  }

  setStatus(
    participation: AuditParticipation,
    status: AuditParticipation['status'],
  ): Promise<AuditParticipation> {
    participation.status = status;
    return this.events.audited(this.dataSource, 'priorities.audit-status-set', (manager) =>
      manager.save(AuditParticipation, participation),
    );
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
