import { Module } from '@nestjs/common';
import { MembershipViewModule } from '#membership-view';
import { CalendarModule } from '../calendar/calendar.module.js';
import { HistoryModule } from '../history/history.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { CaseEffectsService } from './case-effects.service.js';
import { CaseMetrics } from './case-metrics.js';
import { CaseMeetingsConsumer } from './case-meetings.consumer.js';
import { CaseQueriesService } from './case-queries.service.js';
import { CaseTriggersConsumer } from './case-triggers.consumer.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

/**
 * Escalation cases: opened by triggers (other services' events, the daily check, people),
 * moved up the ladder by decisions and missed deadlines. CasesService is what the timers and
 * the daily check use.
 */
@Module({
  imports: [MembershipViewModule, HistoryModule, PolicyModule, CalendarModule, NotificationsModule],
  controllers: [CasesController, CaseTriggersConsumer, CaseMeetingsConsumer],
  providers: [CasesService, CaseEffectsService, CaseQueriesService, CaseMetrics],
  exports: [CasesService],
})
export class CasesModule {}
