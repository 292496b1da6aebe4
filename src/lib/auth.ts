import { sleep } from 'k6';
import exec from 'k6/execution';
import type { Auth, Sender } from './catalog.ts';
import { parseDuration } from './duration.ts' with { lazy: 'per-call' };
import { ForgeError, invalidOption, refuse } from './errors.ts';

/**
 * Auth with a fixed bearer token, such as `BEARER_TOKEN` (docs/requirements.md, 000).
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
  /**
   * Consecutive failed logins or refreshes after which the whole test stops (`exec.test.abort`), so a wrong password
   * does not become a storm of attempts that locks the account at an identity provider; 1 to 10.
   * @default 3
   */
  readonly maxFailures?: number;
  /** The wait after the first failure, doubled after each further one. @default "1s" */
  readonly backoff?: string;
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
   * Makes this VU use a session from `setup()`; it refreshes it when it nears expiry. Call it in every iteration:
   * a token already adopted is not taken again, so the VU keeps the one it refreshed.
   * @param token - The token `setup()` returned.
   */
  adopt(token: SessionToken): void;
}

/**
 * Auth by login (docs/requirements.md, 001: `TEST_USERNAME`/`TEST_PASSWORD`), cached per VU and refreshed before expiry.
 * A failed login is tried again after `backoff` (doubling); after `maxFailures` failures in a row the test is aborted
 * with one line that names the endpoint and status, never the credentials or the token. A refused refresh logs in.
 * @param options - Endpoints, credentials, refresh margin, failure bound, backoff and response fields.
 * @returns The auth provider for `catalog({ auth })`.
 * @throws {ForgeError} `invalid_option` when the credentials are missing, or the failure bound or backoff is malformed.
 */
export function sessionAuth(options: SessionAuthOptions): SessionAuth {
  const { username, password, maxFailures = 3 } = options;
  if (!username) invalidOption('TEST_USERNAME', username, 'a user name');
  if (!password) refuse('invalid_option', { field: 'TEST_PASSWORD', shownAs: '(hidden)', accepted: 'a password' });
  if (!Number.isInteger(maxFailures) || maxFailures < 1 || maxFailures > 10)
    invalidOption('maxFailures', maxFailures, 'a whole number from 1 to 10');
  const backoff = parseDuration(options.backoff ?? '1s', 'backoff');
  const margin = parseDuration(options.refreshBefore ?? '30s', 'refreshBefore');
  const fields = { accessToken: 'accessToken', refreshToken: 'refreshToken', expiresIn: 'expiresIn', ...options.fields };
  // `Date.now` itself rather than an arrow around it: each function this keeps is one more in every VU (about 0.7 KB,
  // see "Per-VU cost under real k6" in the README), hence also no helpers for adopting or renewing a token.
  const now = options.now ?? Date.now;
  let session: SessionToken | undefined;
  // One headers object per token, made on the next request after the token changes, so the catalog can keep reusing
  // its request params until then.
  let headers: Readonly<Record<string, string>> | undefined;

  /** One login or refresh request: the new session, or the status of a response that carried no token. */
  const request = (api: Sender, endpoint: string, body: object): SessionToken | number => {
    const res = api.send(endpoint, { body });
    const data = (res.status >= 200 && res.status < 300 ? res.json() : null) as Record<string, unknown> | null;
    const accessToken = data?.[fields.accessToken];
    if (typeof accessToken !== 'string') return res.status;
    const refreshToken = data?.[fields.refreshToken];
    const expiresIn = data?.[fields.expiresIn];
    return {
      accessToken,
      ...(typeof refreshToken === 'string' && { refreshToken }),
      ...(typeof expiresIn === 'number' && { expiresAt: now() + expiresIn * 1000 }),
    };
  };
  /** Logs in, waiting `backoff` (doubling) after each failure, and aborts the test after `maxFailures` in a row. */
  const login = (api: Sender): SessionToken => {
    for (let failures = 1; ; failures += 1) {
      const got = request(api, options.login, { username, password });
      if (typeof got !== 'number') return got;
      if (failures >= maxFailures) {
        exec.test.abort(
          `k6-forge sessionAuth: ${options.login} failed ${failures} times in a row, last with HTTP ${got} and no ${fields.accessToken} in the response; check TEST_USERNAME and TEST_PASSWORD (the test stops so that an identity provider does not lock the account)`,
        );
      }
      sleep((backoff * 2 ** (failures - 1)) / 1000);
    }
  };
  let adopted: string | undefined;

  return {
    login,
    adopt(token) {
      // The same setup() token on every iteration is taken once, so a token this VU refreshed since stays in use.
      if (token.accessToken === adopted) return;
      adopted = token.accessToken;
      session = token;
      headers = undefined;
    },
    headers(api) {
      if (!session) {
        session = login(api);
        headers = undefined;
      } else if (session.expiresAt !== undefined && now() >= session.expiresAt - margin) {
        // Refreshes once; a refused refresh (such as a rotated refresh token another VU used) logs in instead.
        const { refreshToken } = session;
        const renewed = options.refresh && refreshToken ? request(api, options.refresh, { refreshToken }) : undefined;
        session = renewed !== undefined && typeof renewed !== 'number' ? renewed : login(api);
        headers = undefined;
      }
      headers ??= Object.freeze({ Authorization: `Bearer ${session.accessToken}` });
      return headers;
    },
  };
}
