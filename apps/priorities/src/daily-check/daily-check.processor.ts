import { dailyCheckProcessor } from '#jobs';
import { PrioritiesDailyCheckService } from './priorities-daily-check.service.js';

/** Runs the priorities daily check on its schedule (DAILY_CHECK_CRON, UK time). */
export class DailyCheckProcessor extends dailyCheckProcessor(
  'priorities-daily-check',
  PrioritiesDailyCheckService,
) {}
