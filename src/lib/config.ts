import type { EnvSchema, InferEnv } from './env.ts';
import { readConfig } from './internal/read-config.ts' with { lazy: 'true' };
import { oncePerRun } from './once-per-run.ts';
import type { StandardConfig, StandardName } from './standard-config.ts';

export type { StandardConfig, StandardEnvironment, StandardName } from './standard-config.ts';

const STANDARD_NAMES: readonly StandardName[] = [
  'ENVIRONMENT',
  'BASE_URL',
  'VUS',
  'VUS_LIMIT',
  'DURATION',
  'DEBUG',
  'TEST_USERNAME',
  'TEST_PASSWORD',
  'BEARER_TOKEN',
  'ACCOUNT_ID',
];

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

/**
 * Reads the standard variables and the team's own, ENVIRONMENT first since the other defaults depend on it. The
 * reading and checking runs once per run, in k6's first init; every VU gets the same values (see once-per-run.ts).
 * @param options - Added environment names, the team's variables and the source to read.
 * @returns A frozen, typed config; secrets are non-enumerable, so JSON and logs never show them.
 * @throws {ForgeError} `invalid_option` when a team variable has a standard name; `invalid_env` for a bad or missing variable.
 */
export function loadConfig<const E extends string = never, S extends EnvSchema = {}>(
  options: LoadConfigOptions<E, S> = {},
): Readonly<StandardConfig<E> & InferEnv<S>> {
  const { environments = [], vars = {} as S, source = __ENV } = options;
  // Index loops, no spread and no includes: every VU runs this, and the built-ins a VU first touches are built in it
  // (its first array iterator costs it about 4 KB of heap under k6 v2.2.0), where a script reading __ENV touches none.
  const team = Object.keys(vars);
  const given: Record<string, string | undefined> = {};
  for (let i = 0; i < STANDARD_NAMES.length; i += 1) given[STANDARD_NAMES[i]!] = source[STANDARD_NAMES[i]!];
  for (let i = 0; i < team.length; i += 1) given[team[i]!] = source[team[i]!];
  const { values, secrets } = oncePerRun('config', { environments, vars, given }, () => readConfig(environments, vars, given));
  const config = {};
  const names = Object.keys(given);
  for (let i = 0; i < names.length; i += 1) {
    Object.defineProperty(config, names[i]!, { value: values[names[i]!], enumerable: secrets[names[i]!] !== true });
  }
  return Object.freeze(config) as StandardConfig<E> & InferEnv<S>;
}
