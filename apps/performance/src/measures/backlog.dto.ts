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
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { IsCalendarDay } from '#platform';
import { isSunday } from './backlog-weeks.js';
import { MAX_ROWS } from './measure-rows.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SITE = /^[a-z0-9-]{2,60}$/;
const SITE_MESSAGE = 'tumourSite must be a lower-case specialty such as lung';
const COUNT_LIMIT = 1_000_000;

/** A real date, written YYYY-MM-DD, that is a Sunday: the day a PTL week ends. */
function IsWeekEnding(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWeekEnding',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isSunday(value),
        defaultMessage: () => '$property must be a Sunday (the day the week ends) as YYYY-MM-DD',
      },
    },
    options,
  );
}

export class BacklogRowDto {
  @ApiProperty({ example: '2026-03-01', description: 'The Sunday the week ends' })
  @IsWeekEnding()
  weekEnding!: string;

  @ApiProperty({ example: 'RGT' })
  @Matches(/^[A-Za-z0-9]{1,9}$/, {
    message: 'orgCode must be an ODS code (1 to 9 letters and digits)',
  })
  orgCode!: string;

  @ApiProperty({ example: 'lung' })
  @Matches(SITE, { message: SITE_MESSAGE })
  tumourSite!: string;

  @ApiProperty({ minimum: 0, description: 'Waiting 0 to 28 days' })
  @IsInt()
  @Min(0)
  @Max(COUNT_LIMIT)
  days0To28!: number;

  @ApiProperty({ minimum: 0, description: 'Waiting 29 to 62 days' })
  @IsInt()
  @Min(0)
  @Max(COUNT_LIMIT)
  days29To62!: number;

  @ApiProperty({ minimum: 0, description: 'Waiting 63 to 104 days' })
  @IsInt()
  @Min(0)
  @Max(COUNT_LIMIT)
  days63To104!: number;

  @ApiProperty({ minimum: 0, description: 'Waiting over 104 days' })
  @IsInt()
  @Min(0)
  @Max(COUNT_LIMIT)
  daysOver104!: number;
}

export class BacklogRowsDto {
  @ApiProperty({
    type: [BacklogRowDto],
    description: `Up to ${MAX_ROWS} rows; a row of the same week, provider and tumour site replaces its counts`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ROWS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BacklogRowDto)
  rows!: BacklogRowDto[];
}

export class BacklogQuery {
  @ApiProperty({ description: "The alliance whose providers' lists are summed" })
  @IsUUID()
  allianceId!: string;

  @ApiPropertyOptional({ example: 'lung', description: 'One tumour site; all of them when absent' })
  @IsOptional()
  @Matches(SITE, { message: SITE_MESSAGE })
  tumourSite?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'First week ending, included' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date as YYYY-MM-DD' })
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last week ending, included' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date as YYYY-MM-DD' })
  @IsCalendarDay()
  to?: string;
}
