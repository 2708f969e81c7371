import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth/auth.controller.js';
import { OidcService } from './auth/oidc.service.js';
import { SessionsService } from './auth/sessions.service.js';
import { SignedInGuard } from './auth/signed-in.guard.js';
import { BodiesController } from './bodies/bodies.controller.js';
import { CasesController } from './cases/cases.controller.js';
import { HealthController } from './health.controller.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { MyWorkController } from './my-work/my-work.controller.js';
import { PerformanceModule } from './performance/performance.module.js';
import { PublicRecordModule } from './public-record/public-record.module.js';
import { WebErrorsFilter } from './web-errors.filter.js';
import { WebCoreModule } from './web-core.module.js';

/**
 * The web app: pages on the NHS.UK frontend for the people who act on escalations. It keeps no
 * data of its own; every page calls the services with the signed-in person's token.
 */
@Module({})
export class WebModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env) {
    return {
      module: WebModule,
      imports: [WebCoreModule.forRoot(env), PerformanceModule, MeetingsModule, PublicRecordModule],
      controllers: [
        AuthController,
        MyWorkController,
        CasesController,
        BodiesController,
        HealthController,
      ],
      providers: [
        OidcService,
        SessionsService,
        { provide: APP_GUARD, useClass: SignedInGuard },
        { provide: APP_FILTER, useClass: WebErrorsFilter },
      ],
    };
  }
}
