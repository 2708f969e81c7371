import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDay } from '#platform';
import { PRIORITY_CATEGORIES, PRIORITY_SOURCES, RAG_STATUSES } from '#contracts';

export class CreatePriorityDto {
  @ApiProperty()
  @IsUUID()
  bodyId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiProperty({ example: 'Roll out the lung Rapid Diagnostic Pathway to every trust' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ enum: PRIORITY_SOURCES })
  @IsIn(PRIORITY_SOURCES)
  source!: (typeof PRIORITY_SOURCES)[number];

  @ApiProperty({ enum: PRIORITY_CATEGORIES })
  @IsIn(PRIORITY_CATEGORIES)
  category!: (typeof PRIORITY_CATEGORIES)[number];
}

export class SetRagDto {
  @ApiProperty({ enum: RAG_STATUSES })
  @IsIn(RAG_STATUSES)
  rag!: (typeof RAG_STATUSES)[number];

  @ApiProperty({ example: 'Two trusts have no funded clinical nurse specialist' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class AddMilestoneDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: '2027-03-31' })
  @IsCalendarDay()
  dueOn!: string;
}
