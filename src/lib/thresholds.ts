import type { Threshold } from 'k6/options';
import { embeddedThresholds, type Limits, type ThresholdsFile } from './thresholds-file.ts';

/** k6 thresholds: metric (with optional `{tag:value}` selector) to its expressions. */
export type Thresholds = Record<string, Threshold[]>;

const TREND_ORDER = ['avg', 'med', 'max'];

function latencyKeys(limits: Limits): string[] {
  const percentiles = Object.keys(limits)
    .filter((key) => /^p\d/.test(key))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  return [...TREND_ORDER.filter((key) => key in limits), ...percentiles];
}

function aggregation(key: string): string {
  return key.startsWith('p') ? `p(${key.slice(1)})` : key;
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
  const latency = latencyKeys(limits).map((key) => expression(`${aggregation(key)}<${limits[key as keyof Limits]}`));
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
 * The k6 thresholds for one scenario profile: the file's global limits, then the profile's, then the caller's.
 * @param profile - The profile name in the file's `scenarios` section, such as `spike`.
 * @param options - Scenario name, extra limits and the file to read.
 * @returns k6 thresholds on the `{scenario:<name>}` sub-metrics.
 */
export function thresholdsFor(profile: string, options: ThresholdsForOptions = {}): Thresholds {
  const file = options.file ?? embeddedThresholds();
  const limits = { ...file.global, ...file.scenarios?.[profile], ...options.limits };
  return limitsToThresholds(limits, `scenario:${options.scenario ?? profile}`);
}
