import { byCodeUnits } from '../../text-order.ts';
import { ENDPOINT_TAGS, endpointSubmetric, WHOLE_RUN } from '../endpoints.ts';
import { hasSamples } from '../has-samples.ts';
import type { SummaryMetric } from '../types.ts';
import { humanizeValue } from './humanize.ts';

/** The latency of one endpoint, or of the whole run when no endpoint was tagged. */
export interface EndpointLatency {
  /** The tag value, such as `login`, or {@link WHOLE_RUN} (`*`). */
  readonly endpoint: string;
  /** The metric the values come from, such as `http_req_duration{endpoint:login}`. */
  readonly metric: string;
  readonly values: Readonly<Record<string, number>>;
  /** Whether any request was timed; an endpoint without requests is shown as not called, never at 0 ms. */
  readonly called: boolean;
}

/**
 * Finds per-endpoint latency in the summary: `http_req_duration{endpoint:x}` sub-metrics, else `{name:x}` ones,
 * else the whole run's `http_req_duration`.
 * @param metrics - k6's summary metrics.
 * @returns One row per endpoint, sorted by name; empty when no HTTP request was timed.
 */
export function endpointLatencies(metrics: Readonly<Record<string, SummaryMetric>>): EndpointLatency[] {
  for (const tag of ENDPOINT_TAGS) {
    const rows: EndpointLatency[] = [];
    for (const [metric, data] of Object.entries(metrics)) {
      const submetric = endpointSubmetric(metric);
      if (submetric?.metric !== 'http_req_duration' || submetric.tag !== tag) continue;
      rows.push({ endpoint: submetric.endpoint, metric, values: data.values, called: hasSamples(data.values) });
    }
    if (rows.length > 0) return rows.sort((a, b) => byCodeUnits(a.endpoint, b.endpoint));
  }
  const whole = metrics['http_req_duration'];
  return whole ? [{ endpoint: WHOLE_RUN, metric: 'http_req_duration', values: whole.values, called: hasSamples(whole.values) }] : [];
}

/**
 * Names a row's endpoint for a table: `login`, or `login (not called)` when no request was timed.
 * @param row - The endpoint's latency.
 * @returns The label.
 */
export function endpointLabel(row: EndpointLatency): string {
  return row.called ? row.endpoint : `${row.endpoint} (not called)`;
}

/**
 * Writes one latency column of a row: a duration like k6's, or a plain number for `count`.
 * @param row - The endpoint's latency.
 * @param stat - A `summaryTrendStats` column, such as `p(95)`.
 * @param timeUnit - k6's `summaryTimeUnit`.
 * @returns The cell text; `-` when the summary lacks the column or the endpoint was not called.
 */
export function latencyText(row: EndpointLatency, stat: string, timeUnit: string): string {
  const value = row.called ? row.values[stat] : undefined;
  if (stat === 'count') return value === undefined ? '-' : String(value);
  return humanizeValue(value, { type: 'trend', contains: 'time' }, timeUnit);
}
