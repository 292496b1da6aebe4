import { ForgeError, invalidOption } from '../../lib/errors.ts';
import { endpointOfTags, WHOLE_RUN } from '../../lib/summary/endpoints.ts';
import type { Series, VerdictResult } from '../../lib/summary/types.ts';
import { byCodeUnits } from '../../lib/text-order.ts';
import { scenarioLimits } from '../../lib/thresholds.ts';
import type { Limits, ThresholdsFile } from '../../lib/thresholds-file.ts';
import { type LimitCheck, limitChecks } from '../limits/limit-checks.ts';
import { ExactPercentiles, type ExactStats } from './exact-percentiles.ts';
import { IntervalSeries } from './interval-series.ts';
import { type K6Sample, readK6Samples } from './k6-json-stream.ts';
import { SOAK_MIN_SECONDS, type SoakVerdict, SoakWindows } from './soak-degradation.ts';
import { RECOVERY_LIMIT_SECONDS, type RecoveryLimits, type RecoveryVerdict, RecoveryWindows, VusPeak } from './spike-recovery.ts';

/** Options for {@link analyzeK6Output}. */
export interface AnalyzeOptions {
  /** k6 `--out json` files, plain or gzip; several are merged as one run (one file per k6 instance). */
  readonly files: readonly string[];
  /** The length of a series interval and of a recovery window, in ms. @default chosen from the run's length, see {@link intervalFor} */
  readonly intervalMs?: number | undefined;
  /** When the spike ended, in seconds since the run's start; implies a spike. @default where the `vus` peak ends */
  readonly spikeEndSeconds?: number | undefined;
  /** The baseline limits to be back within after the spike. */
  readonly recoveryLimits: RecoveryLimits;
  /** What kind of run this is. @default found from the run's scenario name (and, for a spike, its `vus` shape) */
  readonly expect?: RunKind | undefined;
  /** The thresholds in force, whose scenario and endpoint limits are judged on the output. @default none are judged */
  readonly thresholds?: ThresholdsFile | undefined;
}

/** The kinds of run `analyze` judges apart: spike recovery applies to a spike, soak degradation to a soak. */
export const RUN_KINDS = ['spike', 'soak', 'steady'] as const;

/** A kind of run. */
export type RunKind = (typeof RUN_KINDS)[number];

/** One limit of the thresholds file judged on the output's exact figures. */
export interface AnalysisLimitCheck extends LimitCheck {
  /** Whose limit it is: `scenario load` (its limits over global, on the whole run) or `endpoint login`. */
  readonly scope: string;
}

/** One check, as k6's `checks` samples count it. */
export interface AnalysisCheck {
  /** The groups it ran in, outermost first. */
  readonly groups: readonly string[];
  readonly name: string;
  readonly passes: number;
  readonly fails: number;
}

/** What analyze concludes for the run as a whole. */
export interface AnalysisVerdict {
  /** `fail` when a limit, an applicable spike or soak verdict, or a declared scenario failed; `no data` when no limit had samples. */
  readonly result: VerdictResult;
  /** The verdict in one sentence. */
  readonly text: string;
}

/** Exact `http_req_duration` statistics of one endpoint, or of the whole run. */
export interface EndpointAnalysis {
  /** The `endpoint` tag's value, else the `name` tag's; `*` for the whole run. */
  readonly endpoint: string;
  /** Requests (`http_req_duration` samples). */
  readonly requests: number;
  /** Requests per second over the run's length; null for a run of no length. */
  readonly requestsPerSecond: number | null;
  /** The share of failed requests (`http_req_failed`); null without such samples. */
  readonly errorRate: number | null;
  /** Milliseconds: min, avg, med, p(90), p(95), p(99), max; percentiles exact as k6 computes them. */
  readonly latency: {
    readonly min: number;
    readonly avg: number;
    readonly med: number;
    readonly p90: number;
    readonly p95: number;
    readonly p99: number;
    readonly max: number;
  };
}

/** What `k6-forge analyze` finds in k6's output. */
export interface Analysis {
  readonly files: readonly string[];
  /** Lines read in the first pass, samples of other metrics included. */
  readonly lines: number;
  /** Samples of `http_req_duration`, `http_req_failed` and `vus` used. */
  readonly samples: number;
  /** How many times the files were read. */
  readonly passes: number;
  /** The first and last sample's time, ISO 8601. */
  readonly start: string;
  readonly end: string;
  readonly durationSeconds: number;
  readonly intervalSeconds: number;
  /** Whether the interval was given (`--interval`) or chosen from the run's length. */
  readonly intervalFrom: 'option' | 'run length';
  /** The `scenario` tag when every request had the same one. */
  readonly scenario: string | undefined;
  /** The kind of run judged, and how it was known. */
  readonly kind: { readonly value: RunKind; readonly from: 'option' | 'scenario name' | 'default' };
  /** Scenarios the output declares (sub-metrics its thresholds name) that never ran or completed no iteration. */
  readonly scenarioProblems: readonly { readonly scenario: string; readonly problem: string }[];
  /** The thresholds file's limits for the scenario and each endpoint, on exact figures. */
  readonly limits: readonly AnalysisLimitCheck[];
  /** Checks read from the output's `checks` samples. */
  readonly checks: readonly AnalysisCheck[];
  /** Whole run (`*`) first, then endpoints by name. */
  readonly endpoints: readonly EndpointAnalysis[];
  /** Requests per second, error rate and p95 per interval: whole run, then each endpoint. */
  readonly series: readonly Series[];
  readonly recovery: RecoveryVerdict;
  readonly soak: SoakVerdict;
  readonly verdict: AnalysisVerdict;
  /** What was left out, and why. */
  readonly notes: readonly string[];
}

/** Endpoints tracked one by one; samples of further ones count in the whole run only, to keep memory bounded. */
const MAX_ENDPOINTS = 100;

const FRACTIONS = [0.5, 0.9, 0.95, 0.99];
const FIRST_PASS = new Set(['http_req_duration', 'http_req_failed', 'vus', 'checks', 'iterations']);
/** Interval lengths to choose from, in seconds: the shortest that gives a run at most {@link MAX_POINTS} points. */
const NICE_INTERVALS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
const MAX_POINTS = 30;
const SECOND_PASS = new Set(['http_req_duration', 'http_req_failed']);
const LATER_PASSES = new Set(['http_req_duration']);

/** What the first pass learns. */
interface FirstPass {
  lines: number;
  samples: number;
  start: number;
  end: number;
  readonly requestsPerFile: number[];
  readonly latency: Map<string, ExactPercentiles>;
  readonly checks: Map<string, { failed: number; checked: number }>;
  readonly peaks: VusPeak[];
  readonly scenarios: Set<string>;
  /** Every scenario with a sample: a request, a check or an iteration. */
  readonly scenariosRan: Set<string>;
  /** Every scenario with a completed iteration. */
  readonly scenariosIterated: Set<string>;
  /** Every scenario a sub-metric names. */
  readonly scenariosDeclared: Set<string>;
  /** Checks by group path and name. */
  readonly checkSamples: Map<string, AnalysisCheck & { passes: number; fails: number }>;
  endpointsLeftOut: boolean;
}

async function firstPass(files: readonly string[], fractions: readonly number[]): Promise<FirstPass> {
  const seen: FirstPass = {
    lines: 0,
    samples: 0,
    start: Infinity,
    end: -Infinity,
    requestsPerFile: [],
    latency: new Map([[WHOLE_RUN, new ExactPercentiles(fractions)]]),
    checks: new Map([[WHOLE_RUN, { failed: 0, checked: 0 }]]),
    peaks: [],
    scenarios: new Set(),
    scenariosRan: new Set(),
    scenariosIterated: new Set(),
    scenariosDeclared: new Set(),
    checkSamples: new Map(),
    endpointsLeftOut: false,
  };
  const keysOf = (sample: K6Sample): string[] => {
    const endpoint = endpointOfTags(sample.tags);
    if (endpoint === undefined || endpoint === WHOLE_RUN) return [WHOLE_RUN];
    if (!seen.latency.has(endpoint)) {
      if (seen.latency.size > MAX_ENDPOINTS) {
        seen.endpointsLeftOut = true;
        return [WHOLE_RUN];
      }
      seen.latency.set(endpoint, new ExactPercentiles(fractions));
      seen.checks.set(endpoint, { failed: 0, checked: 0 });
    }
    return [WHOLE_RUN, endpoint];
  };
  for (const file of files) {
    const peak = new VusPeak();
    let requests = 0;
    const declare = (_name: string, tags: Readonly<Record<string, unknown>>) => {
      if (typeof tags['scenario'] === 'string') seen.scenariosDeclared.add(tags['scenario']);
    };
    const counted = await readK6Samples(
      file,
      FIRST_PASS,
      (sample) => {
        if (sample.time < seen.start) seen.start = sample.time;
        if (sample.time > seen.end) seen.end = sample.time;
        if (sample.metric === 'vus') return peak.add(sample.time, sample.value);
        const tagged = sample.tags['scenario'];
        if (typeof tagged === 'string') seen.scenariosRan.add(tagged);
        if (sample.metric === 'iterations') {
          if (typeof tagged === 'string') seen.scenariosIterated.add(tagged);
          return;
        }
        if (sample.metric === 'checks') return countCheck(seen, sample);
        const keys = keysOf(sample);
        if (sample.metric === 'http_req_failed') {
          for (const key of keys) {
            const checks = seen.checks.get(key)!;
            checks.checked += 1;
            if (sample.value !== 0) checks.failed += 1;
          }
          return;
        }
        requests += 1;
        if (typeof sample.tags['scenario'] === 'string' && seen.scenarios.size < 2) seen.scenarios.add(sample.tags['scenario']);
        for (const key of keys) seen.latency.get(key)!.add(sample.value);
      },
      declare,
    );
    seen.lines += counted.lines;
    seen.samples += counted.samples;
    seen.requestsPerFile.push(requests);
    seen.peaks.push(peak);
  }
  return seen;
}

/** Counts one `checks` sample under its group path (k6's `group` tag, `::a::b`) and name (the `check` tag). */
function countCheck(seen: FirstPass, sample: K6Sample): void {
  const name = typeof sample.tags['check'] === 'string' ? sample.tags['check'] : '';
  const group = typeof sample.tags['group'] === 'string' ? sample.tags['group'] : '';
  const key = `${group}\u0000${name}`;
  let check = seen.checkSamples.get(key);
  if (!check) {
    check = { groups: group.split('::').filter((part) => part !== ''), name, passes: 0, fails: 0 };
    seen.checkSamples.set(key, check);
  }
  if (sample.value !== 0) check.passes += 1;
  else check.fails += 1;
}

/**
 * Chooses the series interval from a run's length: the shortest of 1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 min, ... that
 * gives at most 30 points, so a short run's charts are never empty and a long one's stay readable.
 * @param lengthMs - The run's length.
 * @returns The interval in ms.
 */
export function intervalFor(lengthMs: number): number {
  const seconds = NICE_INTERVALS.find((step) => lengthMs / 1000 / step <= MAX_POINTS) ?? NICE_INTERVALS.at(-1)!;
  return seconds * 1000;
}

/** The percentile fractions needed: the report's, and every `pN` limit of the scenario and endpoints judged. */
function fractionsFor(limits: readonly Limits[]): number[] {
  const wanted = new Set(FRACTIONS);
  for (const set of limits) for (const key of Object.keys(set)) if (key[0] === 'p') wanted.add(Number(key.slice(1)) / 100);
  return [...wanted].sort((a, b) => a - b);
}

/** Reads one aggregation of exact statistics: `avg`, `min`, `med`, `max` or `p(N)`. */
function statistic(stats: ExactStats, fractions: readonly number[], aggregation: string): number {
  if (aggregation === 'avg' || aggregation === 'min' || aggregation === 'max') return stats[aggregation];
  const fraction = aggregation === 'med' ? 0.5 : Number(aggregation.slice(2, -1)) / 100;
  return stats.percentiles[fractions.indexOf(fraction)]!;
}

function spikeEndOf(
  options: AnalyzeOptions,
  seen: FirstPass,
  intervalMs: number,
): { ms: number; seconds: number; from: 'option' | 'vus' } | undefined {
  if (options.spikeEndSeconds !== undefined) {
    const lengthSeconds = (seen.end - seen.start) / 1000;
    if (options.spikeEndSeconds > lengthSeconds) {
      invalidOption('--spike-end', options.spikeEndSeconds, `seconds within the run, from 0 to ${lengthSeconds}`);
    }
    return { ms: seen.start + options.spikeEndSeconds * 1000, seconds: options.spikeEndSeconds, from: 'option' };
  }
  const ends = seen.peaks.flatMap((peak) => peak.spikeEndMs(intervalMs) ?? []);
  if (ends.length === 0) return undefined;
  const ms = Math.max(...ends);
  return { ms, seconds: (ms - seen.start) / 1000, from: 'vus' };
}

function noSpike(limits: RecoveryLimits, reason: string): RecoveryVerdict {
  return {
    verdict: 'not applicable',
    spikeEndSeconds: null,
    spikeEndFrom: null,
    recoverySeconds: null,
    limitSeconds: RECOVERY_LIMIT_SECONDS,
    limits,
    windows: [],
    reason,
  };
}

/** What kind of run this is: the option, else a spike or soak by the scenario's name, else steady. */
function kindOf(options: AnalyzeOptions, scenario: string | undefined): Analysis['kind'] {
  if (options.expect !== undefined) return { value: options.expect, from: 'option' };
  if (options.spikeEndSeconds !== undefined) return { value: 'spike', from: 'option' };
  const name = scenario?.toLowerCase() ?? '';
  if (name.includes('spike')) return { value: 'spike', from: 'scenario name' };
  if (name.includes('soak')) return { value: 'soak', from: 'scenario name' };
  return { value: 'steady', from: 'default' };
}

/** The run's verdict from its limits, its applicable spike and soak verdicts and its scenarios. */
function verdictOf(
  limits: readonly AnalysisLimitCheck[],
  recovery: RecoveryVerdict,
  soak: SoakVerdict,
  scenarios: Analysis['scenarioProblems'],
): AnalysisVerdict {
  const failed = limits.filter((check) => check.verdict === 'fail').length;
  const reasons = [
    ...(failed > 0 ? [`${failed} of ${limits.length} limits failed`] : []),
    ...(recovery.verdict === 'fail' ? ['spike recovery failed'] : []),
    ...(soak.verdict === 'fail' ? ['soak degradation failed'] : []),
    ...scenarios.map(({ problem }) => problem),
  ];
  if (reasons.length > 0) return { result: 'fail', text: `FAIL: ${reasons.join('; ')}` };
  const held = limits.filter((check) => check.verdict === 'pass').length;
  const applicable = [recovery, soak].filter((verdict) => verdict.verdict === 'pass').length;
  if (held === 0 && applicable === 0) return { result: 'no data', text: 'NO DATA: no limit had samples to be judged on' };
  const empty = limits.length - held;
  return {
    result: 'pass',
    text: `PASS: ${held} of ${limits.length} limits held${empty > 0 ? `, ${empty} had no data` : ''}${applicable > 0 ? ', and the spike or soak verdict passed' : ''}`,
  };
}

/**
 * Analyzes k6 `--out json` output in passes over the files, with memory that grows with the run's length and
 * endpoints but not with its samples: exact percentiles per endpoint across all files (k6's definition), series per
 * interval, spike recovery (docs/requirements.md, 002: back within the baseline limits no later than 30 s after the spike ends) and
 * soak degradation (p95 of the last tenth against the first, under 10%).
 * @param options - Files, interval, spike end and baseline limits.
 * @returns The analysis.
 * @throws {ForgeError} `invalid_file` for a bad file (naming it and the line), a run without `http_req_duration`
 *   samples, a spike end outside the run, or a file that changed between passes.
 */
export async function analyzeK6Output(options: AnalyzeOptions): Promise<Analysis> {
  const file = options.thresholds ?? {};
  const endpointLimits = file.endpoints ?? {};
  const fractions = fractionsFor([file.global ?? {}, ...Object.values(file.scenarios ?? {}), ...Object.values(endpointLimits)]);
  const seen = await firstPass(options.files, fractions);
  if (seen.requestsPerFile.every((requests) => requests === 0)) {
    throw new ForgeError('invalid_file', {
      field: options.files.join(', '),
      given: 'output without http_req_duration samples',
      accepted: 'k6 --out json output of a test that made HTTP requests',
    });
  }
  const length = seen.end - seen.start;
  const interval = options.intervalMs ?? intervalFor(length);
  const scenario = seen.scenarios.size === 1 ? [...seen.scenarios][0] : undefined;
  const kind = kindOf(options, scenario);
  const spikeEnd = kind.value === 'spike' ? spikeEndOf(options, seen, interval) : undefined;
  const recovery = spikeEnd && new RecoveryWindows(spikeEnd.ms, seen.end, interval);
  const soakLongEnough = length >= SOAK_MIN_SECONDS * 1000;
  const soak = kind.value === 'soak' && soakLongEnough ? new SoakWindows(seen.start, seen.end) : undefined;
  const series = new IntervalSeries(seen.start, length, interval);
  const selections = [...seen.latency.values()];
  const pending = () => selections.some((selection) => selection.pending) || (soak?.pending ?? false) || (recovery?.pending ?? false);
  for (const selection of selections) selection.endPass();
  let passes = 1;
  // The second pass always runs (series, errors per recovery window); later ones read only latencies, while needed.
  for (let first = true; first || pending(); first = false) {
    passes += 1;
    for (const [index, path] of options.files.entries()) {
      let requests = 0;
      await readK6Samples(path, first ? SECOND_PASS : LATER_PASSES, (sample) => {
        const endpoint = endpointOfTags(sample.tags);
        const keys = endpoint !== undefined && seen.latency.has(endpoint) ? [WHOLE_RUN, endpoint] : [WHOLE_RUN];
        if (sample.metric === 'http_req_failed') {
          series.addCheck(keys, sample.time, sample.value !== 0);
          recovery?.addCheck(sample.time, sample.value !== 0);
          return;
        }
        requests += 1;
        if (first) series.addRequest(keys, sample.time, sample.value);
        for (const key of keys) {
          const selection = seen.latency.get(key)!;
          if (selection.pending) selection.add(sample.value);
        }
        soak?.addRequest(sample.time, sample.value);
        recovery?.addRequest(sample.time, sample.value);
      });
      if (requests !== seen.requestsPerFile[index]) {
        throw new ForgeError('invalid_file', {
          field: path,
          given: 'a file that changed while it was analyzed',
          accepted: 'a finished k6 output file',
        });
      }
    }
    for (const selection of selections) selection.endPass();
    soak?.endPass();
    recovery?.endPass();
  }
  const durationSeconds = length / 1000;
  const stats = new Map([...seen.latency].map(([key, selection]) => [key, selection.result()]));
  const errorRateOf = (key: string) => {
    const { failed, checked } = seen.checks.get(key)!;
    return checked > 0 ? failed / checked : null;
  };
  const endpoints: EndpointAnalysis[] = [...seen.latency.keys()]
    .sort((a, b) => (a === WHOLE_RUN ? -1 : b === WHOLE_RUN ? 1 : byCodeUnits(a, b)))
    .map((endpoint) => {
      const result = stats.get(endpoint)!;
      const at = (aggregation: string) => statistic(result, fractions, aggregation);
      return {
        endpoint,
        requests: result.count,
        requestsPerSecond: durationSeconds > 0 ? result.count / durationSeconds : null,
        errorRate: errorRateOf(endpoint),
        latency: {
          min: result.min,
          avg: result.avg,
          med: at('med'),
          p90: at('p(90)'),
          p95: at('p(95)'),
          p99: at('p(99)'),
          max: result.max,
        },
      };
    });
  // The thresholds file's limits on the same exact figures: the scenario's (over global) on the whole run, each
  // called endpoint's on its requests; a limit without samples is no data.
  const judge = (scope: string, key: string, limits: Limits): AnalysisLimitCheck[] =>
    limitChecks(limits, (metric, aggregation) => {
      const named = key === WHOLE_RUN ? metric : `${metric}{endpoint:${key}}`;
      if (metric === 'http_req_failed') return { metric: named, value: errorRateOf(key) };
      const result = stats.get(key)!;
      return { metric: named, value: result.count > 0 ? statistic(result, fractions, aggregation) : null };
    }).map((check) => ({ scope, ...check }));
  const limits =
    options.thresholds === undefined
      ? []
      : [
          ...judge(
            scenario === undefined ? 'global' : `scenario ${scenario}`,
            WHOLE_RUN,
            scenario === undefined ? (file.global ?? {}) : scenarioLimits(file, scenario),
          ),
          ...endpoints.flatMap(({ endpoint }) =>
            endpoint !== WHOLE_RUN && endpointLimits[endpoint] ? judge(`endpoint ${endpoint}`, endpoint, endpointLimits[endpoint]) : [],
          ),
        ];
  const scenarioProblems = [...seen.scenariosDeclared]
    .sort()
    .flatMap((name) =>
      !seen.scenariosRan.has(name)
        ? [{ scenario: name, problem: `scenario ${name} never ran: the output declares it, but it made no request, check or iteration` }]
        : !seen.scenariosIterated.has(name)
          ? [{ scenario: name, problem: `scenario ${name} completed no iteration: every one was stalled or interrupted` }]
          : [],
    );
  const notes = seen.endpointsLeftOut ? [`more than ${MAX_ENDPOINTS} endpoints: the samples of the others count in ${WHOLE_RUN} only`] : [];
  if (seen.scenarios.size > 1) notes.push('requests of several scenarios: the global limits are judged on the whole run');
  const why =
    kind.from === 'option'
      ? `--expect ${kind.value}`
      : kind.from === 'scenario name'
        ? `its scenario is ${scenario}`
        : 'its scenario is named neither spike nor soak';
  const recoveryVerdict =
    recovery && spikeEnd
      ? recovery.verdict(options.recoveryLimits, spikeEnd)
      : noSpike(
          options.recoveryLimits,
          kind.value === 'spike'
            ? 'no spike: VUs do not keep running below their peak for an interval after it (give --spike-end)'
            : `not a spike run (${why}; give --expect spike to judge recovery)`,
        );
  const soakVerdict = soak
    ? soak.verdict()
    : SoakWindows.notApplicable(
        kind.value !== 'soak'
          ? `not a soak run (${why}; give --expect soak to judge degradation)`
          : `a soak needs at least ${SOAK_MIN_SECONDS / 60} min of requests; this run has ${Math.round(durationSeconds)} s`,
      );
  return {
    files: options.files,
    lines: seen.lines,
    samples: seen.samples,
    passes,
    start: new Date(seen.start).toISOString(),
    end: new Date(seen.end).toISOString(),
    durationSeconds,
    intervalSeconds: interval / 1000,
    intervalFrom: options.intervalMs === undefined ? 'run length' : 'option',
    scenario,
    kind,
    scenarioProblems,
    limits,
    checks: [...seen.checkSamples.values()].sort((a, b) => byCodeUnits(a.groups.join('::') + a.name, b.groups.join('::') + b.name)),
    endpoints,
    series: endpoints.flatMap(({ endpoint }) => series.seriesOf(endpoint, endpoint === WHOLE_RUN ? '' : ` ${endpoint}`)),
    recovery: recoveryVerdict,
    soak: soakVerdict,
    verdict: verdictOf(limits, recoveryVerdict, soakVerdict, scenarioProblems),
    notes,
  };
}
