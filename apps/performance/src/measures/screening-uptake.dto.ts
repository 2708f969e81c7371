import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SCREENING_PROGRAMMES } from '#contracts';
import { MAX_ROWS } from './measure-rows.js';
import type { ScreeningProgramme } from './screening-uptake.entity.js';
import { IsMonth, MonthRangeQuery } from '../common/month.dto.js';

const COUNT_LIMIT = 2_000_000_000;

export class ScreeningUptakeRowDto {
  @ApiProperty()
  @IsUUID()
  allianceId!: string;

  @ApiProperty({ enum: SCREENING_PROGRAMMES })
  @IsIn(SCREENING_PROGRAMMES)
  programme!: ScreeningProgramme;

  @ApiProperty({ example: '2026-04' })
  @IsMonth('period')
  period!: string;

  @ApiProperty({ minimum: 1, description: 'People eligible for screening' })
  @IsInt()
  @Min(1)
  @Max(COUNT_LIMIT)
  eligible!: number;

  @ApiProperty({ minimum: 0, description: 'People screened; at most those eligible' })
  @IsInt()
  @Min(0)
  @Max(COUNT_LIMIT)
  screened!: number;
}

export class ScreeningUptakeRowsDto {
  @ApiProperty({
    type: [ScreeningUptakeRowDto],
    description: `Up to ${MAX_ROWS} rows; a row of the same alliance, programme and month replaces it`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ROWS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ScreeningUptakeRowDto)
  rows!: ScreeningUptakeRowDto[];
}

export class ScreeningUptakeQuery extends MonthRangeQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @ApiPropertyOptional({ enum: SCREENING_PROGRAMMES })
  @IsOptional()
  @IsIn(SCREENING_PROGRAMMES)
  programme?: ScreeningProgramme;
}
