import { boolean, duration, oneOf, positiveInteger, readEnv, secret, text, url } from './env.ts';
import type { AnyEnvVar, EnvSchema, InferEnv } from './env.ts';
import { ForgeError, shown } from './errors.ts';

const STANDARD_ENVIRONMENTS = ['development', 'staging', 'production'] as const;

/** The environments every team has. */
export type StandardEnvironment = (typeof STANDARD_ENVIRONMENTS)[number];

/** The standard variables as `loadConfig` returns them. */
export interface StandardConfig<E extends string = never> {
  /** The environment under test; picks the other variables' defaults. */
  readonly ENVIRONMENT: StandardEnvironment | E;
  /** The system under test, without a trailing `/`; required outside development. */
  readonly BASE_URL: string;
  /** Virtual users, when set. */
  readonly VUS: number | undefined;
  /** How long the test runs, as a k6 duration, when set. */
  readonly DURATION: string | undefined;
  /** Whether to log debugging detail. */
  readonly DEBUG: boolean;
  /** The test user's login; defaulted in development only. */
  readonly TEST_USERNAME: string | undefined;
  /** The test user's password (non-enumerable); defaulted in development only. */
  readonly TEST_PASSWORD: string | undefined;
  /** A ready-made bearer token (non-enumerable); defaulted in development only, to the embedded target's. */
  readonly BEARER_TOKEN: string | undefined;
  /** The funded account to test against; defaulted in development only, to the embedded target's. */
  readonly ACCOUNT_ID: string | undefined;
}

type StandardName = keyof StandardConfig;

/** What `loadConfig` reads and which team variables and environments it adds. */
export interface LoadConfigOptions<E extends string = never, S extends EnvSchema = {}> {
  /**
   * Environment names the team adds to development, staging and production.
   * @default []
   */
  readonly environments?: readonly E[];
  /**
   * The team's own variables, declared with the same parsers; no name may be a standard one.
   * @default {}
   */
  readonly vars?: S & { readonly [K in StandardName]?: never };
  /**
   * The variables as set.
   * @default __ENV
   */
  readonly source?: Readonly<Record<string, string | undefined>>;
}

function standardVars(environments: readonly string[]) {
  const development = (value: string) => ({ byEnvironment: { development: value } });
  return {
    ENVIRONMENT: oneOf([...STANDARD_ENVIRONMENTS, ...environments], { default: 'development' }),
    BASE_URL: url({ required: true, ...development('http://127.0.0.1:3000') }),
    VUS: positiveInteger(),
    DURATION: duration(),
    DEBUG: boolean({ default: false }),
    TEST_USERNAME: text(development('loadtest@example.com')),
    TEST_PASSWORD: secret(development('LoadTest123!')),
    BEARER_TOKEN: secret(development('demo-token')),
    ACCOUNT_ID: text(development('acc-demo')),
  } satisfies { readonly [K in StandardName]: AnyEnvVar };
}

const STANDARD_NAMES: readonly string[] = Object.keys(standardVars([]));

function assertNoStandardNames(vars: EnvSchema): void {
  const taken = Object.keys(vars).find((name) => STANDARD_NAMES.includes(name));
  if (taken === undefined) return;
  throw new ForgeError('invalid_option', {
    field: 'vars',
    given: shown(taken),
    accepted: `a name that is not a standard variable (${STANDARD_NAMES.join(', ')})`,
  });
}

/**
 * Reads the standard variables and the team's own once, ENVIRONMENT first since the other defaults depend on it.
 * @param options - Added environment names, the team's variables and the source to read.
 * @returns A frozen, typed config; secrets are non-enumerable, so JSON and logs never show them.
 * @throws {ForgeError} `invalid_option` when a team variable has a standard name; `invalid_env` for a bad or missing variable.
 */
export function loadConfig<const E extends string = never, S extends EnvSchema = {}>(
  options: LoadConfigOptions<E, S> = {},
): Readonly<StandardConfig<E> & InferEnv<S>> {
  const { environments = [], vars = {}, source = __ENV } = options;
  assertNoStandardNames(vars);
  const standard = standardVars(environments);
  const { ENVIRONMENT } = readEnv({ ENVIRONMENT: standard.ENVIRONMENT }, { source });
  return readEnv({ ...standard, ...vars }, { source, environment: ENVIRONMENT }) as StandardConfig<E> & InferEnv<S>;
}
