import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { DailyTriggers } from './daily-triggers.js';

@ApiTags('cases')
@Controller()
export class GovernanceController {
  constructor(@Inject(DailyTriggers) private readonly triggers: DailyTriggers) {}

  /** Runs the daily check of roles left empty and actions long overdue now. */
  @Post('admin/daily-triggers')
  @HttpCode(200)
  @Roles('admin')
  run() {
    return this.triggers.run();
  }
}
