import { loadConfig, startTracing } from '#platform';
import { createPerformanceApp } from './bootstrap.js';
import { performanceConfigSchema } from './config.js';

const env = process.env;
const config = loadConfig(performanceConfigSchema, env);
// Off unless the OTEL_* variables ask for it (README: Tracing).
startTracing({ serviceName: config.SERVICE_NAME, env });
const app = await createPerformanceApp(env);
await app.startAllMicroservices();
await app.listen(config.PORT, '0.0.0.0');
