import { loadConfig } from '#platform';
import { createWebApp } from './bootstrap.js';
import { webConfigSchema } from './config.js';

const env = process.env;
const config = loadConfig(webConfigSchema, env);
const app = await createWebApp(env);
await app.listen(config.PORT, '0.0.0.0');
console.log(`Web app: ${config.WEB_BASE_URL}`);
