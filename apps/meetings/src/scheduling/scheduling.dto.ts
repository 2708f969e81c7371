import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MEETING_KINDS } from '#contracts';

export class ScheduleMeetingDto {
  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS)
  kind!: (typeof MEETING_KINDS)[number];

  @ApiProperty({ example: 'Lung Cancer Network Group, Q3 2026/27' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2026-12-10T14:00:00Z' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-10T16:00:00Z' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiPropertyOptional({ example: 'Boardroom, Addenbrooke’s Hospital' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  location?: string;

  @ApiPropertyOptional({ example: 'https://meet.example.org/lung-q3' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https'] })
  onlineUrl?: string;
}

export class ScheduleSeriesDto extends ScheduleMeetingDto {
  @ApiProperty({ enum: ['month', 'quarter'], description: 'Gap between meetings' })
  @IsIn(['month', 'quarter'])
  every!: 'month' | 'quarter';

  @ApiProperty({ minimum: 2, maximum: 12, example: 4 })
  @IsInt()
  @Min(2)
  @Max(12)
  count!: number;
}

export class RescheduleMeetingDto {
  @ApiProperty()
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty()
  @IsISO8601({ strict: true })
  endsAt!: string;
}

export class CancelMeetingDto {
  @ApiProperty({ example: 'Not enough members available' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
