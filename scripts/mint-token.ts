// A bearer token from the identity provider, for calling the services by hand or from scripts:
//   npm run token -- --member admin@example.org     (a person signs in: authorization code + PKCE)
//   npm run token -- --service                      (a machine client: client credentials)
// The development identity server (`npm start`) is asked unless AUTH_ISSUER names another.
import { parseArgs } from 'node:util';
import { devMemberToken, devServiceToken } from './dev-token.js';

const USAGE = `Usage: npm run token -- --member <e-mail>   (e.g. admin@example.org, or a demo member's address)
       npm run token -- --service`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        member: { type: 'string' },
        service: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    // parseArgs explains unknown or incomplete options well; add the usage.
    return fail(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const values = parseCommandLine();
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if ((values.member === undefined) === (values.service !== true)) {
    fail('Give either --member <e-mail> or --service');
  }
  try {
    const token =
      values.member !== undefined ? await devMemberToken(values.member) : await devServiceToken();
    process.stdout.write(`${token}\n`);
  } catch (error) {
    fail(`No token: ${(error as Error).message}`);
  }
}

await main();
