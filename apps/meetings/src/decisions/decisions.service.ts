import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, invalidField, notFound } from '#platform';
import { AgendaItem } from '../agenda/agenda-item.entity.js';
import type { ActingOfficer } from '../meetings/body-access.service.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { ChairsAction } from '../agenda/chairs-action.entity.js';
import { Decision } from './decision.entity.js';
import type { RecordDecisionDto } from './decisions.dto.js';
import { MeetingsPublisher } from '../meetings.publisher.js';

/** What a meeting may decide on a chair's action listed for ratification. */
const RATIFICATION_OUTCOMES: readonly string[] = ['approved', 'rejected'];

@Injectable()
export class DecisionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
  ) {}

  /**
   * Records a decision on an agenda item of a held, quorate meeting, one per item, naming the
   * officer who recorded it: on the decision by member (their account's subject when they are
   * linked to none), in its event with the capacity they acted in. On an item listing a chair's
   * action, the decision is its ratification (approved) or refusal (rejected).
   */
  async record(
    agendaItemId: string,
    dto: RecordDecisionDto,
    recordedBy: ActingOfficer,
  ): Promise<Decision> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOneBy(AgendaItem, { id: agendaItemId });
      if (!item) {
        throw notFound('Agenda item', agendaItemId);
      }
      const meeting = await manager.findOne(Meeting, {
        where: { id: item.meetingId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!meeting || meeting.status !== 'held') {
        throw new ConflictError('Decisions are recorded for a meeting once it is recorded as held');
      }
      if (!meeting.quorum?.quorate) {
        throw new ConflictError(
          `The meeting was not quorate (${meeting.quorum?.shortfalls.join('; ') ?? 'no quorum recorded'}): it cannot take decisions`,
        );
      }
      if (await manager.existsBy(Decision, { agendaItemId })) {
        throw new ConflictError('A decision is already recorded on this agenda item');
      }
      const ratifies =
        item.type === 'ratification'
          ? await manager.findOne(ChairsAction, {
              where: { ratificationItemId: item.id },
              lock: { mode: 'pessimistic_write' },
            })
          : null;
      if (item.type === 'ratification' && !RATIFICATION_OUTCOMES.includes(dto.outcome)) {
        throw invalidField(
          'outcome',
          "A chair's action is ratified (approved) or not (rejected) by the meeting",
        );
      }
      const decision = manager.create(Decision, {
        id: randomUUID(),
        agendaItemId,
        meetingId: meeting.id,
        outcome: dto.outcome,
        rationale: dto.rationale,
        votesFor: dto.votes?.for ?? null,
        votesAgainst: dto.votes?.against ?? null,
        votesAbstained: dto.votes?.abstained ?? null,
        recordedBy: recordedBy.memberId ?? recordedBy.subject,
      });
      await manager.insert(Decision, decision);
      await this.events.publish(manager, 'meetings.decision-recorded.v1', {
        meetingId: meeting.id,
        bodyId: meeting.bodyId,
        decisionId: decision.id,
        agendaItemId,
        externalReference: item.externalReference,
        outcome: dto.outcome,
        rationale: dto.rationale,
        votes: dto.votes
          ? { for: dto.votes.for, against: dto.votes.against, abstained: dto.votes.abstained }
          : null,
        recordedBy: {
          memberId: recordedBy.memberId,
          subject: recordedBy.subject,
          capacity: recordedBy.capacity,
        },
      });
      if (ratifies) {
        const ratified = dto.outcome === 'approved';
        await manager.update(
          ChairsAction,
          { id: ratifies.id },
          { ratified, ratificationDecisionId: decision.id },
        );
        await this.events.publish(manager, 'meetings.chairs-action-ratified.v1', {
          meetingId: meeting.id,
          bodyId: meeting.bodyId,
          chairsActionId: ratifies.id,
          agendaItemId,
          decisionId: decision.id,
          externalReference: ratifies.externalReference,
          ratified,
        });
      }
      return manager.findOneByOrFail(Decision, { id: decision.id });
    });
  }
}
