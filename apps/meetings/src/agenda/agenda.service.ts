import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import type { EventOf, PlatformEventMap } from '#contracts';
import { Clock, ConflictError, fitText, notFound, type Page } from '#platform';
import { lockMeeting } from '../meetings/lock-meeting.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { ChairsAction } from './chairs-action.entity.js';
import { AGENDA_TITLE_LENGTH, AgendaItem, type Paper } from './agenda-item.entity.js';
import { AgendaRequest } from './agenda-request.entity.js';
import type { AddAgendaItemDto, AgendaRequestsQuery } from './agenda.dto.js';
import { placeAgendaRequest } from './placement.js';
import { BodyTerms } from '#membership-view';
import { MeetingsPublisher } from '../meetings.publisher.js';

const DEFAULT_PAPERS_DUE_DAYS = 7;

@Injectable()
export class AgendaService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MeetingsPublisher) private readonly events: MeetingsPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** An agenda request from another service: placed on the next eligible meeting, or marked unplaced. */
  async receiveRequest(
    manager: EntityManager,
    event: EventOf<PlatformEventMap, 'workflow.agenda-item-requested.v1'>,
  ): Promise<void> {
    const { requestId, bodyId, title, externalReference, presenter, papers, tableBy } = event.data;
    if (await manager.existsBy(AgendaRequest, { id: requestId })) {
      return; // the same request twice is one item
    }
    const request = manager.create(AgendaRequest, {
      id: requestId,
      bodyId,
      title,
      externalReference,
      presenter,
      papers,
      tableBy,
      status: 'unplaced',
      agendaItemId: null,
      reason: null,
    });
    await manager.insert(AgendaRequest, request);
    await this.tryToPlace(manager, request, { announceIfUnplaced: true });
  }

  /**
   * A newly scheduled meeting may be where waiting requests can now go, and where chair's
   * actions taken while none was scheduled are listed for ratification.
   */
  async placeWaitingRequests(manager: EntityManager, bodyId: string): Promise<void> {
    const waiting = await manager.find(AgendaRequest, {
      where: { bodyId, status: 'unplaced' },
      order: { receivedAt: 'ASC' },
    });
    for (const request of waiting) {
      await this.tryToPlace(manager, request, { announceIfUnplaced: false });
    }
    const unlisted = await manager.find(ChairsAction, {
      where: { bodyId, ratificationItemId: IsNull() },
      order: { recordedAt: 'ASC' },
    });
    for (const action of unlisted) {
      await this.listForRatification(manager, action);
    }
  }

  /**
   * Lists a chair's action for ratification at the body's next scheduled meeting, whatever its
   * papers deadline (ratification needs no papers, and it is the next meeting that ratifies).
   * When the case the action concerns already waits on that meeting's agenda, that item becomes
   * the ratification rather than a second item on the same matter. Gives the meeting's id, or
   * null when none is scheduled: placeWaitingRequests lists it once one is.
   */
  async listForRatification(manager: EntityManager, action: ChairsAction): Promise<string | null> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `meetings:agenda:${action.bodyId}`,
    ]);
    const next = await manager.findOne(Meeting, {
      where: { bodyId: action.bodyId, status: 'scheduled', startsAt: MoreThan(this.clock.now()) },
      order: { startsAt: 'ASC' },
    });
    if (!next) {
      return null;
    }
    const meeting = await lockOpenMeeting(manager, next.id);
    const title = fitText(`Ratification of chair's action: ${action.title}`, AGENDA_TITLE_LENGTH);
    const waiting = action.externalReference
      ? await manager.findOneBy(AgendaItem, {
          meetingId: meeting.id,
          type: 'escalation',
          externalReference: action.externalReference,
        })
      : null;
    let itemId: string;
    if (waiting) {
      await manager.update(AgendaItem, { id: waiting.id }, { type: 'ratification', title });
      itemId = waiting.id;
    } else {
      const item = await this.appendItem(manager, meeting, {
        type: 'ratification',
        title,
        presenter: null,
        papers: [],
        externalReference: action.externalReference,
        requestId: null,
      });
      itemId = item.id;
    }
    await manager.update(ChairsAction, { id: action.id }, { ratificationItemId: itemId });
    action.ratificationItemId = itemId;
    return meeting.id;
  }

  async addItem(meetingId: string, dto: AddAgendaItemDto): Promise<AgendaItem> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await lockOpenMeeting(manager, meetingId);
      // An item naming a case is that case's: the workflow service records it as tabled.
      return this.appendItem(manager, meeting, {
        type: dto.type,
        title: dto.title,
        presenter: dto.presenter ?? null,
        papers: dto.papers ?? [],
        externalReference: dto.caseId ?? null,
        requestId: null,
      });
    });
  }

  async items(meetingId: string): Promise<AgendaItem[]> {
    if (!(await this.dataSource.manager.existsBy(Meeting, { id: meetingId }))) {
      throw notFound('Meeting', meetingId);
    }
    return this.dataSource.manager.find(AgendaItem, {
      where: { meetingId },
      order: { position: 'ASC' },
    });
  }

  /** An agenda item, whichever meeting it is on. */
  async item(id: string): Promise<AgendaItem> {
    const item = await this.dataSource.manager.findOneBy(AgendaItem, { id });
    if (!item) {
      throw notFound('Agenda item', id);
    }
    return item;
  }

  /** A page of the body's agenda requests, newest first. */
  async requests(bodyId: string, query: AgendaRequestsQuery): Promise<Page<AgendaRequest>> {
    const [items, total] = await this.dataSource.manager.findAndCount(AgendaRequest, {
      where: { bodyId, ...(query.status ? { status: query.status } : {}) },
      order: { receivedAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  private async tryToPlace(
    manager: EntityManager,
    request: AgendaRequest,
    { announceIfUnplaced }: { announceIfUnplaced: boolean },
  ): Promise<void> {
    // One placement at a time for a body: two at once (meetings scheduled side by side, each
    // placing the waiting requests) would lock the body's meetings in turn and deadlock.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `meetings:agenda:${request.bodyId}`,
    ]);
    // Locked as they are chosen: a meeting cannot be held or cancelled between choosing it and
    // adding the item, so the refusal below never meets a request that could have been placed.
    const meetings = await manager.find(Meeting, {
      where: { bodyId: request.bodyId, status: 'scheduled' },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const terms = await manager.findOne(BodyTerms, {
      where: { bodyId: request.bodyId },
      order: { effectiveFrom: 'DESC' },
    });
    const placement = placeAgendaRequest({
      meetings: meetings.map((m) => ({ meetingId: m.id, startsAt: m.startsAt })),
      now: this.clock.now(),
      papersDueDaysBefore: terms?.terms.papersDueDaysBefore ?? DEFAULT_PAPERS_DUE_DAYS,
      tableBy: request.tableBy,
    });
    if (placement.placed) {
      const meeting = await lockOpenMeeting(manager, placement.meetingId);
      const late =
        placement.late !== null && request.tableBy !== null
          ? { tableBy: request.tableBy, reason: placement.late }
          : null;
      const item = await this.appendItem(
        manager,
        meeting,
        {
          type: 'escalation',
          title: request.title,
          presenter: request.presenter,
          papers: request.papers,
          externalReference: request.externalReference,
          requestId: request.id,
        },
        late,
      );
      // A late placement keeps its reason, so the request list shows why it is late.
      await manager.update(
        AgendaRequest,
        { id: request.id },
        { status: 'placed', agendaItemId: item.id, reason: placement.late },
      );
      return;
    }
    await manager.update(AgendaRequest, { id: request.id }, { reason: placement.reason });
    if (announceIfUnplaced) {
      await this.events.publish(manager, 'meetings.agenda-request-unplaced.v1', {
        requestId: request.id,
        bodyId: request.bodyId,
        externalReference: request.externalReference,
        reason: placement.reason,
        tableBy: request.tableBy,
        nextMeetingStartsAt: placement.nextMeetingStartsAt?.toISOString() ?? null,
      });
    }
  }

  private async appendItem(
    manager: EntityManager,
    meeting: Meeting,
    fields: Pick<AgendaItem, 'type' | 'title' | 'presenter' | 'externalReference' | 'requestId'> & {
      papers: Paper[];
    },
    late: { tableBy: string; reason: string } | null = null,
  ): Promise<AgendaItem> {
    const last = await manager.findOne(AgendaItem, {
      where: { meetingId: meeting.id },
      order: { position: 'DESC' },
    });
    const item = manager.create(AgendaItem, {
      id: randomUUID(),
      meetingId: meeting.id,
      position: (last?.position ?? 0) + 1,
      ...fields,
    });
    await manager.insert(AgendaItem, item);
    await this.events.publish(manager, 'meetings.agenda-item-added.v1', {
      meetingId: meeting.id,
      bodyId: meeting.bodyId,
      agendaItemId: item.id,
      type: item.type,
      title: item.title,
      externalReference: item.externalReference,
      requestId: item.requestId,
      late,
    });
    return item;
  }
}

/** The meeting, locked, while its agenda is open: until it is held or cancelled. */
async function lockOpenMeeting(manager: EntityManager, meetingId: string): Promise<Meeting> {
  const meeting = await lockMeeting(manager, meetingId);
  if (meeting.status !== 'scheduled') {
    throw new ConflictError(`The meeting is ${meeting.status}: its agenda is closed`);
  }
  return meeting;
}
