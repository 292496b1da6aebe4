import { hasSamples } from '../../lib/summary/has-samples.ts';
import type { RunVerdict } from '../../lib/summary/types.ts';
import type { Limits, ThresholdsFile } from '../../lib/thresholds-file.ts';
import { type LimitCheck, limitChecks } from '../limits/limit-checks.ts';
import { type GateLimits, gateLimits } from '../limits/thresholds-source.ts';
import { type SummaryFile, statOf } from './summary-file.ts';

/** One release-gate check: a measured value against its limit, for one scenario. */
export interface GateCheck extends LimitCheck {
  /** The scenario whose limits apply. */
  readonly scenario: string;
}

/** One-off limits from the command line: `--p95`, `--p99`, `--error-rate`. */
export interface OneOffLimits {
  readonly p95?: number;
  readonly p99?: number;
  readonly errorRate?: number;
}

/**
 * Checks one summary against one scenario's limits (`p95`, `p99`, `errorRate`, any `pN`, `avg`, `med`, `max`).
 * @param summary - The run's summary.
 * @param scenario - The scenario, which picks the `{scenario:<name>}` sub-metrics when present.
 * @param limits - The scenario's limits, from {@link gateLimits}.
 * @returns One check per limit, latency first; `no data` where the metric had no samples.
 * @throws {ForgeError} `invalid_file` when the summary lacks a metric or statistic a limit needs.
 */
export function gateChecks(summary: SummaryFile, scenario: string, limits: Limits): GateCheck[] {
  return limitChecks(limits, (metric, aggregation) => {
    const tagged = `${metric}{scenario:${scenario}}`;
    const source = tagged in summary.metrics ? tagged : metric;
    const value = statOf(summary, source, aggregation);
    return { metric: source, value: hasSamples(summary.metrics[source]!) ? value : null };
  }).map((check) => ({ scenario, ...check }));
}

/**
 * Finds the limits a scenario is gated by: gates → scenarios → global of the thresholds file, key by key
 * ({@link gateLimits}), with one-off limits from the command line over them.
 * @param file - The thresholds in force.
 * @param scenario - The scenario of the summary.
 * @param oneOff - `--p95`, `--p99` and `--error-rate`, when given.
 * @returns The limits and where they came from; undefined when nothing sets any.
 */
export function gateLimitsWith(file: ThresholdsFile, scenario: string, oneOff: OneOffLimits = {}): GateLimits | undefined {
  const { limits, source } = gateLimits(file, scenario);
  const options = Object.keys(oneOff).map((key) => `--${key === 'errorRate' ? 'error-rate' : key}`);
  const merged = { ...limits, ...oneOff };
  if (Object.keys(merged).length === 0) return undefined;
  return { limits: merged, source: [options.join(', '), source].filter((part) => part !== '').join(' over ') };
}

/** What one `k6-forge gate` judged. */
export interface GateOutcome {
  /** How many summaries were read. */
  readonly summaries: number;
  /** The thresholds file in force. */
  readonly thresholdsPath: string;
  /** Per scenario, where its limits came from, such as `load: scenarios.load over global`. */
  readonly sources: readonly string[];
  /** Every check of every summary. */
  readonly checks: readonly GateCheck[];
  /** The runs whose own verdict (in their k6-forge `meta`) was not a pass. */
  readonly failedRuns: readonly RunVerdict[];
}

/**
 * Whether a gate passes: every check passed on samples and every run passed.
 * @param outcome - What the gate judged.
 * @returns True when the gate passes.
 */
export function gatePassed({ checks, failedRuns }: GateOutcome): boolean {
  return failedRuns.length === 0 && checks.every((check) => check.verdict === 'pass');
}
