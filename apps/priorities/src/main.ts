import { loadConfig } from '#platform';
import { createPrioritiesApp } from './bootstrap.js';
import { prioritiesConfigSchema } from './config.js';

const env = process.env;
const config = loadConfig(prioritiesConfigSchema, env);
const app = await createPrioritiesApp(env);
await app.startAllMicroservices();
await app.listen(config.PORT, '0.0.0.0');
