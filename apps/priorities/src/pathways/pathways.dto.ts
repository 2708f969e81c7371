import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCalendarDay } from '#platform';
import { PATHWAY_SCOPES } from '#contracts';

export class CreatePathwayDto {
  @ApiProperty({ description: 'The owning body' })
  @IsUUID()
  bodyId!: string;

  @ApiProperty({ example: 'Lung cancer optimal pathway' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 'lung' })
  @Matches(/^[a-z][a-z0-9-]{1,49}$/)
  tumourSite!: string;

  @ApiProperty({ enum: PATHWAY_SCOPES })
  @IsIn(PATHWAY_SCOPES)
  scope!: (typeof PATHWAY_SCOPES)[number];
}

export class AddVersionDto {
  @ApiProperty({ example: '2.0' })
  @Matches(/^[0-9]+(\.[0-9]+){0,2}$/, { message: 'version is like 2, 2.1 or 2.1.3' })
  version!: string;

  @ApiProperty({ example: 'https://example.org/pathways/lung-2.0.pdf' })
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] })
  documentUrl!: string;

  @ApiProperty({ example: 'Adds the straight-to-CT step from primary care' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  changeSummary!: string;
}

export class PublishVersionDto {
  @ApiPropertyOptional({ description: 'Today by default' })
  @IsOptional()
  @IsCalendarDay()
  publishedOn?: string;

  @ApiPropertyOptional({ description: 'Two years after publication by default' })
  @IsOptional()
  @IsCalendarDay()
  reviewDueOn?: string;
}

export class AdvanceVersionDto {
  @ApiProperty({
    enum: ['consultation', 'approved'],
    description: 'approved: by clinical consensus',
  })
  @IsIn(['consultation', 'approved'])
  status!: 'consultation' | 'approved';
}
