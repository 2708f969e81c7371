// Mints a bearer token for calling the services by hand or from scripts:
//   npm run token -- --sub alice --roles admin,clinician --ttl 3600 [--member-id m-1] [--name "Dr A"]
// Reads AUTH_JWT_SECRET, AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE from the environment.
import { parseArgs } from 'node:util';
import { isRole, mintToken, type Role } from '#platform';

// The same value lives in no deployed environment: it only spares a developer setting one locally.
const DEVELOPMENT_SECRET = 'development-only-secret-do-not-use-in-production';

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
  const secret = env['AUTH_JWT_SECRET'];
  if (secret !== undefined && secret !== '') {
    if (secret.length < 32) {
      fail('AUTH_JWT_SECRET must be at least 32 characters');
    }
    return secret;
  }
  if (env['NODE_ENV'] === 'production') {
    fail('AUTH_JWT_SECRET is required when NODE_ENV is production');
  }
  process.stderr.write(
    `warning: AUTH_JWT_SECRET is not set; signing with the development secret ` +
      `"${DEVELOPMENT_SECRET}", which services accept only if their AUTH_JWT_SECRET is the same\n`,
  );
  return DEVELOPMENT_SECRET;
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
