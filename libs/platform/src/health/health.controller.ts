import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators.js';
import { DEFAULT_CHECK_TIMEOUT_MS, HEALTH_OPTIONS, type HealthOptions } from './health.options.js';

/** Probes for the orchestrator: liveness restarts a stuck process, readiness routes traffic. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  // Dependencies are deliberately not checked here: a database outage must not restart every pod.
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when every dependency answers in time; else 503 naming those that did not and why. */
  @Get('ready')
  @HealthCheck()
  ready() {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
    return this.health.check(
      this.options.checks.map((check) =>
        this.indicators
          .check(check.name)
          .attempt(({ signal }) => check.run(signal))
          .withTimeout(timeoutMs),
      ),
    );
  }
}
