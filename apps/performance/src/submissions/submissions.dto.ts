import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Min,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  DATA_STATUSES,
  WAITING_TIME_STANDARDS,
  type DataStatus,
  type WaitingTimeStandard,
} from '#contracts';
import { IsDecimalNumber, PageQuery } from '#platform';
import { IMPORT_MODES, type ImportMode } from './import-run.entity.js';
import { IsMonth } from '../common/month.dto.js';

const HALVES = { maxDecimalPlaces: 1 } as const;

export class ImportQuery {
  @ApiPropertyOptional({
    enum: IMPORT_MODES,
    default: 'all-or-nothing',
    description: '`good-rows` imports the good rows and reports the rest',
  })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode: ImportMode = 'all-or-nothing';

  @ApiPropertyOptional({
    example: '2026-04',
    description: 'The month, for a file with no PERIOD or MONTH column',
  })
  @IsOptional()
  @IsMonth('period')
  period?: string;

  @ApiPropertyOptional({
    enum: DATA_STATUSES,
    default: 'provisional',
    description: 'Whether the figures are provisional or final (a revision of provisional ones)',
  })
  @IsOptional()
  @IsIn(DATA_STATUSES, { message: 'dataStatus must be provisional or final' })
  dataStatus: DataStatus = 'provisional';

  @ApiPropertyOptional({ example: 'CWT-CRS-Apr-2026.csv' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  fileName?: string;
}

export class SubmissionRowDto {
  @ApiProperty({ example: '2026-04' })
  @IsMonth('period')
  period!: string;

  @ApiProperty({ enum: WAITING_TIME_STANDARDS })
  @IsIn(WAITING_TIME_STANDARDS)
  standard!: WaitingTimeStandard;

  @ApiProperty({ example: 'RGT' })
  @Matches(/^[A-Za-z0-9]{1,9}$/, {
    message: 'orgCode must be an ODS code (1 to 9 letters and digits)',
  })
  orgCode!: string;

  @ApiPropertyOptional({ enum: ['provider', 'commissioner'], default: 'provider' })
  @IsOptional()
  @IsIn(['provider', 'commissioner'])
  basis: 'provider' | 'commissioner' = 'provider';

  @ApiProperty({ example: 'Suspected lung cancer' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  cancerType!: string;

  @ApiPropertyOptional({ type: String, example: 'URGENT SUSPECTED CANCER' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  route = '';

  @ApiPropertyOptional({ type: String, example: 'Surgery' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  modality = '';

  @ApiProperty({ description: 'Patients counted; halves allowed where a pathway is shared' })
  @IsDecimalNumber(HALVES)
  @Min(0)
  total!: number;

  @ApiProperty()
  @IsDecimalNumber(HALVES)
  @Min(0)
  within!: number;

  @ApiProperty()
  @IsDecimalNumber(HALVES)
  @Min(0)
  breaches!: number;
}

export class SubmitRowsDto {
  @ApiPropertyOptional({ enum: IMPORT_MODES, default: 'all-or-nothing' })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode: ImportMode = 'all-or-nothing';

  @ApiPropertyOptional({ enum: DATA_STATUSES, default: 'provisional' })
  @IsOptional()
  @IsIn(DATA_STATUSES, { message: 'dataStatus must be provisional or final' })
  dataStatus: DataStatus = 'provisional';

  @ApiProperty({ type: [SubmissionRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  // Each row an object: an array in its place would pass @ValidateNested and reach the code.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SubmissionRowDto)
  rows!: SubmissionRowDto[];
}

export class SubmissionQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-04' })
  @IsOptional()
  @IsMonth('period')
  period?: string;

  @ApiPropertyOptional({ enum: WAITING_TIME_STANDARDS })
  @IsOptional()
  @IsIn(WAITING_TIME_STANDARDS)
  standard?: WaitingTimeStandard;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,9}$/, { message: 'orgCode must be an ODS code' })
  orgCode?: string;
}
