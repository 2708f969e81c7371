import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CHAIRS_ACTION_OUTCOMES, DECISION_OUTCOMES } from '#contracts';
import { PageQuery } from '#platform';

export class VotesDto {
  @ApiProperty()
  @IsInt()
  @Min(0)
  for!: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  against!: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  abstained!: number;
}

export class RecordDecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome!: (typeof DECISION_OUTCOMES)[number];

  @ApiProperty({
    example: 'The group cannot fund extra diagnostic capacity; escalated to the CAG.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  rationale!: string;

  @ApiPropertyOptional({ type: VotesDto, description: 'Where a vote was taken' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VotesDto)
  votes?: VotesDto;
}

/** A decision the chair takes between meetings, to be ratified at the next. */
export class RecordChairsActionDto {
  @ApiProperty({ enum: CHAIRS_ACTION_OUTCOMES })
  @IsIn(CHAIRS_ACTION_OUTCOMES, {
    message: `outcome must be one of: ${CHAIRS_ACTION_OUTCOMES.join(', ')} (a chair's action does not defer: the item waits for the next meeting anyway)`,
  })
  outcome!: (typeof CHAIRS_ACTION_OUTCOMES)[number];

  @ApiProperty({ example: 'Lung FDS recovery plan with the trusts, pending the March meeting' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty({
    example:
      'The next meeting is in March; the recovery plan cannot wait. Agreed with the clinical lead.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  rationale!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The escalation case it decides; the workflow service applies it to the case',
  })
  @IsOptional()
  @IsUUID()
  caseId?: string;
}

export class ChairsActionsQuery extends PageQuery {}
