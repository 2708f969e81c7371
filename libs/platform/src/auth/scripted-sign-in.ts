import * as oidc from 'openid-client';

/**
 * Tokens from an OpenID Connect provider for programs rather than browsers: the command line,
 * the demo and the tests. Built on `openid-client` (OpenID Certified) for discovery, PKCE and
 * the token endpoint; only the sign-in form in between is driven by hand, as a person would
 * fill it in.
 */

const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;
/** A host on this machine, or a container network's service name (a name without dots). */
const PRIVATE_HTTP = /^http:\/\/(127\.0\.0\.1|localhost|[a-z0-9-]+)(:\d+)?\//;

/**
 * The provider's configuration for a client, discovered. Plain http only on this machine, or,
 * for `discoveryUrl`, on a container network (`http://keycloak:8080/...`). `discoveryUrl` is
 * where to read the discovery document when the issuer's public URL is not reachable from here;
 * the document must still name `issuer`.
 */
export async function configurationFor(
  issuer: string,
  clientId: string,
  clientSecret: string | undefined,
  discoveryUrl?: string,
): Promise<oidc.Configuration> {
  const url = new URL(discoveryUrl ?? issuer);
  const insecure = (discoveryUrl === undefined ? LOOPBACK_HTTP : PRIVATE_HTTP).test(url.href)
    ? { execute: [oidc.allowInsecureRequests] }
    : {};
  const configuration = await oidc.discovery(
    url,
    clientId,
    undefined,
    clientSecret === undefined ? oidc.None() : oidc.ClientSecretBasic(clientSecret),
    insecure,
  );
  // openid-client checks the issuer only when it resolves the document itself.
  const named = configuration.serverMetadata().issuer;
  if (discoveryUrl !== undefined && named.replace(/\/$/, '') !== issuer.replace(/\/$/, '')) {
    throw new Error(`${discoveryUrl} names the issuer ${named}, not ${issuer}`);
  }
  return configuration;
}

/** A machine client's access token, by client credentials. */
export async function clientCredentialsToken(options: {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}): Promise<string> {
  const config = await configurationFor(options.issuer, options.clientId, options.clientSecret);
  const tokens = await oidc.clientCredentialsGrant(config, { scope: options.scope ?? 'api' });
  return tokens.access_token;
}

export interface SignedIn {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly idToken?: string;
}

/** Cookies of one sign-in, as a browser would keep them between the provider's pages. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) {
        this.cookies.set(name.trim(), value.join('='));
      }
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs a person in through the authorization code flow with PKCE, filling in the provider's
 * sign-in form (`email` and `password` fields, as the development identity server has them)
 * and following its redirects to the client's redirect URI, whose code it exchanges.
 */
export async function passwordSignIn(options: {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  email: string;
  password: string;
  scope?: string;
}): Promise<SignedIn> {
  const config = await configurationFor(options.issuer, options.clientId, options.clientSecret);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  let url: URL = oidc.buildAuthorizationUrl(config, {
    redirect_uri: options.redirectUri,
    scope: options.scope ?? 'openid email profile offline_access api',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    prompt: 'consent',
  });
  const jar = new CookieJar();
  for (let hops = 0; hops < 10; hops += 1) {
    if (url.href.startsWith(options.redirectUri)) {
      const tokens = await oidc.authorizationCodeGrant(config, url, {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
      return {
        accessToken: tokens.access_token,
        ...(tokens.refresh_token !== undefined && { refreshToken: tokens.refresh_token }),
        ...(tokens.id_token !== undefined && { idToken: tokens.id_token }),
      };
    }
    let response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.keep(response);
    if (response.status === 200) {
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/i.exec(page)?.[1];
      if (!action) {
        throw new Error(
          `Sign-in as ${options.email} stopped at ${url.href}: a page with no sign-in form: ${page.slice(0, 200)}`,
        );
      }
      response = await fetch(new URL(action, url), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: options.email, password: options.password }),
      });
      jar.keep(response);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(
        `Sign-in as ${options.email} stopped at ${url.href}: ${response.status} ${(await response.text()).slice(0, 200)}`,
      );
    }
    url = new URL(location, url);
  }
  throw new Error(`Sign-in as ${options.email} did not reach ${options.redirectUri}`);
}
