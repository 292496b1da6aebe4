import type { RunVerdict } from '../../lib/summary/types.ts';
import type { ComparableRun, EndpointNumbers } from './comparable.ts';

/** How far a run may fall behind its baseline before compare fails it. A value exactly at its limit passes. */
export interface Tolerances {
  /** The lowest throughput accepted, as a share of the baseline's (docs/requirements.md, 002: below 90% fails). @default 0.9 */
  readonly minThroughput: number;
  /** The largest p95 increase accepted, relative to the baseline's p95 (0.10 is +10%). @default 0.1 */
  readonly p95Tolerance: number;
  /** The largest error-rate increase accepted, absolute (0.005 is +0.5 percentage points). @default 0.005 */
  readonly errorRateTolerance: number;
}

/** The tolerances compare uses unless told otherwise. */
export const DEFAULT_TOLERANCES: Tolerances = { minThroughput: 0.9, p95Tolerance: 0.1, errorRateTolerance: 0.005 };

/** What compare judges. */
export type CompareRule = 'throughput' | 'p95' | 'error rate';

/** One rule applied to one endpoint. */
export interface CompareCheck {
  /** The endpoint, or `*` for the whole run. */
  readonly endpoint: string;
  readonly rule: CompareRule;
  /** The baseline's value: requests per second, milliseconds, or a share. */
  readonly baseline: number;
  /** The current run's value; null when the current run lacks it, which fails. */
  readonly current: number | null;
  /** Throughput: current as a share of baseline; p95: the relative change; error rate: the absolute change. */
  readonly change: number | null;
  /** The limit on `change`: a lowest share for throughput, a highest change for the others. */
  readonly limit: number;
  readonly passed: boolean;
}

/** The outcome of comparing a run with its baseline. */
export interface Comparison {
  /** The current run's file. */
  readonly current: string;
  /** The baseline's file. */
  readonly baseline: string;
  readonly tolerances: Tolerances;
  /** Whole run first, then endpoints by name; throughput, p95, error rate each. */
  readonly checks: readonly CompareCheck[];
  /** What was not compared, and why. */
  readonly notes: readonly string[];
  /** The current run's own verdict when it did not pass (its k6 thresholds or scenarios failed, or it had no data). */
  readonly runVerdict: RunVerdict | null;
  /** Whether every check passed and the current run's own verdict, when known, is a pass. */
  readonly passed: boolean;
}

/** Differences this small from a limit count as on it, so float rounding (0.025 - 0.02) does not flip a verdict. */
const EPSILON = 1e-9;

const RULES: readonly { rule: CompareRule; field: keyof EndpointNumbers }[] = [
  { rule: 'throughput', field: 'requestsPerSecond' },
  { rule: 'p95', field: 'p95' },
  { rule: 'error rate', field: 'errorRate' },
];

function limitOf(rule: CompareRule, tolerances: Tolerances): number {
  if (rule === 'throughput') return tolerances.minThroughput;
  return rule === 'p95' ? tolerances.p95Tolerance : tolerances.errorRateTolerance;
}

function changeOf(rule: CompareRule, baseline: number, current: number): number {
  switch (rule) {
    case 'throughput':
      return baseline === 0 ? 1 : current / baseline; // a baseline without traffic leaves nothing to fall below
    case 'p95':
      return baseline === 0 ? (current === 0 ? 0 : Infinity) : (current - baseline) / baseline;
    case 'error rate':
      return current - baseline;
  }
}

function check(endpoint: string, rule: CompareRule, baseline: number, current: number | undefined, tolerances: Tolerances): CompareCheck {
  const limit = limitOf(rule, tolerances);
  if (current === undefined) return { endpoint, rule, baseline, current: null, change: null, limit, passed: false };
  const change = changeOf(rule, baseline, current);
  const passed = rule === 'throughput' ? change >= limit - EPSILON : change <= limit + EPSILON;
  return { endpoint, rule, baseline, current, change, limit, passed };
}

/**
 * Compares a run with its baseline, endpoint by endpoint: throughput below `minThroughput` of the baseline's fails,
 * a p95 more than `p95Tolerance` higher (relative) fails, an error rate more than `errorRateTolerance` higher
 * (absolute) fails; exactly at a limit passes. An endpoint or value the baseline has and the run lacks fails;
 * what only the run has, or what the baseline lacks, is noted and not compared. A current run whose own verdict
 * (in its k6-forge `meta`) is not a pass fails the comparison too.
 * @param current - The run being judged.
 * @param baseline - The run it is judged against.
 * @param tolerances - The limits. @default DEFAULT_TOLERANCES
 * @returns Every check, the notes and the verdict.
 */
export function compareRuns(current: ComparableRun, baseline: ComparableRun, tolerances: Tolerances = DEFAULT_TOLERANCES): Comparison {
  const checks: CompareCheck[] = [];
  const notes: string[] = [];
  if (current.scenario !== undefined && baseline.scenario !== undefined && current.scenario !== baseline.scenario) {
    notes.push(`the current run is of ${current.scenario}, the baseline of ${baseline.scenario}`);
  }
  for (const [endpoint, before] of Object.entries(baseline.endpoints)) {
    const now = current.endpoints[endpoint];
    if (now === undefined) notes.push(`${endpoint}: in the baseline but not in the current run, so its checks fail`);
    for (const { rule, field } of RULES) {
      const base = before[field];
      if (base === undefined) {
        if (now?.[field] !== undefined) notes.push(`${endpoint}: the baseline has no ${rule}, so it is not compared`);
        continue;
      }
      checks.push(check(endpoint, rule, base, now?.[field], tolerances));
    }
  }
  for (const endpoint of Object.keys(current.endpoints)) {
    if (baseline.endpoints[endpoint] === undefined) notes.push(`${endpoint}: new in the current run, so it is not compared`);
  }
  // A run that failed its own thresholds or scenarios cannot pass against any baseline.
  const runVerdict = current.verdict !== undefined && current.verdict.result !== 'pass' ? current.verdict : null;
  return {
    current: current.path,
    baseline: baseline.path,
    tolerances,
    checks,
    notes,
    runVerdict,
    passed: runVerdict === null && checks.every((check) => check.passed),
  };
}
