import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Clock, Roles } from '#platform';
import { ActionsDailyCheckService, type DailyCheckResult } from './actions-daily-check.service.js';
import { RunDailyCheckDto } from './daily-check.dto.js';

@ApiTags('actions and minutes')
@Controller()
export class DailyCheckController {
  constructor(
    @Inject(ActionsDailyCheckService) private readonly check: ActionsDailyCheckService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Runs the daily check of overdue actions and overdue draft minutes now (it also runs on its
   * schedule).
   */
  @Post('admin/daily-check')
  @HttpCode(200)
  @Roles('admin')
  dailyCheck(@Body() dto: RunDailyCheckDto): Promise<DailyCheckResult> {
    return this.check.run(dto.on ?? this.clock.today());
  }
}
