import { randomBytes } from 'node:crypto';
import { BoundedMap } from './bounded-map.ts';

/** Tokens a login or refresh hands out. */
export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Seconds the access token stays valid. */
  readonly expiresIn: number;
}

/** Settings for {@link Sessions}. */
export interface SessionsOptions {
  /** Users and their passwords. */
  readonly users: Readonly<Record<string, string>>;
  /** Bearer tokens that are always valid (the gateway's `BEARER_TOKEN`). */
  readonly staticTokens: readonly string[];
  /** Access token lifetime in seconds. */
  readonly lifetimeSeconds: number;
  /** The clock in ms. @default Date.now */
  readonly now?: () => number;
}

/** How many access and refresh tokens the target remembers. */
const TOKENS_KEPT = 100_000;

/**
 * Login, refresh and bearer-token checks for the target (docs/requirements.md: the auth service of 001, the gateway token of 000).
 */
export class Sessions {
  readonly #options: SessionsOptions;
  // The newest TOKENS_KEPT tokens of each kind are kept; an older one is refused as unknown (401), as an expired one is.
  readonly #access = new BoundedMap<string, number>(TOKENS_KEPT);
  readonly #refresh = new BoundedMap<string, string>(TOKENS_KEPT);
  readonly #static: ReadonlySet<string>;
  readonly #now: () => number;

  /**
   * @param options - Users, static tokens and token lifetime.
   */
  constructor(options: SessionsOptions) {
    this.#options = options;
    this.#static = new Set(options.staticTokens);
    this.#now = options.now ?? (() => Date.now());
  }

  /**
   * Logs a user in.
   * @param username - The user.
   * @param password - The password.
   * @returns New tokens, or undefined for wrong credentials.
   */
  login(username: string, password: string): IssuedTokens | undefined {
    return this.#options.users[username] === password ? this.#issue(username) : undefined;
  }

  /**
   * Trades a refresh token for new tokens; the old refresh token stops working.
   * @param refreshToken - A refresh token from login or an earlier refresh.
   * @returns New tokens, or undefined when the refresh token is unknown.
   */
  refresh(refreshToken: string): IssuedTokens | undefined {
    const username = this.#refresh.get(refreshToken);
    if (username === undefined) return undefined;
    this.#refresh.delete(refreshToken);
    return this.#issue(username);
  }

  /**
   * Tells whether an `Authorization` header carries a valid bearer token.
   * @param header - The header's value.
   * @returns True for a static token or an unexpired access token.
   */
  authorizes(header: string | undefined): boolean {
    if (!header?.startsWith('Bearer ')) return false;
    const token = header.slice('Bearer '.length);
    if (this.#static.has(token)) return true;
    const expiresAt = this.#access.get(token);
    return expiresAt !== undefined && this.#now() < expiresAt;
  }

  #issue(username: string): IssuedTokens {
    const accessToken = randomBytes(18).toString('base64url');
    const refreshToken = randomBytes(18).toString('base64url');
    this.#access.set(accessToken, this.#now() + this.#options.lifetimeSeconds * 1000);
    this.#refresh.set(refreshToken, username);
    return { accessToken, refreshToken, expiresIn: this.#options.lifetimeSeconds };
  }
}
