import { loadConfig, withDevelopmentSecret } from '#platform';
import { createPerformanceApp } from './bootstrap.js';
import { performanceConfigSchema } from './config.js';

const env = withDevelopmentSecret(process.env);
const config = loadConfig(performanceConfigSchema, env);
const app = await createPerformanceApp(env);
await app.startAllMicroservices();
await app.listen(config.PORT, '0.0.0.0');
