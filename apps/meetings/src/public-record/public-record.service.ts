import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BodyView, MemberView } from '#membership-view';
import { notFound, type Page, type PageQuery, ukDate } from '#platform';
import { AgendaItem } from '../agenda/agenda-item.entity.js';
import { DeclarationOfInterest } from '../attendance/declaration.entity.js';
import { Decision } from '../decisions/decision.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import type {
  PublicDecisionDto,
  PublicDeclarationDto,
  PublicMinutesDto,
} from './public-record.dto.js';

interface MinutesRow extends Pick<PublicMinutesDto, 'meetingId' | 'bodyId' | 'title' | 'kind'> {
  startsAt: Date;
  minutesText: string | null;
  approvedAtMeetingId: string;
  approvedAt: Date;
}

interface DecisionRow extends Omit<PublicDecisionDto, 'recordedAt'> {
  meetingId: string;
  recordedAt: Date;
}

/**
 * The public record of a body's meetings: a meeting's minutes and decisions are published once
 * a later quorate meeting approves its minutes (minutes/); before that nothing of it is public.
 * Read column by column, so that who attended and who recorded a decision cannot slip out.
 */
@Injectable()
export class PublicRecordService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A page of the body's approved minutes, newest meeting first. */
  async forBody(bodyId: string, query: PageQuery): Promise<Page<PublicMinutesDto>> {
    if (!(await this.dataSource.manager.existsBy(BodyView, { id: bodyId }))) {
      throw notFound('Body', bodyId);
    }
    const approved = this.approvedMinutes().andWhere('m.bodyId = :bodyId', { bodyId });
    const [rows, total] = await Promise.all([
      approved
        .clone()
        .orderBy('m.startsAt', 'DESC')
        .addOrderBy('m.id', 'DESC')
        .limit(query.limit)
        .offset(query.offset)
        .getRawMany<MinutesRow>(),
      approved.getCount(),
    ]);
    return {
      items: await this.withDecisions(rows),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** One meeting's approved minutes; not found, as for an unknown id, until they are approved. */
  async forMeeting(meetingId: string): Promise<PublicMinutesDto> {
    const row = await this.approvedMinutes()
      .andWhere('m.id = :meetingId', { meetingId })
      .getRawOne<MinutesRow>();
    const [minutes] = row ? await this.withDecisions([row]) : [];
    if (!minutes) {
      throw notFound('Meeting', meetingId);
    }
    return minutes;
  }

  private approvedMinutes() {
    return this.dataSource.manager
      .createQueryBuilder(Meeting, 'm')
      .innerJoin(Meeting, 'approver', 'approver.id = m.minutesApprovedAtMeetingId')
      .select('m.id', 'meetingId')
      .addSelect('m.bodyId', 'bodyId')
      .addSelect('m.title', 'title')
      .addSelect('m.kind', 'kind')
      .addSelect('m.startsAt', 'startsAt')
      .addSelect('m.minutesText', 'minutesText')
      .addSelect('approver.id', 'approvedAtMeetingId')
      .addSelect('approver.startsAt', 'approvedAt')
      .where('m.minutesStatus = :approved', { approved: 'approved' });
  }

  private async withDecisions(rows: MinutesRow[]): Promise<PublicMinutesDto[]> {
    const meetingIds = rows.map((r) => r.meetingId);
    const declarations =
      rows.length === 0
        ? []
        : await this.dataSource.manager
            .createQueryBuilder(DeclarationOfInterest, 'd')
            .innerJoin(AgendaItem, 'i', 'i.id = d.agendaItemId')
            .innerJoin(MemberView, 'member', 'member.id = d.memberId')
            .select('d.meetingId', 'meetingId')
            .addSelect('i.title', 'itemTitle')
            .addSelect('member.name', 'memberName')
            .addSelect('d.nature', 'nature')
            .addSelect('d.interest', 'interest')
            .addSelect('d.action', 'action')
            .where('d.meetingId IN (:...meetingIds)', { meetingIds })
            .orderBy('i.position', 'ASC')
            .addOrderBy('d.recordedAt', 'ASC')
            .getRawMany<PublicDeclarationDto & { meetingId: string }>();
    const decisions =
      rows.length === 0
        ? []
        : await this.dataSource.manager
            .createQueryBuilder(Decision, 'd')
            .innerJoin(AgendaItem, 'i', 'i.id = d.agendaItemId')
            .select('d.id', 'id')
            .addSelect('d.meetingId', 'meetingId')
            .addSelect('i.title', 'itemTitle')
            .addSelect('i.externalReference', 'caseId')
            .addSelect('d.outcome', 'outcome')
            .addSelect('d.rationale', 'rationale')
            .addSelect('d.votesFor', 'votesFor')
            .addSelect('d.votesAgainst', 'votesAgainst')
            .addSelect('d.votesAbstained', 'votesAbstained')
            .addSelect('d.recordedAt', 'recordedAt')
            .where('d.meetingId IN (:...meetingIds)', { meetingIds: rows.map((r) => r.meetingId) })
            .orderBy('i.position', 'ASC')
            .addOrderBy('d.recordedAt', 'ASC')
            .getRawMany<DecisionRow>();
    return rows.map((row) => ({
      meetingId: row.meetingId,
      bodyId: row.bodyId,
      title: row.title,
      kind: row.kind,
      startsAt: row.startsAt.toISOString(),
      // Minutes are approved only once drafted, and a draft has text.
      minutesText: row.minutesText ?? '',
      approvedAtMeetingId: row.approvedAtMeetingId,
      approvedOn: ukDate(row.approvedAt),
      decisions: decisions
        .filter((decision) => decision.meetingId === row.meetingId)
        .map(({ meetingId: _meetingId, recordedAt, ...decision }) => ({
          ...decision,
          recordedAt: recordedAt.toISOString(),
        })),
      declarations: declarations
        .filter((declaration) => declaration.meetingId === row.meetingId)
        .map(({ meetingId: _meetingId, ...declaration }) => declaration),
    }));
  }
}
