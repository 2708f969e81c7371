import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { Clock, Roles } from '#platform';
import { MembershipDailyCheck, type DailyCheckResult } from './membership-daily-check.service.js';

export class RunDailyCheckDto {
  @ApiPropertyOptional({
    example: '2026-11-21',
    description: 'The day to check as; today by default',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  on?: string;
}

@ApiTags('admin')
@Controller('admin/daily-check')
export class DailyCheckController {
  constructor(
    @Inject(MembershipDailyCheck) private readonly check: MembershipDailyCheck,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Runs the daily check now (it also runs on its schedule); running it twice changes nothing. */
  @Post()
  @HttpCode(200)
  @Roles('admin')
  run(@Body() dto: RunDailyCheckDto): Promise<DailyCheckResult> {
    return this.check.run(dto.on ?? this.clock.today());
  }
}
