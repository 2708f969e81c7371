import { loadConfig, startTracing } from '#platform';
import { createMembershipApp } from './bootstrap.js';
import { membershipConfigSchema } from './config.js';

const env = process.env;
const config = loadConfig(membershipConfigSchema, env);
// Off unless the OTEL_* variables ask for it (README: Tracing).
startTracing({ serviceName: config.SERVICE_NAME, env });
const app = await createMembershipApp(env);
await app.listen(config.PORT, '0.0.0.0');
