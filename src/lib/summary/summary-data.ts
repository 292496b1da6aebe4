// The lenient reader of k6's summary data, for rendering. It runs inside k6's handleSummary, where a throw would lose
// every report of a run that already happened, so it never throws: a missing or malformed part becomes an empty one and
// a line in `problems`, and the reports still come out. Its strict twin, src/cli/summaries/summary-file.ts, reads the
// same JSON for verdicts (gate, compare, baseline), where a guess could pass a release, so it refuses instead.
import { isRecord } from '../is-record.ts';
import { withoutCredentials } from './internal/credentials.ts';
import { isMachineReadable, legacyFromMachineReadable, type ThresholdSpec } from './machine-readable.ts';
import type { MetricContains, MetricType, SummaryCheck, SummaryData, SummaryGroup, SummaryMetric } from './types.ts';

/** k6's summary data as k6-forge renders it, and what was wrong with what k6 passed. */
export interface SummaryReading {
  /** The data without `setup_data`, every missing or malformed part replaced by an empty one. */
  readonly data: Omit<SummaryData, 'setup_data'>;
  /** What was missing or malformed, in plain words; empty when the data was whole. */
  readonly problems: readonly string[];
}

/** k6's default `summaryTrendStats`. */
const DEFAULT_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];
const METRIC_TYPES: readonly string[] = ['counter', 'gauge', 'rate', 'trend'] satisfies MetricType[];
const CONTAINS: readonly string[] = ['default', 'time', 'data'] satisfies MetricContains[];

type Problems = string[];

function readValues(name: string, value: unknown, problems: Problems): Record<string, number> {
  if (!isRecord(value)) {
    problems.push(`metric ${name} has no values`);
    return {};
  }
  const values = Object.entries(value).filter(([key, number]) => {
    if (typeof number !== 'number') problems.push(`metric ${name} has a value ${key} that is not a number`);
    return typeof number === 'number';
  });
  return Object.fromEntries(values) as Record<string, number>;
}

function readThresholds(name: string, value: unknown, problems: Problems): SummaryMetric['thresholds'] {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problems.push(`metric ${name} has thresholds that are not an object`);
    return undefined;
  }
  const thresholds: [string, { ok: boolean; unjudged?: true }][] = [];
  for (const [expression, verdict] of Object.entries(value)) {
    if (isRecord(verdict) && typeof verdict['ok'] === 'boolean')
      thresholds.push([expression, verdict['unjudged'] === true ? { ok: false, unjudged: true } : { ok: verdict['ok'] }]);
    else problems.push(`threshold ${expression} on ${name} has no ok flag`);
  }
  return Object.fromEntries(thresholds);
}

function readMetrics(data: Record<string, unknown>, problems: Problems): Record<string, SummaryMetric> {
  const raw = data['metrics'];
  if (!isRecord(raw)) {
    problems.push('data.metrics is missing, so no metric is shown');
    return {};
  }
  // Collected as entries: Object.fromEntries defines each name, so even `__proto__` (a valid k6 metric name) stays a key.
  const metrics: [string, SummaryMetric][] = [];
  for (const [rawName, metric] of Object.entries(raw)) {
    const name = withoutCredentials(rawName);
    if (!isRecord(metric) || !METRIC_TYPES.includes(String(metric['type']))) {
      problems.push(`metric ${name} has no known type (counter, gauge, rate or trend), so it is left out`);
      continue;
    }
    const contains = CONTAINS.includes(String(metric['contains'])) ? (metric['contains'] as MetricContains) : 'default';
    const values = readValues(name, metric['values'], problems);
    const thresholds = readThresholds(name, metric['thresholds'], problems);
    metrics.push([name, { type: metric['type'] as MetricType, contains, values, ...(thresholds && { thresholds }) }]);
  }
  return Object.fromEntries(metrics);
}

function readCheck(value: unknown, where: string, problems: Problems): SummaryCheck | undefined {
  if (isRecord(value) && typeof value['name'] === 'string' && typeof value['passes'] === 'number' && typeof value['fails'] === 'number') {
    const text = (key: string) => (typeof value[key] === 'string' ? withoutCredentials(value[key]) : '');
    return { name: text('name'), path: text('path'), id: text('id'), passes: value['passes'], fails: value['fails'] };
  }
  problems.push(`a check in ${where} has no name, passes or fails, so it is left out`);
  return undefined;
}

function readGroup(value: unknown, where: string, problems: Problems): SummaryGroup {
  if (!isRecord(value)) {
    problems.push(`${where} is missing, so no check is shown from it`);
    return { name: '', path: '', id: '', groups: [], checks: [] };
  }
  const text = (key: string) => (typeof value[key] === 'string' ? withoutCredentials(value[key]) : '');
  const list = (key: string): unknown[] => {
    const items = value[key];
    if (Array.isArray(items)) return items;
    if (items !== undefined) problems.push(`${where}.${key} is not a list`);
    return [];
  };
  const label = text('name') === '' ? where : `group ${text('name')}`;
  return {
    name: text('name'),
    path: text('path'),
    id: text('id'),
    groups: list('groups').map((group) => readGroup(group, `a group in ${label}`, problems)),
    checks: list('checks').flatMap((check) => readCheck(check, label, problems) ?? []),
  };
}

function readOptions(value: unknown, problems: Problems): SummaryData['options'] {
  const options = isRecord(value) ? value : {};
  if (!isRecord(value)) problems.push("data.options is missing; k6's default trend columns are shown");
  const stats = options['summaryTrendStats'];
  const validStats = Array.isArray(stats) && stats.length > 0 && stats.every((stat) => typeof stat === 'string');
  if (isRecord(value) && !validStats) problems.push("data.options.summaryTrendStats is not a list of names; k6's defaults are shown");
  return {
    summaryTrendStats: validStats ? (stats as string[]) : DEFAULT_TREND_STATS,
    summaryTimeUnit: typeof options['summaryTimeUnit'] === 'string' ? options['summaryTimeUnit'] : '',
    noColor: options['noColor'] === true,
  };
}

function readState(value: unknown, problems: Problems): SummaryData['state'] {
  const state = isRecord(value) ? value : {};
  const duration = state['testRunDurationMs'];
  if (typeof duration !== 'number' || !Number.isFinite(duration)) {
    problems.push('data.state.testRunDurationMs is missing, so the start time equals the end time');
  }
  return {
    isStdOutTTY: state['isStdOutTTY'] === true,
    isStdErrTTY: state['isStdErrTTY'] === true,
    testRunDurationMs: typeof duration === 'number' && Number.isFinite(duration) ? duration : 0,
  };
}

/**
 * Reads the `data` k6 passes to `handleSummary` without ever throwing: drops `setup_data`, removes URL credentials
 * from names, and replaces what is missing or malformed with empty parts, listing each problem. k6's new
 * machine-readable summary (`--new-machine-readable-summary`) is read as the legacy data it summarises, its
 * thresholds judged again on its values (see {@link legacyFromMachineReadable}).
 * @param given - Whatever k6 passed.
 * @param thresholds - The run's thresholds (`exec.test.options.thresholds`), which only the machine-readable
 *   summary needs, since it carries no verdicts.
 * @returns The data to render and the problems found.
 */
export function readSummaryData(given: unknown, thresholds?: Readonly<Record<string, readonly ThresholdSpec[]>>): SummaryReading {
  const raw = isMachineReadable(given) ? legacyFromMachineReadable(given, thresholds) : given;
  const problems: Problems = [];
  // Without any object, one problem says it all; the readers' own complaints are left out.
  const data = isRecord(raw) ? raw : {};
  const found = isRecord(raw) ? problems : [];
  const read = {
    root_group: readGroup(data['root_group'], 'data.root_group', found),
    options: readOptions(data['options'], found),
    state: readState(data['state'], found),
    metrics: readMetrics(data, found),
  };
  if (!isRecord(raw)) problems.push('handleSummary got no summary object, so there is nothing to show');
  return { data: read, problems };
}
