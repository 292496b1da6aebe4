import { isDuration } from './duration.ts';
import { ForgeError, refuse } from './errors.ts';
import { isRecord } from './is-record.ts';

/**
 * Limits for one scope (the whole test, a scenario, an endpoint or a release gate).
 * Latencies are milliseconds of `http_req_duration`; `errorRate` bounds `http_req_failed`.
 */
export interface Limits {
  /** Upper bound on the average latency, in ms. */
  readonly avg?: number;
  /** Upper bound on the median latency, in ms. */
  readonly med?: number;
  /** Upper bound on the maximum latency, in ms. */
  readonly max?: number;
  /** Upper bounds on latency percentiles, in ms: `p95`, `p99`, `p99.9`, ... */
  readonly [percentile: `p${number}`]: number;
  /** Upper bound on the share of failed requests, above 0 and at most 1. */
  readonly errorRate?: number;
  /** Stop the test as soon as one of these limits is crossed. @default false */
  readonly abortOnFail?: boolean;
  /** How long k6 waits before it may abort on these limits. @default "10s" when abortOnFail is set */
  readonly delayAbortEval?: string;
}

/** The performance baselines in `thresholds.json`. */
export interface ThresholdsFile {
  /**
   * The JSON Schema editors check and complete the file with, such as
   * `node_modules/k6-forge/schemas/thresholds.schema.json`; k6-forge itself ignores it and never embeds it.
   */
  readonly $schema?: string;
  /** Limits every scenario inherits unless it sets its own. */
  readonly global?: Limits;
  /** Limits per scenario profile (`smoke`, `load`, ...), over `global`. */
  readonly scenarios?: Readonly<Record<string, Limits>>;
  /** Limits per endpoint, applied to requests tagged `endpoint:<name>`. */
  readonly endpoints?: Readonly<Record<string, Limits>>;
  /** Release-gate limits per scenario, checked against stored summaries. */
  readonly gates?: Readonly<Record<string, Limits>>;
}

const SECTIONS = ['global', 'scenarios', 'endpoints', 'gates'] as const;
const LATENCY_KEY = /^(avg|med|max|p\d{1,2}(\.\d+)?)$/;
const ACCEPTED_KEYS = 'avg, med, max, pN (such as p95 or p99.9), errorRate, abortOnFail or delayAbortEval';

type Path = string;

function fail(source: string, path: Path, given: unknown, accepted: string): never {
  refuse('invalid_thresholds', { field: `${source} at ${path}`, given: given, accepted: accepted });
}

function checkLimits(source: string, path: Path, value: unknown, abortAllowed: boolean): Limits {
  if (!isRecord(value)) fail(source, path, value, 'an object of limits');
  for (const [key, limit] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (LATENCY_KEY.test(key)) {
      if (key.startsWith('p') && !(Number(key.slice(1)) > 0)) fail(source, at, key, 'a percentile above p0, such as p95');
      if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) {
        fail(source, at, limit, 'a number of milliseconds greater than 0');
      }
    } else if (key === 'errorRate') {
      if (typeof limit !== 'number' || !(limit > 0 && limit <= 1)) {
        fail(source, at, limit, 'a share above 0 and at most 1, such as 0.01 for 1%');
      }
    } else if (key === 'abortOnFail' || key === 'delayAbortEval') {
      if (!abortAllowed) fail(source, at, limit, 'no abort settings in a release gate');
      if (key === 'abortOnFail' && typeof limit !== 'boolean') fail(source, at, limit, 'true or false');
      if (key === 'delayAbortEval' && !isDuration(limit)) fail(source, at, limit, 'a k6 duration such as 10s');
    } else {
      fail(source, at, key, `one of ${ACCEPTED_KEYS}`);
    }
  }
  checkPercentileOrder(source, path, value as Limits, value as Limits);
  return value as Limits;
}

/** The latency limits of a scope as [percentile, limit] pairs, `med` as p50, in rising percentile order. */
function percentileLimits(limits: Limits): [number, number, string][] {
  const pairs: [number, number, string][] = [];
  for (const [key, limit] of Object.entries(limits)) {
    if (key === 'med') pairs.push([50, limit as number, key]);
    else if (key[0] === 'p' && typeof limit === 'number') pairs.push([Number(key.slice(1)), limit, key]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/**
 * Refuses limits whose higher percentile is stricter than a lower one (p99 under p95), which no run can meet
 * without meeting the stricter one: one of the two is a mistake.
 * @param own - The scope's own limits, whose path is named.
 * @param effective - The limits that apply to the scope (its own over those it inherits).
 */
function checkPercentileOrder(source: string, path: Path, own: Limits, effective: Limits): void {
  const pairs = percentileLimits(effective);
  for (let i = 1; i < pairs.length; i += 1) {
    const [, lower, lowerKey] = pairs[i - 1]!;
    const [, higher, higherKey] = pairs[i]!;
    if (higher >= lower) continue;
    const inherited = !(higherKey in own) || !(lowerKey in own) ? ' (one of them inherited from global)' : '';
    fail(
      source,
      `${path}.${higherKey in own ? higherKey : lowerKey}`,
      `${higherKey} ${higher} under ${lowerKey} ${lower}${inherited}`,
      `${higherKey} at least ${lowerKey}: a higher percentile cannot have a stricter limit`,
    );
  }
}

/** Whether a scope sets any pass/fail limit: a latency or an error rate. */
function hasLimit(limits: Limits): boolean {
  return Object.keys(limits).some((key) => key !== 'abortOnFail' && key !== 'delayAbortEval');
}

function checkNamedLimits(source: string, path: Path, value: unknown, abortAllowed: boolean): Record<string, Limits> {
  if (!isRecord(value)) fail(source, path, value, 'an object of named limits');
  for (const [name, limits] of Object.entries(value)) {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) fail(source, `${path}.${name}`, name, 'a name of letters, digits, _ and -');
    checkLimits(source, `${path}.${name}`, limits, abortAllowed);
  }
  return value as Record<string, Limits>;
}

/**
 * Validates parsed `thresholds.json` content; the same check runs at build time and in k6 at init. A `$schema` key
 * (text) is accepted and left alone; any other key outside global, scenarios, endpoints and gates is refused.
 * @param value - The parsed JSON.
 * @param source - Where it came from, named in errors.
 * @returns The value, typed.
 * @throws {ForgeError} `invalid_thresholds` naming the JSON path of the first problem, or of a higher percentile with
 *   a stricter limit than a lower one in the same scope (p99 under p95).
 */
export function parseThresholdsFile(value: unknown, source = 'thresholds.json'): ThresholdsFile {
  if (!isRecord(value)) fail(source, '$', value, 'an object with global, scenarios, endpoints and gates');
  for (const [key, section] of Object.entries(value)) {
    const path = `$.${key}`;
    if (key === '$schema') {
      if (typeof section !== 'string') fail(source, path, section, 'the path or URL of a JSON Schema, as text');
      continue;
    }
    if (!(SECTIONS as readonly string[]).includes(key)) fail(source, path, key, `one of ${SECTIONS.join(', ')} or $schema`);
    if (key === 'global') checkLimits(source, path, section, true);
    else checkNamedLimits(source, path, section, key !== 'gates');
  }
  return value as ThresholdsFile;
}

/**
 * Refuses limits in force that cannot judge a run: none at all, or a scenario whose own `p95` is above the `p99` it
 * inherits from `global` (each scope's own percentiles are checked by {@link parseThresholdsFile}).
 * @param file - The limits in force: a project's file merged over the packaged one.
 * @param source - The file named in errors.
 * @throws {ForgeError} `invalid_thresholds` naming the JSON path.
 */
export function assertJudgeable(file: ThresholdsFile, source: string): void {
  const global = file.global ?? {};
  for (const [name, limits] of Object.entries(file.scenarios ?? {})) {
    checkPercentileOrder(source, `$.scenarios.${name}`, limits, { ...global, ...limits });
  }
  const scopes = [
    global,
    ...Object.values(file.scenarios ?? {}),
    ...Object.values(file.endpoints ?? {}),
    ...Object.values(file.gates ?? {}),
  ];
  if (!scopes.some(hasLimit)) {
    fail(
      source,
      '$',
      file,
      'at least one limit (p95, p99, errorRate, ...) in global, scenarios, endpoints or gates: without one a run has no pass/fail verdict',
    );
  }
}

/**
 * The thresholds file that `k6-forge build` validated and embedded into this bundle. It is not validated again in
 * k6: every VU would pay for that at init.
 * @returns The embedded baselines.
 * @throws {ForgeError} `invalid_thresholds` when the bundle carries none (it was not built by k6-forge).
 */
export function embeddedThresholds(): ThresholdsFile {
  if (typeof __K6_FORGE_THRESHOLDS__ === 'undefined') {
    throw new ForgeError('invalid_thresholds', {
      field: 'thresholds.json',
      given: 'nothing embedded in this bundle',
      accepted: 'a bundle made by `k6-forge build`, or a thresholds file passed to the factory',
    });
  }
  return __K6_FORGE_THRESHOLDS__ as ThresholdsFile;
}
