import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class RunDailyCheckDto {
  @ApiPropertyOptional({
    example: '2026-11-21',
    description: 'The day to check as; today by default',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  on?: string;
}
