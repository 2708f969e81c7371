import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '#platform';
import { MEETING_STATUSES } from './meeting.entity.js';

/** A page of a body's meetings, of one status when given. */
export class MeetingListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: (typeof MEETING_STATUSES)[number];
}
