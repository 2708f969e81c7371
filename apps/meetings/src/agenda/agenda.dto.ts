import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AGENDA_ITEM_TYPES } from '#contracts';
import { PageQuery } from '#platform';
import { AGENDA_REQUEST_STATUSES } from './agenda-request.entity.js';

export class PaperDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] })
  url!: string;
}

/** The item types an admin adds by hand; ratifications are listed by chair's actions. */
export const MANUAL_ITEM_TYPES = AGENDA_ITEM_TYPES.filter((type) => type !== 'ratification');

export class AddAgendaItemDto {
  @ApiProperty({ enum: MANUAL_ITEM_TYPES })
  @IsIn(MANUAL_ITEM_TYPES, {
    message: `type must be one of: ${MANUAL_ITEM_TYPES.join(', ')} (a ratification is listed by recording a chair's action)`,
  })
  type!: (typeof MANUAL_ITEM_TYPES)[number];

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  presenter?: string;

  @ApiPropertyOptional({ type: [PaperDto] })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PaperDto)
  papers?: PaperDto[];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The escalation case the item is about: the case is recorded as tabled at this meeting when the body holds it',
  })
  @IsOptional()
  @IsUUID()
  caseId?: string;
}

/** A page of a body's agenda requests, of one status when given. */
export class AgendaRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGENDA_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(AGENDA_REQUEST_STATUSES)
  status?: (typeof AGENDA_REQUEST_STATUSES)[number];
}
