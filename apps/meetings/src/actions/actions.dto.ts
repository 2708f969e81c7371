import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDay, PageQuery } from '#platform';
import { ACTION_STATUSES } from './action.entity.js';

export class AssignActionDto {
  @ApiProperty({ example: 'Write to trusts about FDS capacity' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  description!: string;

  @ApiProperty({ description: 'A member seated on the body' })
  @IsUUID()
  ownerMemberId!: string;

  @ApiProperty({ example: '2027-01-31' })
  @IsCalendarDay()
  dueOn!: string;

  @ApiPropertyOptional({ description: 'The agenda item it arose from' })
  @IsOptional()
  @IsUUID()
  agendaItemId?: string;
}

export class CompleteActionDto {
  @ApiPropertyOptional({ example: '2027-01-20', description: 'Today by default' })
  @IsOptional()
  @IsCalendarDay()
  completedOn?: string;
}

/** A page of a member's actions, of one status when given. */
export class ActionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: (typeof ACTION_STATUSES)[number];
}
