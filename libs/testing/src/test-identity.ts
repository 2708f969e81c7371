import {
  DEV_CLI_CLIENT,
  devClients,
  DevIdentityServer,
  subjectOf,
  type AccountRole,
  type DevAccount,
} from '#dev-identity';
import { isRole, passwordSignIn, type Role } from '#platform';
import { freePort } from './service-process.js';

/** Every test account's password, for a browser test signing in at the form. */
export const TEST_PASSWORD = 'test-identity-password';
const PASSWORD = TEST_PASSWORD;
const ADDRESS = /^test\.([a-z-]+)\.([0-9a-f-]{36}|none)@example\.org$/;

/** A test account's address says its roles and its member, so the server needs no list. */
export function addressOf(roles: readonly Role[], memberId?: string): string {
  return `test.${[...roles].sort().join('-')}.${memberId ?? 'none'}@example.org`;
}

function testAccount(email: string): DevAccount | undefined {
  const match = ADDRESS.exec(email);
  if (!match?.[1]) {
    return undefined;
  }
  const roles = match[1].split('-').filter(isRole) as AccountRole[];
  return { sub: subjectOf(email), email, name: 'Test account', roles };
}

/**
 * A development identity server of the test's own, in process: services under test trust it
 * (`serviceEnv()`), and the test signs its people in there for their tokens, with the
 * authorization code flow and PKCE as a person would. A member's account acts as the member
 * once linked (`subjectFor` names it; MembershipProcess links the people it seats).
 */
export class TestIdentity {
  private readonly tokens = new Map<string, Promise<string>>();

  private constructor(
    private readonly server: DevIdentityServer,
    readonly issuer: string,
  ) {}

  /** `webBaseUrl`: where the web app under test runs, so its sign-in may return there. */
  static async start(options: { webBaseUrl?: string } = {}): Promise<TestIdentity> {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    const server = new DevIdentityServer({
      issuer,
      port,
      audience: 'cancer-network',
      password: PASSWORD,
      clients: devClients(
        options.webBaseUrl === undefined ? {} : { WEB_BASE_URL: options.webBaseUrl },
      ),
      accounts: testAccount,
    });
    await server.start();
    return new TestIdentity(server, issuer);
  }

  /** The settings that make a service trust this server (and fetch its keys at once). */
  serviceEnv(): Record<string, string> {
    return { AUTH_ISSUER: this.issuer, AUTH_JWKS_COOLDOWN_MS: '0' };
  }

  /** The subject of the account that holds `roles` (as member `memberId`, when given). */
  subjectFor(roles: readonly Role[], memberId?: string): string {
    return subjectOf(addressOf(roles, memberId));
  }

  /** `Bearer <access token>` of that account, signed in once and kept for the test. */
  async token(roles: readonly Role[], memberId?: string): Promise<string> {
    const email = addressOf(roles, memberId);
    let token = this.tokens.get(email);
    if (!token) {
      token = passwordSignIn({
        issuer: this.issuer,
        clientId: DEV_CLI_CLIENT.id,
        redirectUri: DEV_CLI_CLIENT.redirectUri,
        email,
        password: PASSWORD,
      }).then((signedIn) => `Bearer ${signedIn.accessToken}`);
      this.tokens.set(email, token);
    }
    return token;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
