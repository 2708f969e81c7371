import { loadConfig, startTracing } from '#platform';
import { createPrioritiesApp } from './bootstrap.js';
import { prioritiesConfigSchema } from './config.js';

const env = process.env;
const config = loadConfig(prioritiesConfigSchema, env);
// Off unless the OTEL_* variables ask for it (README: Tracing).
startTracing({ serviceName: config.SERVICE_NAME, env });
const app = await createPrioritiesApp(env);
await app.startAllMicroservices();
await app.listen(config.PORT, '0.0.0.0');
