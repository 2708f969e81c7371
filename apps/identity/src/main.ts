// The development identity server (`npm start` runs it): the local stand-in for Entra ID, NHS
// CIS2 Authentication or Keycloak. Settings come from the environment, with development defaults.
import { devClients, DevIdentityServer, devIdentitySettings } from '#dev-identity';

const settings = devIdentitySettings(process.env);
const server = new DevIdentityServer({ ...settings, clients: devClients(process.env) });
await server.start();
process.stdout.write(`Development identity server: ${settings.issuer} (never for real people)\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.stop().then(() => process.exit(0)));
}
