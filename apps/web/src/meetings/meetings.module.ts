import { Module } from '@nestjs/common';
import { loadConfig } from '#platform';
import { ServicesApi } from '../api/services-api.js';
import { webConfigSchema } from '../config.js';
import { WEB_CONFIG } from '../web-config.js';
import { MeetingPageService } from './meeting-page.service.js';
import { MeetingsController } from './meetings.controller.js';

/** The meeting page the chair and the secretariat run a meeting from, and a body's meetings. */
@Module({})
export class MeetingsModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env) {
    return {
      module: MeetingsModule,
      controllers: [MeetingsController],
      providers: [
        { provide: WEB_CONFIG, useValue: loadConfig(webConfigSchema, env) },
        ServicesApi,
        MeetingPageService,
      ],
    };
  }
}
