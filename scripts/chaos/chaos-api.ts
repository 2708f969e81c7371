import type { Fleet, Service } from './fleet.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The suite's HTTP client: each request goes to a random live instance of the service, and one
 * that meets a dead instance, a refused connection or a 5xx is sent again elsewhere, as a
 * load balancer's client would. Counts what it had to retry.
 */
export class ChaosApi {
  retries = 0;

  constructor(
    private readonly fleet: Fleet,
    private readonly token: () => Promise<string>,
  ) {}

  async call<T>(
    service: Service,
    method: string,
    path: string,
    body?: unknown,
    options: { attempts?: number; accept?: number[] } = {},
  ): Promise<T> {
    const attempts = options.attempts ?? 40;
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(`${this.fleet.url(service)}${path}`, {
          method,
          headers: {
            authorization: await this.token(),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        last = error;
        this.retries += 1;
        await pause(attempt);
        continue;
      }
      const text = await response.text();
      if (response.ok || options.accept?.includes(response.status)) {
        return (text ? JSON.parse(text) : undefined) as T;
      }
      last = new ApiError(
        response.status,
        `${method} ${service}${path}: ${response.status} ${text.slice(0, 500)}`,
      );
      if (response.status < 500 && response.status !== 429) {
        throw last;
      }
      this.retries += 1;
      await pause(attempt);
    }
    throw last instanceof Error ? last : new Error(String(last));
  }

  get<T>(service: Service, path: string): Promise<T> {
    return this.call<T>(service, 'GET', path);
  }

  post<T>(service: Service, path: string, body: unknown): Promise<T> {
    return this.call<T>(service, 'POST', path, body);
  }
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 3000)));
}
