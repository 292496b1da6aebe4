// k6's new machine-readable summary (`--new-machine-readable-summary`, k6 1.5 and later; schema version 1.0.0 in
// k6 v2.2.0, `internal/lib/summary/machinereadable/types_gen.go`) as the legacy summary data the rest of k6-forge
// reads. handleSummary then receives `{ config, metadata, results: { checks, metrics: [...] }, version }` instead of
// `{ metrics, root_group, options, state }`. Sobek hands the Go structs over with snake_case names (`p90`,
// `generated_at`); k6's JSON schema spells them `p(90)` and `generatedAt`, and both are read here.
import { isRecord } from '../is-record.ts';

/** A threshold expression as k6's options hold it: a string, or an object with `threshold`. */
export type ThresholdSpec = string | { readonly threshold?: unknown };

/**
 * Tells whether summary data is k6's new machine-readable summary rather than the legacy data.
 * @param raw - What handleSummary received, or a parsed summary file.
 * @returns Whether it has `results.metrics` as a list and no `metrics` object.
 */
export function isMachineReadable(raw: unknown): raw is Record<string, unknown> {
  return isRecord(raw) && !isRecord(raw['metrics']) && isRecord(raw['results']) && Array.isArray(raw['results']['metrics']);
}

/** A number from a record, or undefined. */
function numberAt(record: Record<string, unknown>, key: string): number | undefined {
  const value = record[key];
  return typeof value === 'number' ? value : undefined;
}

/** The legacy values of one machine-readable metric: a rate's passes and fails, a counter's rate, `p(90)` keys. */
function legacyValues(type: unknown, values: Record<string, unknown>, seconds: number): Record<string, unknown> {
  if (type === 'counter') {
    const count = numberAt(values, 'count');
    return count !== undefined && seconds > 0 ? { count, rate: count / seconds } : { count };
  }
  if (type === 'rate') {
    const matches = numberAt(values, 'matches');
    const total = numberAt(values, 'total');
    const counts = matches !== undefined && total !== undefined ? { passes: matches, fails: total - matches } : {};
    return { rate: values['rate'], ...counts };
  }
  if (type !== 'trend') return { ...values };
  const trend: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    // `p90` from Sobek, `p(90)` from k6's JSON schema: the legacy name is `p(90)`.
    const percentile = key.length > 1 && key[0] === 'p' && key[1] !== '(' ? `p(${key.slice(1)})` : key;
    trend[percentile] = value;
  }
  return trend;
}

/** k6's `checks` rate of the legacy data, from the machine-readable `checks_succeeded` and `checks_total`. */
function checksMetric(metrics: readonly unknown[]): Record<string, unknown> | undefined {
  const succeeded = metrics.find((metric) => isRecord(metric) && metric['name'] === 'checks_succeeded');
  if (!isRecord(succeeded) || !isRecord(succeeded['values'])) return undefined;
  return { type: 'rate', contains: 'default', values: legacyValues('rate', succeeded['values'], 0) };
}

/** The metric type a threshold's aggregation belongs to: `count` a counter, `rate` a rate, `value` a gauge. */
function typeOfAggregation(spec: ThresholdSpec | undefined): string {
  const expression = typeof spec === 'string' ? spec : String(spec?.threshold);
  if (expression.startsWith('count')) return 'counter';
  if (expression.startsWith('rate')) return 'rate';
  return expression.startsWith('value') ? 'gauge' : 'trend';
}

/**
 * Judges one threshold expression on a metric's values, as k6 does: `p(95)<500`, `rate<=0.01`, `count>0`.
 * @param expression - The expression.
 * @param values - The metric's legacy values.
 * @returns Whether it held; undefined when the expression is not k6's `aggregation operator number` or its
 *   aggregation is not among the values (the machine-readable summary has no `p(99)`, for one).
 */
export function judgeThreshold(expression: string, values: Readonly<Record<string, unknown>>): boolean | undefined {
  const parsed = /^\s*([a-z]+(?:\(\d+(?:\.\d+)?\))?)\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s*$/i.exec(expression);
  if (parsed === null) return undefined;
  const [, aggregation = '', operator, limitText] = parsed;
  const value = values[aggregation];
  if (typeof value !== 'number') return undefined;
  const limit = Number(limitText);
  if (operator === '<') return value < limit;
  if (operator === '<=') return value <= limit;
  if (operator === '>') return value > limit;
  if (operator === '>=') return value >= limit;
  if (operator === '!=') return value !== limit;
  return value === limit;
}

/**
 * Turns k6's machine-readable summary into the legacy summary data, so every reader and renderer handles both.
 * The machine-readable summary carries no threshold verdicts, so each threshold of `thresholds` (the run's
 * `exec.test.options.thresholds`) is judged again on the values: `ok` when it holds, and `{ ok: false, unjudged:
 * true }` when the summary lacks what it needs (k6's trends there stop at `p(95)`), which no report counts as a pass.
 * Checks come without their groups, all in the root group.
 * @param given - The machine-readable summary, as handleSummary receives it or as `--summary-export` writes it.
 * @param thresholds - The run's thresholds by metric name; none when not known (a summary file read by the CLI).
 * @returns The legacy-shaped data, still unchecked, for {@link readSummaryData} or the CLI's strict reader.
 */
export function legacyFromMachineReadable(
  given: Record<string, unknown>,
  thresholds: Readonly<Record<string, readonly ThresholdSpec[]>> = {},
): Record<string, unknown> {
  // Inside k6, Sobek wraps the Go structs: their methods show up as keys and a trend's values are Go pointers, not
  // numbers. Their JSON, which k6's own summary code writes the same way, holds plain numbers.
  const raw = JSON.parse(JSON.stringify(given)) as Record<string, unknown>;
  const config = isRecord(raw['config']) ? raw['config'] : {};
  const seconds = numberAt(config, 'duration');
  const results = isRecord(raw['results']) ? raw['results'] : {};
  const list: readonly unknown[] = Array.isArray(results['metrics']) ? results['metrics'] : [];
  const checks = isRecord(results['checks']) ? results['checks'] : {};
  const checkMetrics: readonly unknown[] = Array.isArray(checks['metrics']) ? checks['metrics'] : [];
  const metrics: [string, unknown][] = [];
  for (const metric of list) {
    if (!isRecord(metric) || typeof metric['name'] !== 'string') {
      metrics.push([`(unnamed ${metrics.length + 1})`, metric]);
      continue;
    }
    const values = isRecord(metric['values']) ? legacyValues(metric['type'], metric['values'], seconds ?? 0) : metric['values'];
    metrics.push([metric['name'], { type: metric['type'], contains: metric['contains'], values }]);
  }
  const checksRate = checksMetric(checkMetrics);
  if (checksRate !== undefined) metrics.push(['checks', checksRate]);
  const byName = Object.fromEntries(metrics) as Record<string, Record<string, unknown>>;
  for (const [name, specs] of Object.entries(thresholds)) {
    // A threshold on a metric the summary lacks (no samples): k6 judged it on an empty metric, which is unknown here.
    const metric = byName[name] ?? { type: typeOfAggregation(specs[0]), contains: 'default', values: {} };
    const values = isRecord(metric['values']) ? metric['values'] : {};
    const judged: [string, { ok: boolean; unjudged?: true }][] = [];
    for (const spec of specs) {
      const expression = typeof spec === 'string' ? spec : String(spec.threshold);
      const ok = judgeThreshold(expression, values);
      judged.push([expression, ok === undefined ? { ok: false, unjudged: true } : { ok }]);
    }
    // An empty list (the catalog's way to make a sub-metric appear) sets no threshold, as in k6's legacy data.
    if (judged.length > 0) byName[name] = { ...metric, thresholds: Object.fromEntries(judged) };
  }
  const checkList: readonly unknown[] = Array.isArray(checks['results']) ? checks['results'] : [];
  return {
    metrics: byName,
    root_group: {
      name: '',
      path: '',
      id: '',
      groups: [],
      checks: checkList.map((check) => (isRecord(check) ? { path: '', id: '', ...check } : check)),
    },
    options: { summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'], summaryTimeUnit: '', noColor: false },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: seconds === undefined ? undefined : seconds * 1000 },
  };
}
