import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Clock, Roles } from '#platform';
import { RunDailyCheckDto } from './daily-check.dto.js';
import {
  MembershipDailyCheckService,
  type DailyCheckResult,
} from './membership-daily-check.service.js';

@ApiTags('admin')
@Controller('admin/daily-check')
export class DailyCheckController {
  constructor(
    @Inject(MembershipDailyCheckService) private readonly check: MembershipDailyCheckService,
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
