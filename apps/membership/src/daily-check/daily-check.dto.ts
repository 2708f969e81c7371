import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDay } from '#platform';

export class RunDailyCheckDto {
  @ApiPropertyOptional({
    example: '2026-11-21',
    description: 'The day to check as; today by default',
  })
  @IsOptional()
  @IsCalendarDay()
  on?: string;
}
