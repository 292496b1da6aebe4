import { trimmed } from '../../trimmed.ts';
import type { RunSummary, SummaryMetric, ThresholdVerdict } from '../types.ts';

/** A threshold's verdict with the value it was judged on. */
export interface ThresholdRow extends ThresholdVerdict {
  /** The measured value in the threshold's own unit (milliseconds for times), or why there is none (`no samples`). */
  readonly measured: string;
}

// k6's threshold syntax: an aggregation such as `p(99.9)` or `rate`, then an operator.
const AGGREGATION = /^\s*([a-z]+(?:\(\d+(?:\.\d+)?\))?)\s*[<>=!]/;

/**
 * Reads the value a threshold expression was judged on, such as `p(95)` of a trend or `rate` of a rate.
 * @param metric - The metric the threshold is on, if the summary has it.
 * @param expression - The expression, such as `p(95)<500`.
 * @returns The value in the threshold's unit, or why it cannot be shown.
 */
function measuredValue(metric: SummaryMetric | undefined, expression: string): string {
  const aggregation = AGGREGATION.exec(expression)?.[1];
  if (aggregation === undefined) return 'unreadable expression';
  const value = metric?.values[aggregation];
  if (value === undefined) return `${aggregation} not in the summary`;
  if (metric?.contains === 'time' && aggregation !== 'count' && aggregation !== 'rate') return `${trimmed(value, 2)}ms`;
  if (metric?.type === 'counter' && aggregation === 'rate') return `${trimmed(value, 6)}/s`;
  return trimmed(value, 6);
}

/**
 * Pairs every threshold verdict of a run with its measured value.
 * @param summary - The run's metrics and meta.
 * @returns One row per threshold, in the order of `meta.thresholds`.
 */
export function thresholdRows(summary: Pick<RunSummary, 'meta' | 'metrics'>): ThresholdRow[] {
  return summary.meta.thresholds.map((verdict) => ({
    ...verdict,
    // Not ok yet no data: k6's machine-readable summary lacked the value, which measuredValue says.
    measured:
      verdict.result === 'no data' && verdict.ok ? 'no samples' : measuredValue(summary.metrics[verdict.metric], verdict.expression),
  }));
}
