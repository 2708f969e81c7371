import { dailyCheckProcessor } from '#jobs';
import { ActionsDailyCheckService } from './actions-daily-check.service.js';

/** Runs the daily check (overdue actions and minutes) on its schedule (DAILY_CHECK_CRON, UK time). */
export class DailyCheckProcessor extends dailyCheckProcessor(
  'meetings-actions-overdue',
  ActionsDailyCheckService,
) {}
