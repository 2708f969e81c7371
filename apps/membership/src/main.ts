import { loadConfig } from '#platform';
import { createMembershipApp } from './bootstrap.js';
import { membershipConfigSchema } from './config.js';

const env = process.env;
const config = loadConfig(membershipConfigSchema, env);
const app = await createMembershipApp(env);
await app.listen(config.PORT, '0.0.0.0');
