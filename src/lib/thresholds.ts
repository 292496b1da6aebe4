import type { Threshold } from 'k6/options';
import { embeddedThresholds, type Limits, type ThresholdsFile } from './thresholds-file.ts';

/** k6 thresholds: metric (with optional `{tag:value}` selector) to its expressions. */
export type Thresholds = Record<string, Threshold[]>;

const TREND_ORDER = ['avg', 'med', 'max'] as const;

/** The latency limits as k6 expressions: `avg`, `med`, `max`, then percentiles from low to high (`p(95)<500`). */
function latencyExpressions(limits: Limits): string[] {
  const expressions: string[] = [];
  for (const key of TREND_ORDER) if (limits[key] !== undefined) expressions.push(`${key}<${limits[key]}`);
  const percentiles = Object.keys(limits).filter((key) => key[0] === 'p') as `p${number}`[]; // the only keys starting with p
  percentiles.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  for (const key of percentiles) expressions.push(`p(${key.slice(1)})<${limits[key]}`);
  return expressions;
}

/**
 * Turns limits into k6 threshold expressions on `http_req_duration` and `http_req_failed`.
 * @param limits - The limits for one scope.
 * @param selector - A tag selector such as `scenario:smoke`, or empty for the whole test.
 * @returns k6 thresholds, with `abortOnFail` objects where the limits ask for it.
 */
export function limitsToThresholds(limits: Limits, selector = ''): Thresholds {
  const tagged = (metric: string) => (selector ? `${metric}{${selector}}` : metric);
  const expression = (text: string): Threshold =>
    limits.abortOnFail ? { threshold: text, abortOnFail: true, delayAbortEval: limits.delayAbortEval ?? '10s' } : text;
  const thresholds: Thresholds = {};
  const latency = latencyExpressions(limits).map(expression);
  if (latency.length > 0) thresholds[tagged('http_req_duration')] = latency;
  if (limits.errorRate !== undefined) thresholds[tagged('http_req_failed')] = [expression(`rate<${limits.errorRate}`)];
  return thresholds;
}

/** Options for {@link thresholdsFor}. */
export interface ThresholdsForOptions {
  /** The k6 scenario name the thresholds select with `{scenario:<name>}`. @default the profile name */
  readonly scenario?: string;
  /** Limits that replace the file's, key by key. */
  readonly limits?: Limits;
  /** The baselines to read. @default the thresholds file embedded by `k6-forge build` */
  readonly file?: ThresholdsFile;
}

/**
 * The limits a scenario is held to: the file's `global`, then its `scenarios` entry, key by key.
 * @param file - The baselines.
 * @param scenario - The profile or scenario name in the file's `scenarios` section.
 * @returns Its limits; empty when the file sets none.
 */
export function scenarioLimits(file: ThresholdsFile, scenario: string): Limits {
  return { ...file.global, ...file.scenarios?.[scenario] };
}

/**
 * The k6 thresholds for one scenario profile: the file's global limits, then the profile's, then the caller's.
 * @param profile - The profile name in the file's `scenarios` section, such as `spike`.
 * @param options - Scenario name, extra limits and the file to read.
 * @returns k6 thresholds on the `{scenario:<name>}` sub-metrics.
 */
export function thresholdsFor(profile: string, options: ThresholdsForOptions = {}): Thresholds {
  const file = options.file ?? embeddedThresholds();
  const limits = { ...scenarioLimits(file, profile), ...options.limits };
  return limitsToThresholds(limits, `scenario:${options.scenario ?? profile}`);
}
