// The strict reader of k6's summary JSON, for verdicts: gate, compare and baseline judge a release on it, so a missing
// metric, a number out of range or malformed metadata is refused with the file and the JSON path, never read as 0 or
// guessed. Its lenient twin, src/lib/summary/summary-data.ts, reads the same data for rendering inside k6's
// handleSummary, where refusing would lose a finished run's reports, so it fills the gaps and lists them instead.
import { basename } from 'node:path';
import { refuse } from '../../lib/errors.ts';
import { isRecord } from '../../lib/is-record.ts';
import { isMachineReadable, legacyFromMachineReadable } from '../../lib/summary/machine-readable.ts';
import { runVerdict } from '../../lib/summary/run-verdict.ts';
import type { RunMeta, ThresholdVerdict, VerdictResult } from '../../lib/summary/types.ts';
import { readJsonFile } from '../io/json-file.ts';

/** A run summary as gate, compare and baseline read it, from either of k6's summary shapes. */
export interface SummaryFile {
  /** Where it was read from, named in messages. */
  readonly path: string;
  /** `meta.scenario`, else `<scenario>` from a `<scenario>-summary.json` file name; undefined when neither tells. */
  readonly scenario: string | undefined;
  /** k6-forge's run metadata, when the file is a `<scenario>-summary.json` that k6-forge wrote. */
  readonly meta: RunMeta | undefined;
  /** Each metric's numbers by name (sub-metrics as `name{tag:value}`); a rate's share is always under `rate`. */
  readonly metrics: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** What a summary file may be, for messages. */
export const SUMMARY_ACCEPTED =
  "a k6 summary in JSON: k6-forge's <scenario>-summary.json, handleSummary's data or k6's --summary-export, legacy or machine-readable";

/** `<scenario>-summary.json`, the name k6-forge's handleSummary gives a run's summary. */
export const SUMMARY_FILE_NAME = /^(.+)-summary\.json$/;

const RESULTS: readonly VerdictResult[] = ['pass', 'fail', 'no data'];
const META_TEXT = ['scenario', 'environment', 'targetHost', 'startTime', 'endTime', 'k6ForgeVersion'] as const;

/**
 * Checks k6-forge's run metadata and judges its verdict again from its thresholds and scenarios.
 * @param value - The `meta` member of a summary file.
 * @param path - The file, named in the message.
 * @returns The metadata, typed, with its verdict.
 * @throws {ForgeError} `invalid_file` naming the first missing or malformed field.
 */
export function runMetaOf(value: unknown, path: string): RunMeta {
  if (!isRecord(value))
    refuse('invalid_file', {
      field: `${path} at meta`,
      given: value,
      accepted: "k6-forge's run metadata: an object with scenario, environment, times and thresholds",
    });
  for (const key of META_TEXT) {
    if (typeof value[key] !== 'string') refuse('invalid_file', { field: `${path} at meta.${key}`, given: value[key], accepted: 'text' });
  }
  if (value['scenario'] === '') refuse('invalid_file', { field: `${path} at meta.scenario`, given: '', accepted: 'a scenario name' });
  if (value['gitRevision'] !== undefined && typeof value['gitRevision'] !== 'string')
    refuse('invalid_file', { field: `${path} at meta.gitRevision`, given: value['gitRevision'], accepted: 'text' });
  const verdicts = value['thresholds'];
  const verdictOk = (v: unknown) =>
    isRecord(v) &&
    typeof v['metric'] === 'string' &&
    typeof v['expression'] === 'string' &&
    typeof v['ok'] === 'boolean' &&
    (v['result'] === undefined || (RESULTS as readonly unknown[]).includes(v['result']));
  if (!Array.isArray(verdicts) || !verdicts.every(verdictOk)) {
    refuse('invalid_file', {
      field: `${path} at meta.thresholds`,
      given: verdicts,
      accepted: 'a list of { metric, expression, ok, result } verdicts',
    });
  }
  const scenarios = value['scenarios'];
  if (scenarios !== undefined && !(Array.isArray(scenarios) && scenarios.every((name) => typeof name === 'string'))) {
    refuse('invalid_file', { field: `${path} at meta.scenarios`, given: scenarios, accepted: 'a list of scenario names' });
  }
  // A summary written before verdicts had a result: k6's ok is all it says.
  const thresholds = (verdicts as ThresholdVerdict[]).map(
    (v) => ({ ...v, result: v.result ?? (v.ok ? 'pass' : 'fail') }) as ThresholdVerdict,
  );
  const meta = { ...value, thresholds } as unknown as RunMeta;
  // The verdict is judged again from the thresholds and scenarios, so a file cannot claim a pass they do not support.
  return { ...meta, verdict: runVerdict(meta) };
}

/** k6's handleSummary data nests numbers under `values`; --summary-export lays them flat and calls a rate `value`. */
function metricNumbers(path: string, name: string, metric: unknown): Record<string, number> {
  if (!isRecord(metric))
    refuse('invalid_file', { field: `${path} at metrics[${JSON.stringify(name)}]`, given: metric, accepted: 'an object of numbers' });
  const nested = isRecord(metric['values']);
  const source = nested ? (metric['values'] as Record<string, unknown>) : metric;
  const numbers: Record<string, number> = {};
  for (const [key, value] of Object.entries(source)) if (typeof value === 'number') numbers[key] = value;
  const flatRate = !nested && 'passes' in metric && 'fails' in metric && numbers['value'] !== undefined;
  if (flatRate && numbers['rate'] === undefined) numbers['rate'] = numbers['value']!;
  const at = (key: string) => `metrics[${JSON.stringify(name)}]${nested ? '.values' : ''}.${key}`;
  checkRanges(numbers, metricKind(name, metric, flatRate), at, path);
  return numbers;
}

/** k6's metric types as the range checks need them; a summary without `type` is known by the k6 metric's name. */
type MetricKind = 'rate' | 'counter' | 'time' | 'trend' | 'other';

function metricKind(name: string, metric: Record<string, unknown>, flatRate: boolean): MetricKind {
  const base = name.split('{')[0]!;
  const type =
    metric['type'] ??
    (flatRate || base === 'http_req_failed' || base === 'checks'
      ? 'rate'
      : base === 'http_reqs' || base === 'iterations'
        ? 'counter'
        : undefined);
  if (type === 'rate' || type === 'counter') return type;
  const time =
    metric['contains'] === 'time' ||
    base === 'iteration_duration' ||
    base === 'group_duration' ||
    (base.startsWith('http_req_') && base !== 'http_req_failed');
  if (time) return 'time';
  return type === 'trend' ? 'trend' : 'other';
}

/** A trend statistic's place in the order min ≤ med, p(N) ≤ max: its percentage, or undefined for avg and others. */
function percentileOf(key: string): number | undefined {
  if (key === 'min') return 0;
  if (key === 'med') return 50;
  if (key === 'max') return 100;
  return key.startsWith('p(') && key.endsWith(')') ? Number(key.slice(2, -1)) : undefined;
}

/**
 * Refuses numbers no k6 run produces: a non-finite number, a rate's share outside 0 to 1, a negative count or
 * duration, percentiles that fall as the percentage rises, or an average outside min and max.
 * @throws {ForgeError} `invalid_file` naming the path of the first impossible number and its value.
 */
function checkRanges(numbers: Record<string, number>, kind: MetricKind, at: (key: string) => string, path: string): void {
  for (const [key, value] of Object.entries(numbers)) {
    if (!Number.isFinite(value))
      refuse('invalid_file', { field: `${path} at ${at(key)}`, shownAs: String(value), accepted: 'a finite number' });
    if (kind === 'rate' && (key === 'rate' || key === 'value') && (value < 0 || value > 1))
      refuse('invalid_file', { field: `${path} at ${at(key)}`, shownAs: String(value), accepted: 'a share from 0 to 1' });
    if ((kind === 'counter' || kind === 'rate' || kind === 'time') && value < 0) {
      refuse('invalid_file', {
        field: `${path} at ${at(key)}`,
        shownAs: String(value),
        accepted: kind === 'time' ? 'a duration of at least 0 ms' : 'a number of at least 0',
      });
    }
  }
  if (kind !== 'time' && kind !== 'trend') return;
  const ordered = Object.keys(numbers)
    .map((key) => [percentileOf(key), key] as const)
    .filter((entry): entry is readonly [number, string] => entry[0] !== undefined && Number.isFinite(entry[0]))
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ordered.length; i += 1) {
    const [, lower] = ordered[i - 1]!;
    const [, higher] = ordered[i]!;
    if (numbers[higher]! < numbers[lower]!) {
      refuse('invalid_file', {
        field: `${path} at ${at(higher)}`,
        shownAs: `${numbers[higher]} under ${lower} ${numbers[lower]}`,
        accepted: `${higher} at least ${lower}: statistics that do not fall as the percentage rises`,
      });
    }
  }
  const { avg, min, max } = numbers;
  if (avg !== undefined && ((min !== undefined && avg < min) || (max !== undefined && avg > max))) {
    refuse('invalid_file', {
      field: `${path} at ${at('avg')}`,
      shownAs: String(avg),
      accepted: `an average from min ${min ?? '?'} to max ${max ?? '?'}`,
    });
  }
}

/**
 * Reads a parsed summary: k6-forge's `RunSummary`, handleSummary's data as k6 passes it, or `--summary-export`,
 * each in k6's legacy shape or its new machine-readable one (`--new-machine-readable-summary`).
 * @param given - The parsed file.
 * @param path - The file, named in messages and used for the scenario when there is no `meta`.
 * @returns The summary's metrics, metadata and scenario.
 * @throws {ForgeError} `invalid_file` when it has no `metrics` object, malformed metrics or `meta`, or a number no
 *   run produces (non-finite, a rate outside 0 to 1, a negative count or duration, percentiles out of order).
 */
export function summaryFromJson(given: unknown, path: string): SummaryFile {
  // k6's machine-readable summary carries no thresholds and no k6-forge meta: only its metrics are read.
  const json = isMachineReadable(given) ? legacyFromMachineReadable(given) : given;
  if (!isRecord(json) || !isRecord(json['metrics'])) {
    refuse('invalid_file', {
      field: `${path} at ${isRecord(json) ? 'metrics' : '$'}`,
      given: isRecord(json) ? json['metrics'] : json,
      accepted: SUMMARY_ACCEPTED,
    });
  }
  const metrics: Record<string, Record<string, number>> = {};
  for (const [name, metric] of Object.entries(json['metrics'])) metrics[name] = metricNumbers(path, name, metric);
  const meta = json['meta'] === undefined ? undefined : runMetaOf(json['meta'], path);
  return { path, scenario: meta?.scenario ?? SUMMARY_FILE_NAME.exec(basename(path))?.[1], meta, metrics };
}

/**
 * Reads one summary file.
 * @param path - The file.
 * @returns Its metrics, metadata and scenario.
 * @throws {ForgeError} `invalid_file` for a missing, empty, truncated or non-JSON file, or the wrong shape.
 */
export async function readSummaryFile(path: string): Promise<SummaryFile> {
  return summaryFromJson(await readJsonFile(path, SUMMARY_ACCEPTED), path);
}

/**
 * Reads one statistic of one metric.
 * @param summary - The summary.
 * @param metric - The metric or sub-metric, such as `http_req_duration{scenario:spike}`.
 * @param stat - The statistic, such as `p(99)` or `rate`.
 * @returns Its value.
 * @throws {ForgeError} `invalid_file` naming the file and what is missing.
 */
export function statOf(summary: SummaryFile, metric: string, stat: string): number {
  const values = summary.metrics[metric];
  if (values === undefined)
    refuse('invalid_file', {
      field: `${summary.path} at metrics`,
      shownAs: `no ${metric}`,
      accepted: `the metric ${metric}, which k6 records for HTTP requests`,
    });
  const value = values[stat];
  if (value === undefined) {
    const hint = /^(avg|min|med|max|p\(.+\))$/.test(stat)
      ? `; add it to summaryTrendStats, as k6-forge's profiles do for p(99) (k6's --new-machine-readable-summary holds only avg, min, med, max, p(90) and p(95))`
      : '';
    refuse('invalid_file', {
      field: `${summary.path} at metrics[${JSON.stringify(metric)}]`,
      shownAs: `no ${stat}`,
      accepted: `the statistic ${stat}${hint}`,
    });
  }
  return value;
}
