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
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { SCREENING_PROGRAMMES } from '#contracts';
import { MAX_ROWS } from './measure-rows.js';
import {
  ageBandProblem,
  CERVICAL_AGE_BANDS,
  lookBackProblem,
  SCREENING_MEASURE_KINDS,
  type CervicalAgeBand,
  type ScreeningMeasureKind,
  type ScreeningProgramme,
  type ScreeningRowShape,
} from './screening-measures.js';
import { IsMonth, MonthRangeQuery } from '../common/month.dto.js';

const COUNT_LIMIT = 2_000_000_000;

/**
 * A field checked against the rest of its row: `problem` says what is wrong, or undefined.
 * Runs when the field is absent too, so a field the row requires can say so.
 */
function FitsRow(problem: (row: ScreeningRowShape) => string | undefined): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'fitsRow',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          problem(args.object) === undefined,
        defaultMessage: (args?: ValidationArguments) => problem(args?.object ?? {}) ?? '',
      },
    });
  };
}

export class ScreeningRowDto {
  @ApiProperty()
  @IsUUID()
  allianceId!: string;

  @ApiProperty({ enum: SCREENING_PROGRAMMES })
  @IsIn(SCREENING_PROGRAMMES, { message: 'programme must be bowel, breast or cervical' })
  programme!: ScreeningProgramme;

  @ApiPropertyOptional({
    enum: SCREENING_MEASURE_KINDS,
    default: 'uptake',
    description:
      'uptake: of those invited in the month, the share screened within the set time of invitation (bowel and breast: 6 months); coverage: of those eligible as at the month’s last day, the share screened within the look-back',
  })
  @IsOptional()
  @IsIn(SCREENING_MEASURE_KINDS, { message: 'measure must be uptake or coverage' })
  measure?: ScreeningMeasureKind;

  @ApiPropertyOptional({
    enum: CERVICAL_AGE_BANDS,
    description: 'Required for cervical coverage and refused on every other measure',
  })
  @FitsRow(ageBandProblem)
  ageBand?: CervicalAgeBand;

  @ApiPropertyOptional({
    example: 3,
    description:
      'Coverage only: the years it looks back (breast 3, cervical 25-49 3.5 and 50-64 5.5, bowel 2.5); the programme’s when left out',
  })
  @FitsRow(lookBackProblem)
  lookBackYears?: number;

  @ApiProperty({
    example: '2026-04',
    description: 'Uptake: the month of invitation; coverage: as at its last day',
  })
  @IsMonth('period')
  period!: string;

  @ApiProperty({
    minimum: 1,
    description: 'People eligible for screening (for uptake, those invited in the month)',
  })
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

export class ScreeningRowsDto {
  @ApiProperty({
    type: [ScreeningRowDto],
    description: `Up to ${MAX_ROWS} rows; a row of the same alliance, programme, measure, age band and month replaces it`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ROWS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ScreeningRowDto)
  rows!: ScreeningRowDto[];
}

export class ScreeningQuery extends MonthRangeQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @ApiPropertyOptional({ enum: SCREENING_PROGRAMMES })
  @IsOptional()
  @IsIn(SCREENING_PROGRAMMES)
  programme?: ScreeningProgramme;

  @ApiPropertyOptional({ enum: SCREENING_MEASURE_KINDS })
  @IsOptional()
  @IsIn(SCREENING_MEASURE_KINDS)
  measure?: ScreeningMeasureKind;

  @ApiPropertyOptional({ enum: CERVICAL_AGE_BANDS })
  @IsOptional()
  @IsIn(CERVICAL_AGE_BANDS)
  ageBand?: CervicalAgeBand;
}
