import type { ParseArgsConfig } from 'node:util';
import { invalidOption } from '../../lib/errors.ts';
import { redactUrl } from '../../lib/redact.ts';

/** One service to smoke-check: its name, base URL and the two paths below it. */
export interface SmokeService {
  /** Lowercase letters, digits and `-`, such as `ops-risk` (from `SMOKE_OPS_RISK_BASE_URL`). */
  readonly name: string;
  /** Its base URL, such as `https://ledger.example.com`. */
  readonly url: string;
  /** The health path. @default "/health" */
  readonly health: string;
  /** The readiness path. @default "/ready" */
  readonly ready: string;
}

/** What {@link smokeServices} reads. */
export interface SmokeServicesInput {
  /** `--service name=url` values; when there are any, the environment's services are not read. @default [] */
  readonly flags?: readonly string[];
  /** Services that come first, such as the demo target's six. @default [] */
  readonly fixed?: readonly SmokeService[];
  /** Read `SMOKE_<NAME>_BASE_URL` (and `_HEALTH_PATH`, `_READY_PATH`) when no `--service` is given. @default true */
  readonly fromEnv?: boolean;
  /** `--health` values: a path for every service (`/healthz`), or `name=path` for one. @default [] */
  readonly health?: readonly string[];
  /** `--ready` values, in the same forms. @default [] */
  readonly ready?: readonly string[];
  /** The environment. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** The seeds' six services (docs/requirements.md, 000), in the order the runbook lists them. */
/**
 * The command-line flags that choose and pace a smoke check, the same for `smoke-check` and `drill` (as `parseArgs`
 * options): `--service name=url`, `--health` and `--ready` paths, `--timeout`, `--attempts`, `--backoff`.
 */
export const SMOKE_CHECK_FLAGS = {
  service: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  health: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  ready: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  timeout: { type: 'string' as const, default: '3s' },
  attempts: { type: 'string' as const, default: '3' },
  backoff: { type: 'string' as const, default: '500ms' },
} satisfies NonNullable<ParseArgsConfig['options']>;

export const RUNBOOK_SERVICES = ['WEB', 'GATEWAY', 'LEDGER', 'IDENTITY', 'OPS_RISK', 'AUDIT_EXPORT'] as const;

const NAME = /^[a-z][a-z0-9-]{0,39}$/;
const ENV_NAME = /^SMOKE_([A-Z][A-Z0-9_]*)_BASE_URL$/;
const NAME_ACCEPTED = 'lowercase letters, digits and -, starting with a letter, at most 40 characters, such as ops-risk';

function checkedUrl(field: string, url: string): string {
  if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(url))
    invalidOption(field, redactUrl(url), 'an http:// or https:// base URL, such as https://ledger.example.com');
  return url.replace(/\/+$/, '');
}

function checkedPath(field: string, path: string): string {
  if (!/^\/[^\s?#]*$/.test(path)) invalidOption(field, path, 'a path starting with /, such as /healthz');
  return path;
}

/** Splits `--health` or `--ready` values into the default path and per-service paths. */
function pathChoices(flag: string, values: readonly string[]): { all: string | undefined; byName: Map<string, string> } {
  let all: string | undefined;
  const byName = new Map<string, string>();
  for (const value of values) {
    const equals = value.indexOf('=');
    if (equals === -1) {
      if (all !== undefined) invalidOption(flag, value, `one path for every service (given twice), or name=path for one service`);
      all = checkedPath(flag, value);
      continue;
    }
    const name = value.slice(0, equals);
    if (!NAME.test(name)) invalidOption(`${flag} ${name}=`, name, `a service name: ${NAME_ACCEPTED}`);
    if (byName.has(name)) invalidOption(flag, value, `one path per service (${name} given twice)`);
    byName.set(name, checkedPath(`${flag} ${name}=`, value.slice(equals + 1)));
  }
  return { all, byName };
}

/**
 * Resolves the services to smoke-check: the fixed ones, then `--service name=url` values, or, when none is given,
 * every `SMOKE_<NAME>_BASE_URL` variable (the runbook's `SMOKE_OPS_RISK_BASE_URL` is the service `ops-risk`), each
 * with its health and readiness paths: `--health name=path`, else `SMOKE_<NAME>_HEALTH_PATH`, else `--health path`,
 * else `/health` (and the same for `--ready`, `_READY_PATH` and `/ready`).
 * @param input - Flags, fixed services, the environment.
 * @returns The services, in the order given (the environment's in the runbook's order, then by name).
 * @throws {ForgeError} `invalid_option` or `invalid_env` naming the flag or variable, for a bad name, URL or path, a
 *   service given twice, a path for a service that is not checked, or no service at all. URLs are shown with their
 *   credentials redacted.
 */
export function smokeServices(input: SmokeServicesInput): SmokeService[] {
  const env = input.env ?? process.env;
  const found: { name: string; url: string; origin: 'fixed' | 'flag' | 'env'; key: string }[] = (input.fixed ?? []).map((s) => ({
    ...s,
    origin: 'fixed',
    key: s.name.toUpperCase().replaceAll('-', '_'),
  }));
  const flags = input.flags ?? [];
  for (const value of flags) {
    const equals = value.indexOf('=');
    const name = equals === -1 ? value : value.slice(0, equals);
    if (equals === -1) invalidOption('--service', redactUrl(value), 'name=url, such as ledger=https://ledger.example.com');
    if (!NAME.test(name)) invalidOption('--service', name, `name=url with a name of ${NAME_ACCEPTED}`);
    found.push({
      name,
      url: checkedUrl(`--service ${name}=`, value.slice(equals + 1)),
      origin: 'flag',
      key: name.toUpperCase().replaceAll('-', '_'),
    });
  }
  if (flags.length === 0 && (input.fromEnv ?? true)) {
    const order = (key: string) => {
      const i = (RUNBOOK_SERVICES as readonly string[]).indexOf(key);
      return i === -1 ? RUNBOOK_SERVICES.length : i;
    };
    const keys = Object.keys(env)
      .map((variable) => ENV_NAME.exec(variable)?.[1])
      .filter((key): key is string => key !== undefined && (env[`SMOKE_${key}_BASE_URL`] ?? '') !== '')
      .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    for (const key of keys) {
      const variable = `SMOKE_${key}_BASE_URL`;
      const name = key.toLowerCase().replaceAll('_', '-');
      if (!NAME.test(name)) invalidOption(variable, name, `a variable whose NAME makes a service name of ${NAME_ACCEPTED}`);
      found.push({ name, url: checkedUrl(variable, env[variable]!), origin: 'env', key });
    }
  }
  if (found.length === 0) {
    invalidOption(
      '--service',
      undefined,
      `at least one service: --service name=url (repeatable), SMOKE_<NAME>_BASE_URL variables such as ${RUNBOOK_SERVICES.map((k) => `SMOKE_${k}_BASE_URL`).join(', ')}, or --demo-target`,
    );
  }
  const seen = new Set<string>();
  for (const { name } of found) {
    if (seen.has(name)) invalidOption('--service', name, 'each service once (a name given twice, or also served by --demo-target)');
    seen.add(name);
  }
  const health = pathChoices('--health', input.health ?? []);
  const ready = pathChoices('--ready', input.ready ?? []);
  for (const [flag, choice] of [
    ['--health', health],
    ['--ready', ready],
  ] as const) {
    for (const name of choice.byName.keys()) {
      if (!seen.has(name)) invalidOption(`${flag} ${name}=`, name, `a service that is checked: ${[...seen].join(', ')}`);
    }
  }
  const fixed = new Map((input.fixed ?? []).map((s) => [s.name, s]));
  const pathOf = (kind: 'HEALTH' | 'READY', choice: typeof health, name: string, key: string, fallback: string) => {
    const variable = `SMOKE_${key}_${kind}_PATH`;
    const fromEnv = env[variable];
    return (
      choice.byName.get(name) ??
      (fromEnv !== undefined && fromEnv !== '' ? checkedPath(variable, fromEnv) : undefined) ??
      choice.all ??
      fallback
    );
  };
  return found.map(({ name, url, key }) => ({
    name,
    url,
    health: pathOf('HEALTH', health, name, key, fixed.get(name)?.health ?? '/health'),
    ready: pathOf('READY', ready, name, key, fixed.get(name)?.ready ?? '/ready'),
  }));
}
