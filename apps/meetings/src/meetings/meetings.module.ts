import { Module } from '@nestjs/common';
import { MembershipViewModule } from '#membership-view';
import { BodyAccessService } from './body-access.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';

/**
 * The meeting record every other feature builds on: reading meetings, and who may act for one.
 * Features change a meeting inside their own transactions through lock-meeting.ts.
 */
@Module({
  imports: [MembershipViewModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, BodyAccessService],
  exports: [MeetingsService, BodyAccessService],
})
export class MeetingsModule {}
