import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { configurationFor, DEVELOPMENT_ISSUER } from '#platform';
import { DEV_WEB_CLIENT } from '#dev-identity';
import { WEB_CONFIG } from '../web-config.js';
import type { WebConfig } from '../config.js';
import type { PendingSignIn } from './session.js';

/** Tokens as the web app keeps them. */
export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly expiresAt: number;
}

/**
 * The web app as an OpenID Connect client of the identity provider: the authorization code
 * flow with PKCE (openid-client, as the platform's scripts use it), refresh, and sign-out at the
 * provider. A confidential client: its secret stays on the server.
 */
@Injectable()
export class OidcService {
  private configuration: Promise<oidc.Configuration> | undefined;
  private readonly redirectUri: string;

  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {
    this.redirectUri = new URL('/auth/callback', config.WEB_BASE_URL).href;
  }

  private client(): Promise<oidc.Configuration> {
    // Discovered once; a failure is forgotten so the next sign-in tries again.
    this.configuration ??= configurationFor(
      this.config.AUTH_ISSUER ?? DEVELOPMENT_ISSUER,
      this.config.WEB_CLIENT_ID,
      this.config.WEB_CLIENT_SECRET ?? DEV_WEB_CLIENT.secret,
      this.config.AUTH_DISCOVERY_URL,
    ).catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  /** Where to send the person to sign in, and what the callback must find again. */
  async signIn(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const client = await this.client();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile offline_access api',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      prompt: 'consent',
    });
    return { url: url.href, pending: { verifier, state, returnTo } };
  }

  /** Exchanges the code the provider sent back to `callbackUrl` for tokens. */
  async complete(callbackUrl: URL, pending: PendingSignIn): Promise<Tokens> {
    const tokens = await oidc.authorizationCodeGrant(await this.client(), callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
    });
    return tokensOf(tokens);
  }

  async refresh(refreshToken: string): Promise<Tokens> {
    return tokensOf(await oidc.refreshTokenGrant(await this.client(), refreshToken));
  }

  /** The provider's sign-out, returning to the web app's front page. */
  async signOutUrl(): Promise<string> {
    const client = await this.client();
    if (client.serverMetadata().end_session_endpoint === undefined) {
      return new URL('/', this.config.WEB_BASE_URL).href;
    }
    return oidc.buildEndSessionUrl(client, {
      client_id: this.config.WEB_CLIENT_ID,
      post_logout_redirect_uri: new URL('/', this.config.WEB_BASE_URL).href,
    }).href;
  }
}

function tokensOf(tokens: oidc.TokenEndpointResponse): Tokens {
  const lifetime = tokens.expires_in ?? 300;
  return {
    accessToken: tokens.access_token,
    ...(tokens.refresh_token !== undefined && { refreshToken: tokens.refresh_token }),
    expiresAt: Math.floor(Date.now() / 1000) + lifetime,
  };
}
