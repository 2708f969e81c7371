import { loadConfig, startTracing } from '#platform';
import { createWorkflowApp } from './bootstrap.js';
import { workflowConfigSchema } from './config.js';

const env = process.env;
const config = loadConfig(workflowConfigSchema, env);
// Off unless the OTEL_* variables ask for it (README: Tracing).
startTracing({ serviceName: config.SERVICE_NAME, env });
const app = await createWorkflowApp(env);
await app.startAllMicroservices();
await app.listen(config.PORT, '0.0.0.0');
