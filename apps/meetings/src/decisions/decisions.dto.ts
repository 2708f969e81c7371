import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DECISION_OUTCOMES } from '#contracts';

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
