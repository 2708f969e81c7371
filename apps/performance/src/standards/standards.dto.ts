import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDay, IsDecimalNumber, PageQuery } from '#platform';
import { MEASURES, type Measure } from '#contracts';
import { TARGET_SCOPES, type TargetScope } from './target.entity.js';

export class SetTargetDto {
  @ApiProperty({ enum: MEASURES })
  @IsIn(MEASURES)
  measure!: Measure;

  @ApiProperty({ enum: TARGET_SCOPES })
  @IsIn(TARGET_SCOPES)
  scopeKind!: TargetScope;

  @ApiProperty({
    description: '`england` or `scotland`; an alliance id; or a tumour site such as `lung`',
  })
  @IsString()
  @Matches(/^[a-z0-9-]{2,60}$/, {
    message: 'scopeValue must be a nation, an alliance id or a tumour site in lower case',
  })
  scopeValue!: string;

  @ApiProperty({
    minimum: 0.0001,
    maximum: 1,
    example: 0.8,
    description: 'The share to reach, 0 to 1',
  })
  @IsDecimalNumber({ maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(1)
  value!: number;

  @ApiPropertyOptional({ description: "Screening's lower (acceptable) threshold" })
  @IsOptional()
  @IsDecimalNumber({ maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(1)
  lower?: number;

  @ApiProperty({ example: '2026-04-01' })
  @IsCalendarDay()
  effectiveFrom!: string;

  @ApiPropertyOptional({ description: 'Last day in force; open-ended when absent' })
  @IsOptional()
  @IsCalendarDay()
  effectiveTo?: string;

  @ApiProperty({ example: 'NHS England planning guidance 2026/27' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  source!: string;
}

export class AmendTargetDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsDecimalNumber({ maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(1)
  value?: number;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last day in force; null to make it open-ended',
  })
  @ValidateIf((dto: AmendTargetDto) => dto.effectiveTo !== null && dto.effectiveTo !== undefined)
  @IsCalendarDay()
  effectiveTo?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  source?: string;
}

/** A page of targets, of one measure or in force on one day when given. */
export class TargetQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MEASURES })
  @IsOptional()
  @IsIn(MEASURES)
  measure?: Measure;

  @ApiPropertyOptional({ description: 'Only targets in force on this day' })
  @IsOptional()
  @IsCalendarDay()
  on?: string;
}

export class DetectionSettingDto {
  @ApiProperty({
    minimum: 1,
    maximum: 12,
    description: 'Consecutive periods below target before a breach is announced',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  monthsToBreach!: number;
}
