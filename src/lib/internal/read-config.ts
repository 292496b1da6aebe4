// The work behind `loadConfig`: reading and checking every variable. `loadConfig` imports this lazily and runs it once
// per run (see ../once-per-run.ts), so the VUs that only read the stored result never evaluate this code.

import type { AnyEnvVar, EnvSchema } from '../env.ts';
import { boolean, duration, oneOf, positiveInteger, readEnv, secret, text, url } from '../env.ts';
import { ForgeError, shown } from '../errors.ts';
import type { StandardName } from '../standard-config.ts';
import { hostName, targetHost } from '../target-host.ts';

/** The most VUS accepted unless VUS_LIMIT says otherwise: more than one k6 instance usually runs well. */
const DEFAULT_VUS_LIMIT = 2000;

/** Whether a host (with or without its port) is this machine, where development defaults make sense. */
function isLocalHost(hostAndPort: string): boolean {
  const host = hostName(hostAndPort);
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.startsWith('127.') ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    host === 'host.docker.internal'
  );
}

/** What `readConfig` found: every variable's value, and which of them are secrets. */
export interface ConfigReading {
  /** The values by name; a variable that is not set and has no default is absent. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The secret variables (each `true`), which the config object keeps non-enumerable; a record, not a list, so that a VU asks without `Array.prototype.includes`. */
  readonly secrets: Readonly<Record<string, true>>;
}

/**
 * Reads the standard variables and the team's own, ENVIRONMENT first since the other defaults depend on it.
 * @param environments - Environment names the team adds to development, staging and production.
 * @param vars - The team's own variables.
 * @param source - The variables as set.
 * @returns The values and the secrets.
 * @throws {ForgeError} `invalid_option` when a team variable has a standard name; `invalid_env` for a bad or missing variable.
 */
export function readConfig(
  environments: readonly string[],
  vars: EnvSchema,
  source: Readonly<Record<string, string | undefined>>,
): ConfigReading {
  const development = (value: string) => ({ byEnvironment: { development: value } });
  const standard = {
    ENVIRONMENT: oneOf(['development', 'staging', 'production', ...environments], { default: 'development' }),
    BASE_URL: url({ required: true, ...development('http://127.0.0.1:3000') }),
    VUS: positiveInteger(),
    VUS_LIMIT: positiveInteger({ default: DEFAULT_VUS_LIMIT }),
    DURATION: duration(),
    DEBUG: boolean({ default: false }),
    TEST_USERNAME: text(development('loadtest@example.com')),
    TEST_PASSWORD: secret(development('LoadTest123!')),
    BEARER_TOKEN: secret(development('demo-token')),
    ACCOUNT_ID: text(development('acc-demo')),
  } satisfies { readonly [K in StandardName]: AnyEnvVar };
  for (const name of Object.keys(vars)) {
    if (name in standard) {
      throw new ForgeError('invalid_option', {
        field: 'vars',
        given: shown(name),
        accepted: `a name that is not a standard variable (${Object.keys(standard).join(', ')})`,
      });
    }
  }
  const { ENVIRONMENT } = readEnv({ ENVIRONMENT: standard.ENVIRONMENT }, { source });
  const schema: EnvSchema = { ...standard, ...vars };
  const read = readEnv(schema, { source, environment: ENVIRONMENT }) as Readonly<Record<string, unknown>>;
  const host = targetHost(source['BASE_URL']);
  if (source['ENVIRONMENT'] === undefined && host !== '' && !isLocalHost(host)) {
    throw new ForgeError('invalid_env', {
      field: 'ENVIRONMENT',
      given: shown(undefined),
      accepted: `one of development, staging, production${environments.map((name) => `, ${name}`).join('')}, set because BASE_URL names ${host}, which is not this machine (development, the default, is for a local target)`,
    });
  }
  const vus = read['VUS'] as number | undefined;
  const limit = read['VUS_LIMIT'] as number;
  if (vus !== undefined && vus > limit) {
    throw new ForgeError('invalid_env', {
      field: 'VUS',
      given: shown(source['VUS']),
      accepted: `a whole number from 1 to ${limit}, the VUS_LIMIT (default ${DEFAULT_VUS_LIMIT}); set VUS_LIMIT to allow more`,
    });
  }
  const values: Record<string, unknown> = {};
  const secrets: Record<string, true> = {};
  for (const name of Object.keys(schema)) {
    values[name] = read[name];
    if (schema[name]!.kind === 'secret') secrets[name] = true;
  }
  return { values, secrets };
}
