import { loadConfig, startTracing } from '#platform';
import { createMeetingsApp } from './bootstrap.js';
import { meetingsConfigSchema } from './config.js';

const env = process.env;
const config = loadConfig(meetingsConfigSchema, env);
// Off unless the OTEL_* variables ask for it (README: Tracing).
startTracing({ serviceName: config.SERVICE_NAME, env });
const app = await createMeetingsApp(env);
await app.startAllMicroservices();
await app.listen(config.PORT, '0.0.0.0');
