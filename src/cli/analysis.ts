import { ForgeError, invalidOption } from '../lib/errors.ts';
import type { Series } from '../lib/summary/types.ts';
import { WHOLE_RUN } from './comparable.ts';
import { ExactPercentiles } from './exact-percentiles.ts';
import { IntervalSeries } from './interval-series.ts';
import { readK6Samples, type K6Sample } from './k6-json-stream.ts';
import { RECOVERY_LIMIT_SECONDS, RecoveryWindows, VusPeak, type RecoveryLimits, type RecoveryVerdict } from './spike-recovery.ts';
import { SoakWindows, type SoakVerdict } from './soak-degradation.ts';

/** Options for {@link analyzeK6Output}. */
export interface AnalyzeOptions {
  /** k6 `--out json` files, plain or gzip; several are merged as one run (one file per k6 instance). */
  readonly files: readonly string[];
  /** The length of a series interval and of a recovery window, in ms. @default 10000 */
  readonly intervalMs?: number;
  /** When the spike ended, in seconds since the run's start. @default where the `vus` peak ends */
  readonly spikeEndSeconds?: number | undefined;
  /** The baseline limits to be back within after the spike. */
  readonly recoveryLimits: RecoveryLimits;
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
  readonly latency: { readonly min: number; readonly avg: number; readonly med: number; readonly p90: number; readonly p95: number; readonly p99: number; readonly max: number };
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
  /** The `scenario` tag when every request had the same one. */
  readonly scenario: string | undefined;
  /** Whole run (`*`) first, then endpoints by name. */
  readonly endpoints: readonly EndpointAnalysis[];
  /** Requests per second, error rate and p95 per interval: whole run, then each endpoint. */
  readonly series: readonly Series[];
  readonly recovery: RecoveryVerdict;
  readonly soak: SoakVerdict;
  /** What was left out, and why. */
  readonly notes: readonly string[];
}

/** Endpoints tracked one by one; samples of further ones count in the whole run only, to keep memory bounded. */
const MAX_ENDPOINTS = 100;

const FRACTIONS = [0.5, 0.9, 0.95, 0.99];
const FIRST_PASS = new Set(['http_req_duration', 'http_req_failed', 'vus']);
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
  endpointsLeftOut: boolean;
}

function endpointOf(sample: K6Sample): string | undefined {
  const { endpoint, name } = sample.tags;
  if (typeof endpoint === 'string' && endpoint !== '') return endpoint;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

async function firstPass(files: readonly string[]): Promise<FirstPass> {
  const seen: FirstPass = {
    lines: 0,
    samples: 0,
    start: Infinity,
    end: -Infinity,
    requestsPerFile: [],
    latency: new Map([[WHOLE_RUN, new ExactPercentiles(FRACTIONS)]]),
    checks: new Map([[WHOLE_RUN, { failed: 0, checked: 0 }]]),
    peaks: [],
    scenarios: new Set(),
    endpointsLeftOut: false,
  };
  const keysOf = (sample: K6Sample): string[] => {
    const endpoint = endpointOf(sample);
    if (endpoint === undefined || endpoint === WHOLE_RUN) return [WHOLE_RUN];
    if (!seen.latency.has(endpoint)) {
      if (seen.latency.size > MAX_ENDPOINTS) {
        seen.endpointsLeftOut = true;
        return [WHOLE_RUN];
      }
      seen.latency.set(endpoint, new ExactPercentiles(FRACTIONS));
      seen.checks.set(endpoint, { failed: 0, checked: 0 });
    }
    return [WHOLE_RUN, endpoint];
  };
  for (const file of files) {
    const peak = new VusPeak();
    let requests = 0;
    const counted = await readK6Samples(file, FIRST_PASS, (sample) => {
      if (sample.time < seen.start) seen.start = sample.time;
      if (sample.time > seen.end) seen.end = sample.time;
      if (sample.metric === 'vus') return peak.add(sample.time, sample.value);
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
    });
    seen.lines += counted.lines;
    seen.samples += counted.samples;
    seen.requestsPerFile.push(requests);
    seen.peaks.push(peak);
  }
  return seen;
}

function spikeEndOf(options: AnalyzeOptions, seen: FirstPass, intervalMs: number): { ms: number; seconds: number; from: 'option' | 'vus' } | undefined {
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

function noSpike(limits: RecoveryLimits): RecoveryVerdict {
  return {
    verdict: 'not applicable',
    spikeEndSeconds: null,
    spikeEndFrom: null,
    recoverySeconds: null,
    limitSeconds: RECOVERY_LIMIT_SECONDS,
    limits,
    windows: [],
    reason: 'no spike: VUs do not keep running below their peak for an interval after it (give --spike-end)',
  };
}

/**
 * Analyzes k6 `--out json` output in passes over the files, with memory that grows with the run's length and
 * endpoints but not with its samples: exact percentiles per endpoint across all files (k6's definition), series per
 * interval, spike recovery (seed 002: back within the baseline limits no later than 30 s after the spike ends) and
 * soak degradation (p95 of the last tenth against the first, under 10%).
 * @param options - Files, interval, spike end and baseline limits.
 * @returns The analysis.
 * @throws {ForgeError} `invalid_file` for a bad file (naming it and the line), a run without `http_req_duration`
 *   samples, a spike end outside the run, or a file that changed between passes.
 */
export async function analyzeK6Output(options: AnalyzeOptions): Promise<Analysis> {
  const interval = options.intervalMs ?? 10_000;
  const seen = await firstPass(options.files);
  if (seen.requestsPerFile.every((requests) => requests === 0)) {
    throw new ForgeError('invalid_file', {
      field: options.files.join(', '),
      given: 'output without http_req_duration samples',
      accepted: 'k6 --out json output of a test that made HTTP requests',
    });
  }
  const length = seen.end - seen.start;
  const spikeEnd = spikeEndOf(options, seen, interval);
  const recovery = spikeEnd && new RecoveryWindows(spikeEnd.ms, seen.end, interval);
  const soak = new SoakWindows(seen.start, seen.end);
  const series = new IntervalSeries(seen.start, length, interval);
  const selections = [...seen.latency.values()];
  const pending = () => selections.some((selection) => selection.pending) || soak.pending || (recovery?.pending ?? false);
  for (const selection of selections) selection.endPass();
  let passes = 1;
  // The second pass always runs (series, errors per recovery window); later ones read only latencies, while needed.
  for (let first = true; first || pending(); first = false) {
    passes += 1;
    for (const [index, file] of options.files.entries()) {
      let requests = 0;
      await readK6Samples(file, first ? SECOND_PASS : LATER_PASSES, (sample) => {
        const endpoint = endpointOf(sample);
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
        soak.addRequest(sample.time, sample.value);
        recovery?.addRequest(sample.time, sample.value);
      });
      if (requests !== seen.requestsPerFile[index]) {
        throw new ForgeError('invalid_file', { field: file, given: 'a file that changed while it was analyzed', accepted: 'a finished k6 output file' });
      }
    }
    for (const selection of selections) selection.endPass();
    soak.endPass();
    recovery?.endPass();
  }
  const limits = options.recoveryLimits;
  const durationSeconds = length / 1000;
  const endpoints: EndpointAnalysis[] = [...seen.latency.keys()]
    .sort((a, b) => (a === WHOLE_RUN ? -1 : b === WHOLE_RUN ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map((endpoint) => {
      const { count, min, max, avg, percentiles } = seen.latency.get(endpoint)!.result();
      const { failed, checked } = seen.checks.get(endpoint)!;
      const [med, p90, p95, p99] = percentiles as [number, number, number, number];
      return {
        endpoint,
        requests: count,
        requestsPerSecond: durationSeconds > 0 ? count / durationSeconds : null,
        errorRate: checked > 0 ? failed / checked : null,
        latency: { min, avg, med, p90, p95, p99, max },
      };
    });
  const notes = seen.endpointsLeftOut ? [`more than ${MAX_ENDPOINTS} endpoints: the samples of the others count in ${WHOLE_RUN} only`] : [];
  return {
    files: options.files,
    lines: seen.lines,
    samples: seen.samples,
    passes,
    start: new Date(seen.start).toISOString(),
    end: new Date(seen.end).toISOString(),
    durationSeconds,
    intervalSeconds: interval / 1000,
    scenario: seen.scenarios.size === 1 ? [...seen.scenarios][0] : undefined,
    endpoints,
    series: endpoints.flatMap(({ endpoint }) => series.seriesOf(endpoint, endpoint === WHOLE_RUN ? '' : ` ${endpoint}`)),
    recovery: recovery && spikeEnd ? recovery.verdict(limits, spikeEnd) : noSpike(limits),
    soak: soak.verdict(),
    notes,
  };
}
