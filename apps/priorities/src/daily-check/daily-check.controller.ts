import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Clock, Roles } from '#platform';
import { DateDto } from '../common/date.dto.js';
import {
  PrioritiesDailyCheckService,
  type PrioritiesCheckResult,
} from './priorities-daily-check.service.js';

@ApiTags('priorities')
@Controller()
export class DailyCheckController {
  constructor(
    @Inject(PrioritiesDailyCheckService) private readonly daily: PrioritiesDailyCheckService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Runs the daily check now (it also runs on its schedule); running it twice changes nothing. */
  @Post('admin/daily-check')
  @HttpCode(200)
  @Roles('admin')
  dailyCheck(@Body() dto: DateDto): Promise<PrioritiesCheckResult> {
    return this.daily.run(dto.on ?? this.clock.today());
  }
}
