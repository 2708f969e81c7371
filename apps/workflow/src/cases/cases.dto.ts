import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CASE_STATUSES, ESCALATION_LEVELS, ESCALATION_SEVERITIES } from '#contracts';
import { PageQuery } from '#platform';

export class CaseQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  bodyId?: string;

  @ApiPropertyOptional({ enum: ESCALATION_LEVELS })
  @IsOptional()
  @IsIn(ESCALATION_LEVELS)
  level?: (typeof ESCALATION_LEVELS)[number];

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: (typeof CASE_STATUSES)[number];

  @ApiPropertyOptional({ description: 'Only cases past a deadline (true) or not (false)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  overdue?: boolean;
}

export class RaiseCaseDto {
  @ApiProperty({ description: 'The body that should hold the case' })
  @IsUUID()
  bodyId!: string;

  @ApiProperty({ example: 'No clinical lead for the lung pathway since March' })
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ description: 'Why it needs escalating' })
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  reason!: string;

  @ApiPropertyOptional({ example: 'https://example.org/minutes/2026-03.pdf' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  evidenceUrl?: string;

  @ApiPropertyOptional({ enum: ESCALATION_SEVERITIES, default: 'moderate' })
  @IsOptional()
  @IsIn(ESCALATION_SEVERITIES)
  severity: (typeof ESCALATION_SEVERITIES)[number] = 'moderate';
}

export class NoteDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text!: string;
}

export class ResolveDto {
  @ApiProperty({ description: 'Why the case is resolved' })
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  rationale!: string;
}
