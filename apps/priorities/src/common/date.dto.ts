import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** The day something happened or is checked as (a milestone met, a priority completed, the daily check). */
export class DateDto {
  @ApiPropertyOptional({ description: 'Today by default' })
  @IsOptional()
  @IsISO8601({ strict: true })
  on?: string;
}
