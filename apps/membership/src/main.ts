import { loadConfig } from '#platform';
import { createMembershipApp } from './bootstrap.js';
import { membershipConfigSchema } from './config.js';

const config = loadConfig(membershipConfigSchema, process.env);
const app = await createMembershipApp(process.env);
await app.listen(config.PORT, '0.0.0.0');
