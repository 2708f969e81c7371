// Tokens from the development identity server (`npm start` runs it) for the scripts: a demo
// member's by a scripted sign-in, or a machine client's by client credentials. AUTH_ISSUER
// and IDENTITY_PASSWORD override the development defaults.
import { DEV_CLI_CLIENT, DEV_PASSWORD, DEV_SERVICE_CLIENT } from '#dev-identity';
import { clientCredentialsToken, DEVELOPMENT_ISSUER, passwordSignIn } from '#platform';

const issuer = (): string => process.env['AUTH_ISSUER'] ?? DEVELOPMENT_ISSUER;

/** A person's access token: the demo member (or admin@example.org) signs in. */
export async function devMemberToken(email: string): Promise<string> {
  const signedIn = await passwordSignIn({
    issuer: issuer(),
    clientId: DEV_CLI_CLIENT.id,
    redirectUri: DEV_CLI_CLIENT.redirectUri,
    email,
    password: process.env['IDENTITY_PASSWORD'] ?? DEV_PASSWORD,
  });
  return signedIn.accessToken;
}

/** A machine client's access token (role `service`). */
export function devServiceToken(): Promise<string> {
  return clientCredentialsToken({
    issuer: issuer(),
    clientId: DEV_SERVICE_CLIENT.id,
    clientSecret: DEV_SERVICE_CLIENT.secret,
  });
}
