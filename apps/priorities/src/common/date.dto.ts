import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDay } from '#platform';

/** The day something happened or is checked as (a milestone met, a priority completed, the daily check). */
export class DateDto {
  @ApiPropertyOptional({ description: 'Today by default' })
  @IsOptional()
  @IsCalendarDay()
  on?: string;
}
