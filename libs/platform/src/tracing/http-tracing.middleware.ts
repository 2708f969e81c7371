import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { contextFromHeaders, platformTracer } from './spans.js';
import { tracingEnabled } from './tracing.js';

type RoutedRequest = IncomingMessage & {
  route?: { path?: unknown };
  baseUrl?: string;
};

/**
 * A server span for every HTTP request, child of the caller's `traceparent` when it sends one,
 * named by method and route (`POST /imports`, not the path with its ids) once Express has
 * matched it. Installed first, so the correlation id, logs and everything the request does run
 * inside it. Nothing at all while tracing is off.
 */
export function traceHttpRequests(
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
): void {
  if (!tracingEnabled()) {
    next();
    return;
  }
  const method = request.method ?? 'GET';
  const span = platformTracer().startSpan(
    method,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': method,
        'url.path': (request.url ?? '/').split('?')[0],
      },
    },
    contextFromHeaders(request.headers),
  );
  let ended = false;
  const end = () => {
    if (ended) {
      return;
    }
    ended = true;
    const routed = request as RoutedRequest;
    const path = routed.route?.path;
    if (typeof path === 'string') {
      const route = `${routed.baseUrl ?? ''}${path}`;
      span.updateName(`${method} ${route}`);
      span.setAttribute('http.route', route);
    }
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500) {
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
  response.once('finish', end);
  response.once('close', end);
  context.with(trace.setSpan(context.active(), span), () => next());
}
