import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { MetricsService } from './metrics.service.js';

// Express puts the matched route on the request; only its pattern (not the URL) keeps the
// label set small.
interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
}

/** Observes the duration of every HTTP request, labelled by method, route pattern and status. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware<RoutedRequest, ServerResponse> {
  constructor(private readonly metrics: MetricsService) {}

  use(request: RoutedRequest, response: ServerResponse, next: (error?: unknown) => void): void {
    const stopTimer = this.metrics.httpRequestDuration.startTimer();
    response.once('finish', () => {
      stopTimer({
        method: request.method ?? 'UNKNOWN',
        route: routeOf(request),
        status: response.statusCode,
      });
    });
    next();
  }
}

function routeOf(request: RoutedRequest): string {
  const path = request.route?.path;
  if (typeof path !== 'string') {
    return 'unmatched';
  }
  return `${request.baseUrl ?? ''}${path}`;
}
