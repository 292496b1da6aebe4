import type { SummaryData, SummaryMetric } from '../types.ts';
import { humanizeValue } from './humanize.ts';
import { compareMetricNames } from './metric-names.ts';

/** A trend and each of the run's `summaryTrendStats`, written with its unit. */
export interface TrendRow {
  /** The metric or sub-metric, such as `http_req_duration{endpoint:login}`. */
  readonly metric: string;
  /** One text per `summaryTrendStats` column, `-` where the summary lacks it. */
  readonly stats: readonly string[];
}

/** A counter, rate or gauge in the form its type calls for. */
export interface ValueRow {
  /** The metric or sub-metric, such as `orders_accepted`. */
  readonly metric: string;
  /** `counter`, `rate` or `gauge`. */
  readonly type: Exclude<SummaryMetric['type'], 'trend'>;
  /** A counter's count, a rate's percentage, a gauge's last value, with units (`240 kB`, `1.50%`). */
  readonly value: string;
  /** A counter's rate per second, a rate's passes and fails (`✓ 2 ✗ 6`), a gauge's `min=... max=...`. */
  readonly detail: string;
}

/** Every metric of a run, trends apart from the others, each list in k6's order (a sub-metric after its parent). */
export interface MetricRows {
  readonly trends: readonly TrendRow[];
  readonly values: readonly ValueRow[];
}

/**
 * Writes every metric of a run, the SDK's and a script's own: trends with the run's trend columns, counters as
 * count and rate per second, rates as a percentage with their passes and fails, gauges as value, min and max.
 * @param data - The run's metrics and options (`summaryTrendStats`, `summaryTimeUnit`).
 * @returns The trends and the other metrics, each in k6's order.
 */
export function metricRows(data: Pick<SummaryData, 'metrics' | 'options'>): MetricRows {
  const trends: TrendRow[] = [];
  const values: ValueRow[] = [];
  const { summaryTrendStats, summaryTimeUnit } = data.options;
  for (const metric of Object.keys(data.metrics).sort(compareMetricNames)) {
    const summarised = data.metrics[metric]!;
    const number = summarised.values;
    const show = (value: number | undefined) => humanizeValue(value, summarised, summaryTimeUnit);
    const count = (value: number | undefined) => (value === undefined ? '-' : String(value));
    switch (summarised.type) {
      case 'trend':
        trends.push({ metric, stats: summaryTrendStats.map((stat) => (stat === 'count' ? count(number[stat]) : show(number[stat]))) });
        break;
      case 'counter':
        values.push({ metric, type: 'counter', value: show(number['count']), detail: `${show(number['rate'])}/s` });
        break;
      case 'rate':
        values.push({
          metric,
          type: 'rate',
          value: show(number['rate']),
          detail: `✓ ${count(number['passes'])} ✗ ${count(number['fails'])}`,
        });
        break;
      case 'gauge':
        values.push({
          metric,
          type: 'gauge',
          value: show(number['value']),
          detail: `min=${show(number['min'])} max=${show(number['max'])}`,
        });
        break;
    }
  }
  return { trends, values };
}
