import { loadConfig, withDevelopmentSecret } from '#platform';
import { createPrioritiesApp } from './bootstrap.js';
import { prioritiesConfigSchema } from './config.js';

const env = withDevelopmentSecret(process.env);
const config = loadConfig(prioritiesConfigSchema, env);
const app = await createPrioritiesApp(env);
await app.startAllMicroservices();
await app.listen(config.PORT, '0.0.0.0');
