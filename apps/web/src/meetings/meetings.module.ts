import { Module } from '@nestjs/common';
import { MeetingPageService } from './meeting-page.service.js';
import { MeetingsController } from './meetings.controller.js';

/** The meeting page the chair and the secretariat run a meeting from, and a body's meetings. */
@Module({ controllers: [MeetingsController], providers: [MeetingPageService] })
export class MeetingsModule {}
