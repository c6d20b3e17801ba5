import * as oauth from 'oauth4webapi';

/** The hub's OIDC settings (GET /sign-in-options): a public client of the provider whose keys verify tokens. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

/** The verifier and state of a sign-in under way: kept in this tab only, used once. */
const PENDING_KEY = 'hub.oidc';

const redirectUri = () => `${window.location.origin}/sign-in/callback`;

/** Plain http is refused by oauth4webapi; the hub allows an http issuer only outside production (a local provider). */
const transport = (issuer: URL) => (issuer.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {});

async function discover(settings: OidcSettings): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(settings.issuer);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, transport(issuer)));
}

/** Sends the browser to the provider: authorization code flow with PKCE (S256) and a state. */
export async function startOidcSignIn(settings: OidcSettings): Promise<void> {
  const as = await discover(settings);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  window.location.assign(url);
}

/** Back from the provider: checks the state, trades the code (with the verifier) for the access token. */
export async function finishOidcSignIn(settings: OidcSettings, callback: URL): Promise<{ token: string; expiresAt: string }> {
  const pending = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!pending) throw new Error('No sign-in is under way in this tab');
  const { verifier, state } = JSON.parse(pending) as { verifier: string; state: string };
  const as = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const parameters = oauth.validateAuthResponse(as, client, callback, state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    parameters,
    redirectUri(),
    verifier,
    transport(new URL(settings.issuer)),
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  return { token: result.access_token, expiresAt: new Date(Date.now() + (result.expires_in ?? 3600) * 1000).toISOString() };
}
