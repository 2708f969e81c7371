import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BodyView } from '#membership-view';
import { notFound, type Page } from '#platform';
import { AgendaService } from '../agenda/agenda.service.js';
import type { ActingOfficer } from '../meetings/body-access.service.js';
import { MeetingsPublisher } from '../meetings.publisher.js';
import { ChairsAction } from '../agenda/chairs-action.entity.js';
import type { ChairsActionsQuery, RecordChairsActionDto } from './decisions.dto.js';

/**
 * Chair's actions: decisions the chair takes for a body between meetings when a matter cannot
 * wait for the next one. Each is a decision from the moment it is recorded (its event tells the
 * workflow service, which applies it to the case it names) and is listed for the body's next
 * meeting to ratify, where DecisionsService records the ratification.
 */
@Injectable()
export class ChairsActionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
  ) {}

  async record(
    bodyId: string,
    dto: RecordChairsActionDto,
    recordedBy: ActingOfficer,
  ): Promise<ChairsAction> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(BodyView, { id: bodyId }))) {
        throw notFound('Body', bodyId);
      }
      const action = manager.create(ChairsAction, {
        id: randomUUID(),
        bodyId,
        externalReference: dto.caseId ?? null,
        title: dto.title,
        outcome: dto.outcome,
        rationale: dto.rationale,
        recordedBy: recordedBy.memberId ?? recordedBy.subject,
        recordedCapacity: recordedBy.capacity,
        ratificationItemId: null,
        ratified: null,
        ratificationDecisionId: null,
      });
      await manager.insert(ChairsAction, action);
      const ratificationMeetingId = await this.agenda.listForRatification(manager, action);
      await this.events.publish(manager, 'meetings.chairs-action-recorded.v1', {
        chairsActionId: action.id,
        bodyId,
        externalReference: action.externalReference,
        title: action.title,
        outcome: action.outcome,
        rationale: action.rationale,
        recordedBy: {
          memberId: recordedBy.memberId,
          subject: recordedBy.subject,
          capacity: recordedBy.capacity,
        },
        ratificationMeetingId,
      });
      return manager.findOneByOrFail(ChairsAction, { id: action.id });
    });
  }

  /** A page of the body's chair's actions, newest first, ratified or awaiting ratification. */
  async list(bodyId: string, query: ChairsActionsQuery): Promise<Page<ChairsAction>> {
    const [items, total] = await this.dataSource.manager.findAndCount(ChairsAction, {
      where: { bodyId },
      order: { recordedAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
