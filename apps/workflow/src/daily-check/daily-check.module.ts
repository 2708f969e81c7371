import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { DailyCheckController } from './daily-check.controller.js';
import { DailyCheckProcessor } from './daily-check.processor.js';
import { GovernanceDailyCheckService } from './governance-daily-check.service.js';

/** The daily check: roles left empty and actions long overdue open cases. */
@Module({
  imports: [CasesModule, PolicyModule],
  controllers: [DailyCheckController],
  providers: [GovernanceDailyCheckService, DailyCheckProcessor],
})
export class DailyCheckModule {}
