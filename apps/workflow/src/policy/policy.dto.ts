import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CALENDARS, type CalendarName } from '../calendar/bank-holidays.js';

/** A bank holiday's name, set on its date (`PUT /calendar/bank-holidays/:date`). */
export class HolidayDto {
  @ApiProperty({ example: 'Christmas Day' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}

/** Which nation's bank-holiday calendar a request is about. */
export class CalendarQuery {
  @ApiPropertyOptional({ enum: CALENDARS, description: 'England and Wales when not given' })
  @IsOptional()
  @IsIn(CALENDARS, { message: `calendar must be one of ${CALENDARS.join(', ')}` })
  calendar?: CalendarName;
}
