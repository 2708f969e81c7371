import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsObject,
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
import { TRAJECTORY_SCOPES, type TrajectoryScope } from './trajectory.entity.js';
import {
  BREACH_BASES,
  FIGURES_BASES,
  type BreachBasis,
  type FiguresBasis,
} from './alliance-policy.entity.js';
import { IsMonth, MONTH_PATTERN } from '../common/month.dto.js';

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

/** A standard's detection rules; each left out stays as it is. */
export class DetectionSettingDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 12,
    description: 'Consecutive periods below target before a breach is announced',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  monthsToBreach?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 12,
    description: 'Consecutive periods back on target before a recovery is announced',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  monthsToRecover?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100000,
    description: 'Patients a period needs to breach or recover; a smaller period does neither',
  })
  @IsOptional()
  @IsDecimalNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100_000)
  minDenominator?: number;
}

export class SetTrajectoryDto {
  @ApiProperty({ enum: MEASURES })
  @IsIn(MEASURES)
  measure!: Measure;

  @ApiProperty({ enum: TRAJECTORY_SCOPES })
  @IsIn(TRAJECTORY_SCOPES)
  scopeKind!: TrajectoryScope;

  @ApiProperty({ description: '`england` or `scotland`, or an alliance id' })
  @IsString()
  @Matches(/^[a-z0-9-]{2,60}$/, {
    message: 'scopeValue must be a nation or an alliance id in lower case',
  })
  scopeValue!: string;

  @ApiProperty({ example: '2025-04', description: 'The first month of the line' })
  @IsMonth('startsOn')
  startsOn!: string;

  @ApiProperty({ example: '2026-03', description: 'The month the ambition is to be reached in' })
  @IsMonth('reachBy')
  reachBy!: string;

  @ApiProperty({ example: 0.8, description: 'The ambition, 0 to 1' })
  @IsDecimalNumber({ maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(1)
  value!: number;

  @ApiPropertyOptional({
    example: 0.77,
    description:
      'Where the line starts in its first month; by default where the trajectory of the same measure and scope ending the month before ends, else the ambition itself (a flat line)',
  })
  @IsOptional()
  @IsDecimalNumber({ maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(1)
  startValue?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0, maximum: 1 },
    example: { '2025-06': 0.78 },
    description: 'Months whose point is set rather than on the straight line',
  })
  @IsOptional()
  @IsObject()
  points?: Record<string, number>;

  @ApiProperty({ example: 'NHS England planning guidance 2025/26: FDS 80% by March 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  source!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  confirmed?: boolean;
}

/** An alliance agreeing its own monthly points, or a corrected ambition. */
export class AmendTrajectoryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsDecimalNumber({ maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(1)
  value?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDecimalNumber({ maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(1)
  startValue?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0, maximum: 1 },
    example: { '2025-06': 0.78 },
    description: 'Replaces the set points; `{}` puts every month back on the line',
  })
  @IsOptional()
  @IsObject()
  points?: Record<string, number>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  source?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  confirmed?: boolean;
}

export class TrajectoryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MEASURES })
  @IsOptional()
  @IsIn(MEASURES)
  measure?: Measure;
}

/** Checks set points: months of the trajectory's span, shares above 0 and at most 1. */
export function pointsProblem(
  points: Record<string, unknown>,
  startsOn: string,
  reachBy: string,
): string | null {
  for (const [month, share] of Object.entries(points)) {
    if (!MONTH_PATTERN.test(month)) {
      return `points: "${month}" is not a month (YYYY-MM)`;
    }
    if (month < startsOn.slice(0, 7) || month > reachBy.slice(0, 7)) {
      return `points: ${month} is outside the trajectory (${startsOn.slice(0, 7)} to ${reachBy.slice(0, 7)})`;
    }
    if (typeof share !== 'number' || !(share > 0 && share <= 1)) {
      return `points: ${month} must be a share above 0 and at most 1`;
    }
  }
  return null;
}

export class AlliancePolicyDto {
  @ApiPropertyOptional({
    enum: BREACH_BASES,
    description: 'What breach detection compares each month with',
  })
  @IsOptional()
  @IsIn(BREACH_BASES, { message: 'breachBasis must be standard or trajectory' })
  breachBasis?: BreachBasis;

  @ApiPropertyOptional({
    enum: FIGURES_BASES,
    description: "Which basis of the CWT figures the alliance's figures come from",
  })
  @IsOptional()
  @IsIn(FIGURES_BASES, { message: 'figuresBasis must be provider or commissioner' })
  figuresBasis?: FiguresBasis;

  @ApiPropertyOptional({
    example: '2026-05',
    description: 'The first month it applies to; by default the current month',
  })
  @IsOptional()
  @IsMonth('from')
  from?: string;
}
