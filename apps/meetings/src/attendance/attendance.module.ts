import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { AttendanceController } from './attendance.controller.js';
import { AttendanceService } from './attendance.service.js';
import { DeclarationsService } from './declarations.service.js';

/**
 * Who attended a meeting (members and nominated deputies), what they declared an interest in,
 * and holding it: quorum judged from attendance and the terms.
 */
@Module({
  imports: [MeetingsModule],
  controllers: [AttendanceController],
  providers: [AttendanceService, DeclarationsService],
})
export class AttendanceModule {}
