// The standard variables every configuration has: their own module, so that config.ts and the reading it imports
// lazily (internal/read-config.ts) both name these types without importing each other.

/** The environments every team has. */
export type StandardEnvironment = 'development' | 'staging' | 'production';

/** The standard variables as `loadConfig` returns them. */
export interface StandardConfig<E extends string = never> {
  /** The environment under test; picks the other variables' defaults. */
  readonly ENVIRONMENT: StandardEnvironment | E;
  /** The system under test, without a trailing `/`; required outside development. */
  readonly BASE_URL: string;
  /** Virtual users, when set; at most `VUS_LIMIT`. */
  readonly VUS: number | undefined;
  /** The most `VUS` accepted, so a slip such as `VUS=1000000` stops at init. @default 2000 */
  readonly VUS_LIMIT: number;
  /** How long the test runs, as a k6 duration, when set. */
  readonly DURATION: string | undefined;
  /** Whether to log debugging detail. */
  readonly DEBUG: boolean;
  /** The test user's login; defaulted in development only. */
  readonly TEST_USERNAME: string | undefined;
  /** The test user's password (non-enumerable); defaulted in development only. */
  readonly TEST_PASSWORD: string | undefined;
  /** A ready-made bearer token (non-enumerable); defaulted in development only, to the demo target's. */
  readonly BEARER_TOKEN: string | undefined;
  /** The funded account to test against; defaulted in development only, to the demo target's. */
  readonly ACCOUNT_ID: string | undefined;
}

/** The names of the standard variables. */
export type StandardName = keyof StandardConfig;
