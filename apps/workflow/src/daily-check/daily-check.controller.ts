import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { GovernanceDailyCheckService } from './governance-daily-check.service.js';

@ApiTags('cases')
@Controller()
export class DailyCheckController {
  constructor(
    @Inject(GovernanceDailyCheckService) private readonly check: GovernanceDailyCheckService,
  ) {}

  /** Runs the daily check of roles left empty and actions long overdue now. */
  @Post('admin/daily-triggers')
  @HttpCode(200)
  @Roles('admin')
  run() {
    return this.check.run();
  }
}
