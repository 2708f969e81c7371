import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
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

export class AddAgendaItemDto {
  @ApiProperty({ enum: AGENDA_ITEM_TYPES })
  @IsIn(AGENDA_ITEM_TYPES)
  type!: (typeof AGENDA_ITEM_TYPES)[number];

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
}

/** A page of a body's agenda requests, of one status when given. */
export class AgendaRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGENDA_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(AGENDA_REQUEST_STATUSES)
  status?: (typeof AGENDA_REQUEST_STATUSES)[number];
}
