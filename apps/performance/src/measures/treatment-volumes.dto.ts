import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimalNumber } from '#platform';
import { MAX_ROWS } from './measure-rows.js';
import { MonthRangeQuery } from '../common/month.dto.js';

const SITE = /^[a-z0-9-]{2,60}$/;
const SITE_MESSAGE = 'tumourSite must be a lower-case specialty such as lung';

export class TreatmentBaselineRowDto {
  @ApiProperty()
  @IsUUID()
  allianceId!: string;

  @ApiProperty({ example: 'lung' })
  @Matches(SITE, { message: SITE_MESSAGE })
  tumourSite!: string;

  @ApiProperty({ minimum: 1, maximum: 12, description: 'The calendar month of 2019/20' })
  @IsInt()
  @Min(1)
  @Max(12)
  month!: number;

  @ApiProperty({ example: 212.5, description: 'Treatments given; halves allowed' })
  @IsDecimalNumber(
    { maxDecimalPlaces: 1 },
    { message: 'volume must be a number with at most one decimal place' },
  )
  @Min(0)
  @Max(999_999_999.9)
  volume!: number;
}

export class TreatmentBaselineRowsDto {
  @ApiProperty({
    type: [TreatmentBaselineRowDto],
    description: `Up to ${MAX_ROWS} rows; a row of the same alliance, tumour site and month replaces it`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ROWS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TreatmentBaselineRowDto)
  rows!: TreatmentBaselineRowDto[];
}

export class TreatmentVolumeQuery extends MonthRangeQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @ApiPropertyOptional({ example: 'lung' })
  @IsOptional()
  @Matches(SITE, { message: SITE_MESSAGE })
  tumourSite?: string;
}
