import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ActionsDailyCheckService } from './actions-daily-check.service.js';
import { ActionsController } from './actions.controller.js';
import { ActionsService } from './actions.service.js';
import { DailyCheckController } from './daily-check.controller.js';
import { DailyCheckProcessor } from './daily-check.processor.js';

/** Actions a meeting assigns, and the service's daily check that announces them overdue. */
@Module({
  imports: [MeetingsModule],
  controllers: [ActionsController, DailyCheckController],
  providers: [ActionsService, ActionsDailyCheckService, DailyCheckProcessor],
})
export class ActionsModule {}
