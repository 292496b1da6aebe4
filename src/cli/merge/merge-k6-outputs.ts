import { createHash } from 'node:crypto';
import { ForgeError, refuse } from '../../lib/errors.ts';
import { judgeThreshold } from '../../lib/summary/machine-readable.ts';
import type { MetricContains, MetricType, SummaryCheck, SummaryGroup, SummaryMetric } from '../../lib/summary/types.ts';
import { ExactPercentiles } from '../analysis/exact-percentiles.ts';
import { type K6MetricDefinition, type K6Sample, readK6Samples } from '../analysis/k6-json-stream.ts';
import { type MetricSelector, parseMetricSelector, selectsTags } from './metric-selector.ts';

/** k6's default `summaryTrendStats`. */
export const K6_TREND_STATS: readonly string[] = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];

/** Options for {@link mergeK6Outputs}. */
export interface MergeK6OutputsOptions {
  /** k6 `--out json` files, plain or gzip, one per instance (or runner) of one test. */
  readonly files: readonly string[];
  /**
   * Threshold expressions by metric or sub-metric name (`http_req_duration{scenario:smoke}`: `['p(95)<500']`), from
   * the instances' summaries; merged with the ones k6's `Metric` lines list. @default only those
   */
  readonly thresholds?: Readonly<Record<string, readonly string[]>>;
  /** The trend columns to compute, as k6's `summaryTrendStats`. @default {@link K6_TREND_STATS} */
  readonly trendStats?: readonly string[];
  /** The run's length for counters' rates (the longest instance's `testRunDurationMs`). @default the samples' span */
  readonly durationMs?: number | undefined;
}

/** The merged run: k6's summary metrics and checks, computed from every raw sample of every file. */
export interface MergedOutputs {
  /** The raw outputs read, in order. */
  readonly files: readonly string[];
  /** Lines read in the first pass. */
  readonly lines: number;
  /** Samples read in the first pass. */
  readonly samples: number;
  /** How many times the files were read. */
  readonly passes: number;
  /** The first sample's time, in ms since the epoch. */
  readonly start: number;
  /** The last sample's time, in ms since the epoch. */
  readonly end: number;
  /** The length counters' rates are taken over, in ms. */
  readonly durationMs: number;
  /** Metrics and sub-metrics by name, in k6's summary shape, each threshold judged on the merged values. */
  readonly metrics: Readonly<Record<string, SummaryMetric>>;
  /** The checks, from the `checks` samples' `group` and `check` tags. */
  readonly rootGroup: SummaryGroup;
}

/** The gauges whose instances each hold a share of the run: their value, min and max add up across files. */
const SHARED_GAUGES = new Set(['vus', 'vus_max']);
const TYPES: readonly string[] = ['counter', 'gauge', 'rate', 'trend'] satisfies MetricType[];

/** One metric or sub-metric being merged. */
interface Selection {
  readonly selector: MetricSelector;
  count: number;
  sum: number;
  passes: number;
  min: number;
  max: number;
  last: number;
  lastTime: number;
  /** A shared gauge's last value, min and max per file, summed at the end. */
  readonly perFile: { last: number; lastTime: number; min: number; max: number }[];
  /** A trend's exact statistics. */
  exact: ExactPercentiles | undefined;
  /** The percentiles its exact statistics compute, as fractions in that order. */
  fractions: readonly number[];
  /** A trend's samples per file in the first pass, checked in later ones. */
  readonly countsPerFile: number[];
}

/** A trend statistic's percentile as a fraction (`med`: 0.5, `p(99.9)`: 0.999), or undefined for others. */
function fractionOf(stat: string): number | undefined {
  if (stat === 'med') return 0.5;
  const match = /^p\((\d+(?:\.\d+)?)\)$/.exec(stat);
  return match ? Number(match[1]) / 100 : undefined;
}

/** The aggregation of a threshold expression, such as `p(95)` for `p(95)<500`. */
function aggregationOf(expression: string): string | undefined {
  return /^\s*([a-z]+(?:\(\d+(?:\.\d+)?\))?)/i.exec(expression)?.[1];
}

function newSelection(selector: MetricSelector): Selection {
  return {
    selector,
    count: 0,
    sum: 0,
    passes: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    last: 0,
    lastTime: Number.NEGATIVE_INFINITY,
    perFile: [],
    exact: undefined,
    fractions: [],
    countsPerFile: [],
  };
}

/** k6's id of a check or group: the MD5 of its path, in hex. */
function k6Id(path: string): string {
  return createHash('md5').update(path).digest('hex');
}

/** Builds k6's group tree from checks counted by group path and name, in the order they first appeared. */
class CheckTree {
  readonly #groups = new Map<string, { name: string; groups: string[]; checks: Map<string, { passes: number; fails: number }> }>([
    ['', { name: '', groups: [], checks: new Map() }],
  ]);

  add(groupPath: string, name: string, passed: boolean): void {
    const group = this.#group(groupPath);
    let check = group.checks.get(name);
    if (!check) {
      check = { passes: 0, fails: 0 };
      group.checks.set(name, check);
    }
    if (passed) check.passes += 1;
    else check.fails += 1;
  }

  #group(path: string): { name: string; groups: string[]; checks: Map<string, { passes: number; fails: number }> } {
    const found = this.#groups.get(path);
    if (found) return found;
    const cut = path.lastIndexOf('::');
    const parentPath = cut <= 0 ? '' : path.slice(0, cut);
    const parent = this.#group(parentPath);
    const group = { name: path.slice(cut + 2), groups: [], checks: new Map() };
    this.#groups.set(path, group);
    parent.groups.push(path);
    return group;
  }

  tree(path = ''): SummaryGroup {
    const group = this.#groups.get(path)!;
    const checks: SummaryCheck[] = [...group.checks].map(([name, { passes, fails }]) => {
      const checkPath = `${path}::${name}`;
      return { name, path: checkPath, id: k6Id(checkPath), passes, fails };
    });
    return { name: group.name, path, id: k6Id(path), groups: group.groups.map((child) => this.tree(child)), checks };
  }
}

/** The summary values of one merged selection, as k6 lays them out for its type. */
function valuesOf(type: MetricType, selection: Selection, stats: readonly string[], seconds: number): Record<string, number> {
  if (type === 'counter') return { count: selection.sum, rate: seconds > 0 ? selection.sum / seconds : 0 };
  if (type === 'rate') {
    return {
      rate: selection.count > 0 ? selection.passes / selection.count : 0,
      passes: selection.passes,
      fails: selection.count - selection.passes,
    };
  }
  if (type === 'gauge') {
    if (SHARED_GAUGES.has(selection.selector.metric)) {
      const add = (pick: (file: Selection['perFile'][number]) => number) =>
        selection.perFile.reduce((total, file) => total + (Number.isFinite(pick(file)) ? pick(file) : 0), 0);
      return { value: add((file) => file.last), min: add((file) => file.min), max: add((file) => file.max) };
    }
    return selection.count > 0 ? { value: selection.last, min: selection.min, max: selection.max } : { value: 0, min: 0, max: 0 };
  }
  const result = selection.exact!.result();
  const empty = result.count === 0;
  const values: Record<string, number> = {};
  for (const stat of stats) {
    if (stat === 'count') values[stat] = result.count;
    else if (stat === 'avg' || stat === 'min' || stat === 'max') values[stat] = empty ? 0 : result[stat];
    else {
      const fraction = fractionOf(stat);
      const at = fraction === undefined ? -1 : selection.fractions.indexOf(fraction);
      if (at !== -1) values[stat] = empty ? 0 : result.percentiles[at]!;
    }
  }
  return values;
}

/**
 * Merges the raw `--out json` output of several k6 instances of one test into k6's summary metrics, in passes over
 * the files with memory that does not grow with their samples: counters add up, rates count passes and fails,
 * trends get exact statistics (percentiles as k6 computes them, over every sample of every file, see
 * {@link ExactPercentiles}), and k6's own `vus` and `vus_max` gauges add up each file's last value, min and max
 * (another gauge keeps the last value by time and the extremes of all files). Every sub-metric a threshold names
 * (`{scenario:x}`, `{endpoint:y}`, any tags) is selected from the samples' tags, and every threshold is judged on the
 * merged values with k6's expression syntax (`p(95)<500`, `rate<0.01`, `count>0`, `avg`, `med`, `min`, `max`, `value`).
 * @param options - The files, the threshold expressions, the trend columns and the run's length.
 * @returns The merged metrics, checks and what was read.
 * @throws {ForgeError} `invalid_file` for a missing or malformed file (naming it and the line), output of no metric,
 *   or a file that changed between passes.
 */
export async function mergeK6Outputs(options: MergeK6OutputsOptions): Promise<MergedOutputs> {
  const stats = options.trendStats ?? K6_TREND_STATS;
  const expressions = new Map<string, Set<string>>();
  const expect = (name: string, list: readonly string[]) => {
    const set = expressions.get(name) ?? new Set<string>();
    expressions.set(name, set);
    for (const expression of list) set.add(expression);
  };
  for (const [name, list] of Object.entries(options.thresholds ?? {})) expect(name, list);
  const definitions = new Map<string, { type: MetricType; contains: MetricContains }>();
  const selections = new Map<string, Selection[]>();
  const byName = new Map<string, Selection>();
  const select = (name: string): Selection => {
    let selection = byName.get(name);
    if (selection) return selection;
    selection = newSelection(parseMetricSelector(name));
    byName.set(name, selection);
    const list = selections.get(selection.selector.metric) ?? [];
    // The metric itself first, then its sub-metrics.
    if (name === selection.selector.metric) list.unshift(selection);
    else list.push(selection);
    selections.set(selection.selector.metric, list);
    return selection;
  };
  for (const name of expressions.keys()) select(name);
  // The percentiles every trend computes: its columns and every threshold's, so one list serves them all.
  const fractionSet = new Set<number>();
  const wantStat = (stat: string) => {
    const fraction = fractionOf(stat);
    if (fraction !== undefined) fractionSet.add(fraction);
  };
  for (const stat of stats) wantStat(stat);
  for (const list of Object.values(options.thresholds ?? {})) for (const expression of list) wantStat(aggregationOf(expression) ?? '');
  const checks = new CheckTree();
  let [lines, samples, start, end] = [0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  // A trend's percentiles are fixed when its first sample comes: a k6 Metric line precedes its metric's samples, and
  // the summaries' thresholds (sub-metrics included) are known before any file is read.
  const ensureExact = (selection: Selection) => {
    if (selection.exact) return;
    selection.fractions = [...fractionSet].sort((a, b) => a - b);
    selection.exact = new ExactPercentiles(selection.fractions);
  };
  const onMetric = (definition: K6MetricDefinition) => {
    if (!TYPES.includes(definition.type)) return;
    const contains = (['default', 'time', 'data'].includes(definition.contains) ? definition.contains : 'default') as MetricContains;
    definitions.set(definition.name, { type: definition.type as MetricType, contains });
    expect(definition.name, definition.thresholds);
    for (const expression of definition.thresholds) wantStat(aggregationOf(expression) ?? '');
    select(definition.name);
  };
  for (const [index, file] of options.files.entries()) {
    const onSample = (sample: K6Sample) => {
      if (sample.time < start) start = sample.time;
      if (sample.time > end) end = sample.time;
      const definition = definitions.get(sample.metric);
      if (!definition) return;
      if (sample.metric === 'checks') {
        const name = typeof sample.tags['check'] === 'string' ? sample.tags['check'] : '';
        checks.add(typeof sample.tags['group'] === 'string' ? sample.tags['group'] : '', name, sample.value !== 0);
      }
      for (const selection of selections.get(sample.metric) ?? []) {
        if (!selectsTags(selection.selector, sample.tags)) continue;
        selection.count += 1;
        selection.sum += sample.value;
        if (sample.value !== 0) selection.passes += 1;
        if (sample.value < selection.min) selection.min = sample.value;
        if (sample.value > selection.max) selection.max = sample.value;
        if (sample.time >= selection.lastTime) [selection.last, selection.lastTime] = [sample.value, sample.time];
        if (definition.type === 'gauge') {
          selection.perFile[index] ??= {
            last: 0,
            lastTime: Number.NEGATIVE_INFINITY,
            min: Number.POSITIVE_INFINITY,
            max: Number.NEGATIVE_INFINITY,
          };
          const mine = selection.perFile[index];
          if (sample.time >= mine.lastTime) [mine.last, mine.lastTime] = [sample.value, sample.time];
          mine.min = Math.min(mine.min, sample.value);
          mine.max = Math.max(mine.max, sample.value);
        }
        if (definition.type === 'trend') {
          ensureExact(selection);
          selection.exact!.add(sample.value);
          selection.countsPerFile[index] = (selection.countsPerFile[index] ?? 0) + 1;
        }
      }
    };
    const counted = await readK6Samples(file, 'all', onSample, (name) => select(name), onMetric);
    lines += counted.lines;
    samples += counted.samples;
  }
  if (definitions.size === 0) {
    throw new ForgeError('invalid_file', {
      field: options.files.join(', '),
      given: 'output that declares no metric',
      accepted: 'k6 --out json output (its Metric lines declare each metric before its samples)',
    });
  }
  const trends = [...byName.values()].filter((selection) => definitions.get(selection.selector.metric)?.type === 'trend');
  for (const selection of trends) {
    ensureExact(selection);
    selection.exact!.endPass();
  }
  const trendMetrics = new Set(trends.map((selection) => selection.selector.metric));
  let passes = 1;
  while (trends.some((selection) => selection.exact!.pending)) {
    passes += 1;
    for (const [index, file] of options.files.entries()) {
      const counts = new Map<Selection, number>();
      await readK6Samples(file, trendMetrics, (sample) => {
        for (const selection of selections.get(sample.metric) ?? []) {
          if (!selectsTags(selection.selector, sample.tags)) continue;
          counts.set(selection, (counts.get(selection) ?? 0) + 1);
          if (selection.exact!.pending) selection.exact!.add(sample.value);
        }
      });
      for (const selection of trends) {
        if ((counts.get(selection) ?? 0) !== (selection.countsPerFile[index] ?? 0)) {
          refuse('invalid_file', {
            field: file,
            shownAs: 'a file that changed while it was merged',
            accepted: 'a finished k6 output file',
          });
        }
      }
    }
    for (const selection of trends) selection.exact!.endPass();
  }
  const durationMs = options.durationMs ?? (Number.isFinite(end - start) ? end - start : 0);
  const metrics: [string, SummaryMetric][] = [];
  for (const [name, selection] of byName) {
    const definition = definitions.get(selection.selector.metric);
    const listed = [...(expressions.get(name) ?? [])];
    if (!definition) {
      // A threshold on a metric no file declares: nothing to judge it on.
      if (listed.length > 0) {
        metrics.push([
          name,
          {
            type: 'counter',
            contains: 'default',
            values: {},
            thresholds: Object.fromEntries(listed.map((e) => [e, { ok: false, unjudged: true } as const])),
          },
        ]);
      }
      continue;
    }
    // k6 leaves out metrics without samples, but keeps every metric and sub-metric a threshold names.
    if (selection.count === 0 && listed.length === 0) continue;
    const ownStats = [...stats, ...listed.flatMap((expression) => aggregationOf(expression) ?? [])].filter(
      (stat, i, all) => all.indexOf(stat) === i,
    );
    const values = valuesOf(definition.type, selection, definition.type === 'trend' ? ownStats : stats, durationMs / 1000);
    const metric: SummaryMetric = { type: definition.type, contains: definition.contains, values };
    if (listed.length > 0) {
      const thresholds = Object.fromEntries(
        listed.map((expression) => {
          const ok = judgeThreshold(expression, values);
          return [expression, ok === undefined ? { ok: false, unjudged: true as const } : { ok }];
        }),
      );
      metrics.push([name, { ...metric, thresholds }]);
    } else metrics.push([name, metric]);
  }
  return {
    files: options.files,
    lines,
    samples,
    passes,
    start,
    end,
    durationMs,
    metrics: Object.fromEntries(metrics),
    rootGroup: checks.tree(),
  };
}
