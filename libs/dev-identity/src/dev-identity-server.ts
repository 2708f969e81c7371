import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import Provider, { type Configuration, errors } from 'oidc-provider';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { type DevAccount, findDevAccount } from './accounts.js';
import { loginPage, readForm } from './login-page.js';

/** Wrong passwords allowed for one address before the form refuses it for a while. */
export const SIGN_IN_FAILURES_ALLOWED = 5;
const SIGN_IN_LOCKOUT_SECONDS = 300;

/** The API's resource indicator: tokens for it carry the platform's audience. */
export const API_RESOURCE = 'urn:cancer-network:api';

export interface DevClient {
  readonly clientId: string;
  /** None for a public client (the command line); PKCE protects its codes. */
  readonly clientSecret?: string;
  readonly redirectUris?: readonly string[];
  readonly postLogoutRedirectUris?: readonly string[];
  /** The roles a client-credentials token of this client carries. */
  readonly serviceRoles?: readonly string[];
}

export interface DevIdentityOptions {
  /** The issuer identifier: its public base URL, e.g. http://127.0.0.1:3010. */
  readonly issuer: string;
  readonly port: number;
  readonly host?: string;
  /** The `aud` of access tokens, as the services expect it. */
  readonly audience: string;
  /** The one development password every account signs in with. */
  readonly password: string;
  readonly clients: readonly DevClient[];
  readonly accessTokenSeconds?: number;
  /** Who may sign in; the demo people (findDevAccount) unless a test gives its own. */
  readonly accounts?: (email: string) => DevAccount | undefined;
}

type SigningKey = JWK & { kid: string };

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return {
    ...jwk,
    kid: `dev-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };
}

/**
 * A real OpenID Connect server for development and tests (oidc-provider, OpenID Certified), with
 * the demo people as accounts and a plain sign-in page: the authorization code flow with PKCE,
 * refresh tokens, client credentials for machine clients, and JWT access tokens signed by a key
 * that can be rotated while it runs. It keeps everything in memory: never run it for real people.
 */
export class DevIdentityServer {
  private provider!: Provider;
  private server: Server | undefined;
  private keys: SigningKey[] = [];
  private readonly accounts = new Map<string, DevAccount>();
  private readonly signInFailures = new RateLimiterMemory({
    points: SIGN_IN_FAILURES_ALLOWED,
    duration: SIGN_IN_LOCKOUT_SECONDS,
  });
  private readonly cookieKeys = [randomBytes(32).toString('hex')];

  constructor(private readonly options: DevIdentityOptions) {}

  /** The keys it signs with (first) and still publishes (the rest), by `kid`. */
  get keyIds(): string[] {
    return this.keys.map((key) => key.kid);
  }

  async start(): Promise<void> {
    this.keys = [await newSigningKey()];
    this.provider = this.buildProvider();
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.options.port, this.options.host ?? '127.0.0.1', resolve);
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  /**
   * Signs any claims with the key it signs access tokens with: for tests that a service refuses
   * a well-signed token whose claims are wrong (expired, without `exp`, for another audience).
   */
  async signWithCurrentKey(claims: JWTPayload): Promise<string> {
    const [key] = this.keys;
    if (!key) {
      throw new Error('The server is not started');
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'at+jwt' })
      .sign(await importJWK(key, 'RS256'));
  }

  /** Signs with a new key from now on and keeps publishing the old ones. */
  async rotateKeys(): Promise<string> {
    const key = await newSigningKey();
    this.keys = [key, ...this.keys];
    this.provider = this.buildProvider();
    return key.kid;
  }

  /** Stops publishing every key but the one it signs with. */
  retireOldKeys(): string[] {
    const retired = this.keys.slice(1).map((key) => key.kid);
    this.keys = this.keys.slice(0, 1);
    this.provider = this.buildProvider();
    return retired;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', this.options.issuer);
      const interaction = /^\/interaction\/([^/]+)$/.exec(url.pathname);
      if (interaction && req.method === 'GET') {
        return await this.showLogin(req, res);
      }
      if (interaction && req.method === 'POST') {
        return await this.submitLogin(req, res);
      }
      if (url.pathname === '/dev/keys' && req.method === 'GET') {
        return json(res, 200, { signing: this.keyIds[0], published: this.keyIds });
      }
      await this.provider.callback()(req, res);
    } catch (error) {
      json(res, 400, { error: (error as Error).message });
    }
  }

  private async showLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await this.provider.interactionDetails(req, res);
    html(res, 200, loginPage({ action: `/interaction/${details.uid}` }));
  }

  private async submitLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await this.provider.interactionDetails(req, res);
    const form = await readForm(req);
    const email = (form.get('email') ?? '').toLowerCase();
    // Failed attempts are counted per address typed in: after a handful, the form stops
    // answering for a while, whatever password comes next.
    const failures = await this.signInFailures.get(email);
    if (failures !== null && failures.remainingPoints <= 0) {
      return html(
        res,
        429,
        loginPage({
          action: `/interaction/${details.uid}`,
          email,
          error: `Too many failed attempts: try again in ${Math.ceil(failures.msBeforeNext / 1000)} seconds`,
        }),
      );
    }
    const account = (this.options.accounts ?? findDevAccount)(email);
    if (!account || form.get('password') !== this.options.password) {
      await this.signInFailures.penalty(email);
      return html(
        res,
        401,
        loginPage({
          action: `/interaction/${details.uid}`,
          email: form.get('email') ?? '',
          error: 'Enter a demo address (at example.org) and the development password',
        }),
      );
    }
    this.accounts.set(account.sub, account);
    // Development consent: the platform's own clients get what they ask for.
    const grant = new this.provider.Grant({
      accountId: account.sub,
      clientId: String(details.params['client_id']),
    });
    const scope = details.params['scope'];
    grant.addOIDCScope(typeof scope === 'string' ? scope : 'openid');
    grant.addResourceScope(API_RESOURCE, 'api');
    const grantId = await grant.save();
    await this.provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  private buildProvider(): Provider {
    const { options, accounts } = this;
    const serviceRoles = new Map(
      options.clients.map((client) => [client.clientId, client.serviceRoles ?? []]),
    );
    const configuration: Configuration = {
      clients: options.clients.map((client) => ({
        client_id: client.clientId,
        ...(client.clientSecret
          ? { client_secret: client.clientSecret }
          : { token_endpoint_auth_method: 'none' as const }),
        redirect_uris: [...(client.redirectUris ?? [])],
        post_logout_redirect_uris: [...(client.postLogoutRedirectUris ?? [])],
        grant_types: client.serviceRoles
          ? ['client_credentials']
          : ['authorization_code', 'refresh_token'],
        response_types: client.serviceRoles ? [] : ['code'],
        scope: client.serviceRoles ? 'api' : 'openid email profile offline_access api',
      })),
      jwks: { keys: this.keys },
      cookies: { keys: this.cookieKeys },
      pkce: { required: () => true },
      scopes: ['openid', 'email', 'profile', 'offline_access', 'api'],
      claims: { email: ['email', 'email_verified'], profile: ['name'] },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        revocation: { enabled: true },
        rpInitiatedLogout: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => API_RESOURCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resource) => {
            if (resource !== API_RESOURCE) {
              throw new errors.InvalidTarget();
            }
            return {
              scope: 'api',
              audience: options.audience,
              accessTokenFormat: 'jwt',
              accessTokenTTL: options.accessTokenSeconds ?? 3600,
              jwt: { sign: { alg: 'RS256' } },
            };
          },
        },
      },
      issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      findAccount: (_ctx, sub) => {
        const account = accounts.get(sub);
        return account
          ? {
              accountId: sub,
              claims: () => ({
                sub,
                email: account.email,
                email_verified: true,
                name: account.name,
              }),
            }
          : undefined;
      },
      extraTokenClaims: (_ctx, token) => {
        if (token.kind === 'ClientCredentials') {
          return { roles: [...(serviceRoles.get(token.clientId ?? '') ?? [])] };
        }
        const account = token.accountId ? accounts.get(token.accountId) : undefined;
        return account
          ? {
              roles: [...account.roles],
              email: account.email,
              email_verified: true,
              name: account.name,
            }
          : undefined;
      },
      ttl: {
        AccessToken: options.accessTokenSeconds ?? 3600,
        ClientCredentials: options.accessTokenSeconds ?? 3600,
        RefreshToken: 14 * 24 * 3600,
        Session: 8 * 3600,
        Grant: 14 * 24 * 3600,
        Interaction: 3600,
        IdToken: 3600,
        AuthorizationCode: 60,
      },
    };
    const provider = new Provider(options.issuer, configuration);
    // The issuer is plain http on the loopback address: tell Koa not to insist on TLS.
    provider.proxy = true;
    return provider;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(body);
}
