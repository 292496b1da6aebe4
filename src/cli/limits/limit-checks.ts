import type { VerdictResult } from '../../lib/summary/types.ts';
import { limitsToThresholds } from '../../lib/thresholds.ts';
import type { Limits } from '../../lib/thresholds-file.ts';

/** One limit checked against a measured value. */
export interface LimitCheck {
  /** The metric measured, such as `http_req_duration{scenario:load}`. */
  readonly metric: string;
  /** The k6 aggregation, such as `p(95)` or `rate`. */
  readonly measure: string;
  /** The measured value (milliseconds, or a share for `rate`); null when the metric had no samples. */
  readonly measured: number | null;
  /** The limit in the same unit. */
  readonly limit: number;
  /** `pass` when the value is below the limit (equal fails, as k6 judges `p(95)<400`); `no data` without samples. */
  readonly verdict: VerdictResult;
}

/** A measured value and the metric it was read from. */
export interface Measured {
  /** The metric or sub-metric read. */
  readonly metric: string;
  /** The value; null when the metric had no samples. */
  readonly value: number | null;
}

/**
 * Checks limits against measured values, turning them into k6 expressions first (the same conversion that makes
 * the thresholds k6 enforces), so gate, analyze and k6 read a limit alike.
 * @param limits - The limits (`p95`, `p99`, `errorRate`, any `pN`, `avg`, `med`, `max`); abort settings are ignored.
 * @param measure - Reads one aggregation of `http_req_duration` or `http_req_failed`.
 * @returns One check per limit, latency first.
 */
export function limitChecks(limits: Limits, measure: (metric: string, aggregation: string) => Measured): LimitCheck[] {
  const checks: LimitCheck[] = [];
  for (const [metric, expressions] of Object.entries(limitsToThresholds(limits))) {
    for (const expression of expressions) {
      const [aggregation = '', limitText = ''] = (typeof expression === 'string' ? expression : expression.threshold).split('<');
      const { metric: source, value } = measure(metric, aggregation);
      const limit = Number(limitText);
      const verdict = value === null ? 'no data' : value < limit ? 'pass' : 'fail';
      checks.push({ metric: source, measure: aggregation, measured: value, limit, verdict });
    }
  }
  return checks;
}
