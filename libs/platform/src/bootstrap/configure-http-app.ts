import type { Server } from 'node:http';
import helmet from 'helmet';
import type { INestApplication } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { BaseConfig } from '../config/config.schema.js';
import { DomainErrorFilter } from '../errors/domain-error.filter.js';
import { answerClientErrorsAsProblems } from '../http/client-error.js';
import { problemDetails } from '../http/problem-details.js';
import { CorrelationIdMiddleware } from '../logging/correlation-id.middleware.js';
import { JsonLogger } from '../logging/json-logger.service.js';
import { setupOpenApi } from '../openapi/setup-openapi.js';
import { traceHttpRequests } from '../tracing/http-tracing.middleware.js';
import { createValidationPipe } from '../validation/validation.pipe.js';

export interface HttpAppOptions {
  config: BaseConfig;
  /** Title of the OpenAPI document, e.g. "Membership service". */
  title: string;
  version?: string;
  description?: string;
  /** Where the JSON log lines go; stdout by default. */
  logDestination?: DestinationStream;
}

/**
 * The HTTP plumbing every service shares. Create the app with `{ bufferLogs: true }` so the lines
 * Nest writes while booting also come out as JSON once the logger is installed here.
 * Kafka is the messaging lib's business and is wired there.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): JsonLogger {
  const { config } = options;
  const logger = new JsonLogger({
    service: config.SERVICE_NAME,
    level: config.LOG_LEVEL,
    ...(options.logDestination !== undefined && { destination: options.logDestination }),
  });
  app.useLogger(logger);
  app.flushLogs();

  // First, so the request's span is active for its correlation id, its logs and its work.
  app.use(traceHttpRequests);
  // Registered before Nest's routes, so even unmatched requests get a correlation id.
  const correlation = new CorrelationIdMiddleware();
  app.use(correlation.use.bind(correlation));
  // One error shape for every answer: problem details with the correlation id, even for the
  // requests Node's HTTP parser refuses before any middleware (a URL over 16 KB).
  app.use(problemDetails);
  answerClientErrorsAsProblems(app.getHttpServer() as Server);
  // Helmet's headers (HSTS, nosniff, frame-ancestors 'none' by CSP, no referrer...): the APIs
  // serve JSON and one documentation page, and a browser should treat both as such.
  app.use(helmet());
  // No X-Powered-By: the framework a service runs on is nobody's business.
  (app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void }).disable?.(
    'x-powered-by',
  );
  app.useGlobalPipes(createValidationPipe());
  // Services throw domain errors; this is where they become HTTP answers.
  app.useGlobalFilters(new DomainErrorFilter());
  setupOpenApi(app, {
    title: options.title,
    version: options.version ?? '1.0.0',
    ...(options.description !== undefined && { description: options.description }),
  });
  // Closes Kafka consumers, the outbox relay and pools on SIGTERM before the pod goes away.
  app.enableShutdownHooks();
  return logger;
}
