import { dailyCheckProcessor } from '#jobs';
import { MembershipDailyCheckService } from './membership-daily-check.service.js';

/** Runs the membership daily check on its schedule (DAILY_CHECK_CRON, UK time). */
export class DailyCheckProcessor extends dailyCheckProcessor(
  'membership-daily-check',
  MembershipDailyCheckService,
) {}
