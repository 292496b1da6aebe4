import { parseDuration } from './duration.ts';
import { ForgeError, invalidOption } from './errors.ts';
import type { Auth, Sender } from './catalog.ts';

/**
 * Auth with a fixed bearer token, such as `BEARER_TOKEN` (seed 000).
 * @param token - The token; it is sent, never logged (DEBUG redacts `Authorization`).
 * @returns The auth provider for `catalog({ auth })`.
 * @throws {ForgeError} `invalid_option` when the token is empty.
 */
export function bearerAuth(token: string | undefined): Auth {
  if (!token) throw new ForgeError('invalid_option', { field: 'BEARER_TOKEN', given: 'nothing', accepted: 'a bearer token' });
  const headers = Object.freeze({ Authorization: `Bearer ${token}` });
  return { headers: () => headers };
}

/** A logged-in session's token, as `setup()` hands it to every VU. */
export interface SessionToken {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** When the access token expires, in ms since the epoch; absent when the response gave no lifetime. */
  readonly expiresAt?: number;
}

/** Options for {@link sessionAuth}. */
export interface SessionAuthOptions {
  /** The login endpoint's name (declared with `auth: false`), posted `{ username, password }`. */
  readonly login: string;
  /** The refresh endpoint's name (declared with `auth: false`), posted `{ refreshToken }`; without it, a session logs in again. */
  readonly refresh?: string;
  /** The user name, such as `config.TEST_USERNAME`. */
  readonly username: string | undefined;
  /** The password, such as `config.TEST_PASSWORD`. */
  readonly password: string | undefined;
  /** Refresh this long before the token expires. @default "30s" */
  readonly refreshBefore?: string;
  /** Response fields holding the tokens and their lifetime in seconds. @default accessToken, refreshToken, expiresIn */
  readonly fields?: { readonly accessToken?: string; readonly refreshToken?: string; readonly expiresIn?: string };
  /** The clock. @default Date.now */
  readonly now?: () => number;
}

/** Auth that logs in, caches the token per VU and refreshes it before it expires. */
export interface SessionAuth extends Auth {
  /**
   * Logs in once, for `setup()` to return so that every VU shares one session.
   * @param api - The catalog.
   * @returns The session token (never print it).
   */
  login(api: Sender): SessionToken;
  /**
   * Makes this VU use a session from `setup()`; it refreshes it when it nears expiry.
   * @param token - The token `setup()` returned.
   */
  adopt(token: SessionToken): void;
}

/**
 * Auth by login (seed 001: `TEST_USERNAME`/`TEST_PASSWORD`), cached per VU and refreshed before expiry.
 * Errors name the endpoint and status, never the credentials or the token.
 * @param options - Endpoints, credentials, refresh margin and response fields.
 * @returns The auth provider for `catalog({ auth })`.
 * @throws {ForgeError} `invalid_option` when the credentials are missing.
 */
export function sessionAuth(options: SessionAuthOptions): SessionAuth {
  const { username, password, now = () => Date.now() } = options;
  if (!username) invalidOption('TEST_USERNAME', username, 'a user name');
  if (!password) throw new ForgeError('invalid_option', { field: 'TEST_PASSWORD', given: '(hidden)', accepted: 'a password' });
  const margin = parseDuration(options.refreshBefore ?? '30s', 'refreshBefore');
  const fields = { accessToken: 'accessToken', refreshToken: 'refreshToken', expiresIn: 'expiresIn', ...options.fields };
  let session: SessionToken | undefined;
  // One headers object per token, so the catalog can keep reusing its request params until the token changes.
  let headers: Readonly<Record<string, string>> = {};
  const use = (token: SessionToken) => {
    session = token;
    headers = Object.freeze({ Authorization: `Bearer ${token.accessToken}` });
  };

  const obtain = (api: Sender, endpoint: string, body: object): SessionToken => {
    const res = api.send(endpoint, { body });
    const data = (res.status >= 200 && res.status < 300 ? res.json() : null) as Record<string, unknown> | null;
    const accessToken = data?.[fields.accessToken];
    if (typeof accessToken !== 'string') throw new Error(`${endpoint} failed: HTTP ${res.status}, no ${fields.accessToken} in the response`);
    const refreshToken = data?.[fields.refreshToken];
    const expiresIn = data?.[fields.expiresIn];
    return {
      accessToken,
      ...(typeof refreshToken === 'string' && { refreshToken }),
      ...(typeof expiresIn === 'number' && { expiresAt: now() + expiresIn * 1000 }),
    };
  };
  const login = (api: Sender) => obtain(api, options.login, { username, password });
  const renew = (api: Sender, old: SessionToken) =>
    options.refresh && old.refreshToken ? obtain(api, options.refresh, { refreshToken: old.refreshToken }) : login(api);

  return {
    login,
    adopt(token) {
      use(token);
    },
    headers(api) {
      if (!session) use(login(api));
      else if (session.expiresAt !== undefined && now() >= session.expiresAt - margin) use(renew(api, session));
      return headers;
    },
  };
}
