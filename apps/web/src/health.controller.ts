import { Controller, Get } from '@nestjs/common';
import { PublicPage } from './auth/signed-in.guard.js';

/** Liveness for the container's health check; the web app holds no connections of its own. */
@Controller('health')
export class HealthController {
  @Get('live')
  @PublicPage()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
