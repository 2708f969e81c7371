import { Inject, Injectable } from '@nestjs/common';
import { currentContext, traceHeaders } from '#platform';
import type { WebConfig } from '../config.js';
import { WEB_CONFIG } from '../web-config.js';

/** Whoever the call is made for: a signed-in person's session carries their access token. */
export interface Caller {
  readonly accessToken: string;
}

/** A visitor of the public pages: the services' public routes are called with no token. */
export const ANONYMOUS: Caller = Object.freeze({ accessToken: '' });

export type Service = 'membership' | 'meetings' | 'priorities' | 'performance' | 'workflow';

/** A field error as the services send it (problem details' `errors`). */
export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/** A service said no, or could not be reached; the page decides what the person sees. */
export class ApiError extends Error {
  constructor(
    readonly service: Service,
    /** The service's status, or 503 when it could not be reached. */
    readonly status: number,
    readonly detail: string,
    readonly errors: readonly FieldError[] = [],
    readonly correlationId?: string,
    /** The service's whole answer (an import's `report` beside its `errors`), when JSON. */
    readonly body?: unknown,
  ) {
    super(`${service} answered ${status}: ${detail}`);
    this.name = 'ApiError';
  }
}

/**
 * The services' APIs, called with the signed-in person's access token, so each service's own
 * authorization decides what they see and may do. The request's correlation id goes along.
 */
@Injectable()
export class ServicesApi {
  private readonly bases: Record<Service, string>;

  constructor(@Inject(WEB_CONFIG) config: WebConfig) {
    this.bases = {
      membership: config.MEMBERSHIP_URL,
      meetings: config.MEETINGS_URL,
      priorities: config.PRIORITIES_URL,
      performance: config.PERFORMANCE_URL,
      workflow: config.WORKFLOW_URL,
    };
  }

  get<T>(session: Caller, service: Service, path: string): Promise<T> {
    return this.call<T>(session, service, 'GET', path);
  }

  post<T>(session: Caller, service: Service, path: string, body: object = {}): Promise<T> {
    return this.call<T>(session, service, 'POST', path, body);
  }

  put<T>(session: Caller, service: Service, path: string, body: object): Promise<T> {
    return this.call<T>(session, service, 'PUT', path, body);
  }

  /** Text a service answers (an SVG chart), with the same errors as the JSON calls. */
  async getText(session: Caller, service: Service, path: string): Promise<string> {
    const response = await this.send(session, service, 'GET', path, { accept: '*/*' });
    return response.text();
  }

  /** Posts raw bytes (a CSV file) as `contentType`, within `seconds`, and reads the JSON answer. */
  async postBytes<T>(
    session: Caller,
    service: Service,
    path: string,
    bytes: Uint8Array,
    contentType: string,
    seconds = 15,
  ): Promise<T> {
    const response = await this.send(session, service, 'POST', path, {
      accept: 'application/json',
      contentType,
      body: bytes,
      seconds,
    });
    return (await response.json().catch(() => undefined)) as T;
  }

  private async call<T>(
    session: Caller,
    service: Service,
    method: string,
    path: string,
    body?: object,
  ): Promise<T> {
    const response = await this.send(session, service, method, path, {
      accept: 'application/json',
      ...(body && { contentType: 'application/json', body: JSON.stringify(body) }),
    });
    return (await response.json().catch(() => undefined)) as T;
  }

  /** The service's answer when it is a success; an ApiError when it is not or cannot be had. */
  private async send(
    session: Caller,
    service: Service,
    method: string,
    path: string,
    options: { accept: string; contentType?: string; body?: string | Uint8Array; seconds?: number },
  ): Promise<Response> {
    const correlationId = currentContext()?.correlationId;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.bases[service]), {
        method,
        headers: {
          ...(session.accessToken && { authorization: `Bearer ${session.accessToken}` }),
          accept: options.accept,
          ...(correlationId && { 'x-correlation-id': correlationId }),
          // The page request's trace continues in the service (W3C traceparent).
          ...traceHeaders(),
          ...(options.contentType && { 'content-type': options.contentType }),
        },
        ...(options.body !== undefined && { body: options.body }),
        signal: AbortSignal.timeout((options.seconds ?? 15) * 1000),
      });
    } catch (error) {
      throw new ApiError(service, 503, (error as Error).message, [], correlationId);
    }
    if (!response.ok) {
      const payload: unknown = await response.json().catch(() => undefined);
      const problem = (payload ?? {}) as { detail?: string; errors?: FieldError[] };
      throw new ApiError(
        service,
        response.status >= 500 ? 503 : response.status,
        problem.detail ?? response.statusText,
        problem.errors ?? [],
        response.headers.get('x-correlation-id') ?? correlationId,
        payload,
      );
    }
    return response;
  }
}
