// The image's HEALTHCHECK: exits 0 when the service answers GET /health/live on its port, 1
// otherwise. Liveness only: /health/ready checks PostgreSQL, Kafka and Redis, and an outage of
// one of them must not mark every container unhealthy. node:20-bookworm-slim has no curl.
// Without PORT, each service listens on its default (apps/<service>/src/config.ts).
const DEFAULT_PORTS = {
  membership: 3001,
  meetings: 3002,
  priorities: 3003,
  performance: 3004,
  workflow: 3005,
};
const port = process.env.PORT || DEFAULT_PORTS[process.env.SERVICE ?? ''] || 3000;

try {
  const response = await globalThis.fetch(`http://127.0.0.1:${port}/health/live`, {
    signal: globalThis.AbortSignal.timeout(4000),
  });
  process.exitCode = response.ok ? 0 : 1;
} catch {
  process.exitCode = 1;
}
