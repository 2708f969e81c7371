import { loadConfig, startTracing } from '#platform';
import { createWebApp } from './bootstrap.js';
import { webConfigSchema } from './config.js';

const env = process.env;
const config = loadConfig(webConfigSchema, env);
// Off unless the OTEL_* variables ask for it (README: Tracing).
startTracing({ serviceName: config.SERVICE_NAME, env });
const app = await createWebApp(env);
await app.listen(config.PORT, '0.0.0.0');
console.log(`Web app: ${config.WEB_BASE_URL}`);
