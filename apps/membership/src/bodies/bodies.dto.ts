import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { BODY_KINDS, MEETING_CADENCES } from '#contracts';
import { IsCalendarDay, PageQuery } from '#platform';

export class QuorumRuleDto {
  @ApiProperty({ description: 'The chair or a deputy chair must be present' })
  @IsBoolean()
  chairOrDeputy!: boolean;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    example: 0.34,
    description: 'Fraction of members present',
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  minimumFraction!: number;

  @ApiProperty({ description: 'At least one registered clinician present' })
  @IsBoolean()
  requireClinician!: boolean;

  @ApiPropertyOptional({
    default: true,
    description:
      "A member's nominated deputy, attending in their place, counts towards quorum for them",
  })
  @IsOptional()
  @IsBoolean()
  deputiesCount?: boolean;
}

export class TermsOfReferenceDto {
  @ApiProperty({ type: QuorumRuleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => QuorumRuleDto)
  quorum!: QuorumRuleDto;

  @ApiProperty({ minimum: 0, maximum: 60, example: 7 })
  @IsInt()
  @Min(0)
  @Max(60)
  papersDueDaysBefore!: number;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-04-01', nullable: true })
  @IsOptional()
  @IsCalendarDay()
  reviewedOn?: string | null;
}

export class GuidanceDocumentDto {
  @ApiProperty({ example: 'Lung cancer timed pathway' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'https://example.nhs.uk/lung-pathway.pdf' })
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] })
  url!: string;
}

class BodyFieldsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'lung',
    description: 'Specialty code; see GET /specialties (null for none)',
  })
  @IsOptional()
  @IsString()
  specialty?: string | null;

  @ApiPropertyOptional({ description: 'Defaults to the alliance CAG (groups) or Board (the CAG)' })
  @IsOptional()
  @IsUUID()
  parentBodyId?: string;

  @ApiPropertyOptional({ enum: MEETING_CADENCES, default: 'quarterly' })
  @IsOptional()
  @IsIn(MEETING_CADENCES)
  meetingCadence?: (typeof MEETING_CADENCES)[number];

  @ApiPropertyOptional({ type: TermsOfReferenceDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TermsOfReferenceDto)
  termsOfReference?: TermsOfReferenceDto;

  @ApiPropertyOptional({ type: [GuidanceDocumentDto] })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GuidanceDocumentDto)
  guidance?: GuidanceDocumentDto[];
}

export class CreateBodyDto extends BodyFieldsDto {
  @ApiProperty()
  @IsUUID()
  allianceId!: string;

  @ApiProperty({ enum: BODY_KINDS })
  @IsIn(BODY_KINDS)
  kind!: (typeof BODY_KINDS)[number];

  @ApiProperty({ example: 'Lung Cancer Network Group' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class UpdateBodyDto extends BodyFieldsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class ListBodiesQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @ApiPropertyOptional({ enum: BODY_KINDS })
  @IsOptional()
  @IsIn(BODY_KINDS)
  kind?: (typeof BODY_KINDS)[number];

  @ApiPropertyOptional({ example: 'lung' })
  @IsOptional()
  @IsString()
  specialty?: string;
}
