// Mints a bearer token for calling the services by hand or from scripts:
//   npm run token -- --sub alice --roles admin,clinician --ttl 3600 [--member-id m-1] [--name "Dr A"]
// Reads AUTH_JWT_SECRET, AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE from the environment.
import { parseArgs } from 'node:util';
import { isRole, mintToken, withDevelopmentSecret, type Role } from '#platform';

const USAGE = `Usage: npm run token -- --sub <subject> --roles <admin,clinician,service> [--ttl <seconds>]
                       [--member-id <id>] [--name <display name>]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

function parseRoles(value: string): Role[] {
  const roles = value
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role.length > 0);
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    fail(`--roles must list roles among admin, clinician, service (got "${value}")`);
  }
  return roles.filter(isRole);
}

function secretFromEnv(env: NodeJS.ProcessEnv): string {
  let secret: string | undefined;
  try {
    secret = withDevelopmentSecret(env)['AUTH_JWT_SECRET'];
  } catch (error) {
    fail((error as Error).message);
  }
  if (!secret || secret.length < 32) {
    fail('AUTH_JWT_SECRET must be at least 32 characters');
  }
  return secret;
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        sub: { type: 'string' },
        roles: { type: 'string' },
        ttl: { type: 'string', default: '3600' },
        'member-id': { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    // parseArgs explains unknown or incomplete options well; add the usage.
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function main(): void {
  const values = parseCommandLine();
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.sub === undefined || values.sub === '') {
    fail('--sub is required');
  }
  if (values.roles === undefined) {
    fail('--roles is required');
  }
  const roles = parseRoles(values.roles);
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    fail(`--ttl must be a positive whole number of seconds (got "${values.ttl}")`);
  }

  const env = process.env;
  const token = mintToken({
    secret: secretFromEnv(env),
    issuer: env['AUTH_JWT_ISSUER'] || 'cancer-network',
    audience: env['AUTH_JWT_AUDIENCE'] || 'cancer-network',
    sub: values.sub,
    roles,
    ttlSeconds,
    ...(values['member-id'] !== undefined && { memberId: values['member-id'] }),
    ...(values.name !== undefined && { name: values.name }),
  });
  process.stdout.write(`${token}\n`);
}

main();
