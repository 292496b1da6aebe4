import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ForgeError, refuse } from '../../lib/errors.ts';
import { isRecord } from '../../lib/is-record.ts';
import { htmlReport } from '../../lib/summary/html-report.ts';
import { jsonReport } from '../../lib/summary/json-report.ts';
import { junitReport } from '../../lib/summary/junit-report.ts';
import { markdownReport } from '../../lib/summary/markdown-report.ts';
import { runVerdict, thresholdVerdicts } from '../../lib/summary/run-verdict.ts';
import type { RunMeta, RunSummary } from '../../lib/summary/types.ts';
import { fileProblem } from '../io/file-problem.ts';
import { readJsonFile } from '../io/json-file.ts';
import { writeWhole } from '../io/write-whole.ts';
import { readThresholdsFile } from '../limits/thresholds-source.ts';
import { type GateOutcome, gateChecks, gateLimitsWith, gatePassed } from '../summaries/gate-checks.ts';
import { SUMMARY_ACCEPTED, SUMMARY_FILE_NAME, summaryFromJson } from '../summaries/summary-file.ts';
import { K6_TREND_STATS, type MergedOutputs, mergeK6Outputs } from './merge-k6-outputs.ts';

/** k6's exit code when thresholds failed, which a merged run exits with too. */
export const THRESHOLDS_FAILED = 99;

/** What `merge` accepts, for messages. */
const MERGE_ACCEPTED =
  'k6 --out json output (plain or .gz, one JSON object per line) or a k6-forge <scenario>-summary.json, or a folder holding them';

/** One instance's summary, read for what the raw output lacks. */
export interface InstanceSummary {
  /** The file it was read from. */
  readonly path: string;
  /** Its threshold expressions by metric or sub-metric name. */
  readonly thresholds: Readonly<Record<string, readonly string[]>>;
  /** Its `options.summaryTrendStats`. */
  readonly trendStats: readonly string[] | undefined;
  /** Its `state.testRunDurationMs`. */
  readonly durationMs: number | undefined;
  /** Its k6-forge metadata, when k6-forge wrote it. */
  readonly meta: RunMeta | undefined;
}

/** The files a merge reads: raw outputs and instance summaries. */
export interface MergeInputs {
  /** k6 `--out json` files, in the order given (a folder's sorted by name). */
  readonly outputs: readonly string[];
  /** The instances' summaries. */
  readonly summaries: readonly InstanceSummary[];
}

/** Whether a file is k6 raw output: gzip, or a first line that is a k6 `Metric` or `Point` object. */
async function isRawOutput(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch((error: unknown) =>
    refuse('invalid_file', { field: path, shownAs: fileProblem(error), accepted: MERGE_ACCEPTED }),
  );
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead === 0) refuse('invalid_file', { field: path, shownAs: 'an empty file', accepted: MERGE_ACCEPTED });
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
    const text = head.subarray(0, bytesRead).toString('utf8');
    const newline = text.indexOf('\n');
    if (newline === -1) return false;
    try {
      const first = JSON.parse(text.slice(0, newline)) as unknown;
      return isRecord(first) && typeof first['metric'] === 'string' && (first['type'] === 'Metric' || first['type'] === 'Point');
    } catch {
      return false;
    }
  } finally {
    await handle.close();
  }
}

/** Reads one instance summary: strictly checked as gate reads it, then its thresholds, trend columns and length. */
async function readInstanceSummary(path: string): Promise<InstanceSummary> {
  const json = await readJsonFile(path, MERGE_ACCEPTED);
  const checked = summaryFromJson(json, path);
  const raw = json as Record<string, unknown>;
  const thresholds: Record<string, string[]> = {};
  for (const [name, metric] of Object.entries(raw['metrics'] as Record<string, unknown>)) {
    const listed = isRecord(metric) ? metric['thresholds'] : undefined;
    if (isRecord(listed) && Object.keys(listed).length > 0) thresholds[name] = Object.keys(listed);
  }
  const options = isRecord(raw['options']) ? raw['options'] : {};
  const stats = options['summaryTrendStats'];
  const state = isRecord(raw['state']) ? raw['state'] : {};
  const duration = state['testRunDurationMs'];
  return {
    path,
    thresholds,
    trendStats: Array.isArray(stats) && stats.every((s) => typeof s === 'string') ? (stats as string[]) : undefined,
    durationMs: typeof duration === 'number' && Number.isFinite(duration) ? duration : undefined,
    meta: checked.meta,
  };
}

/** The files of a folder and of its subfolders (one level: a run's `instance-<i>/`), sorted by path. */
async function filesIn(folder: string, depth = 1): Promise<string[]> {
  const found: string[] = [];
  for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && depth > 0) found.push(...(await filesIn(path, depth - 1)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/**
 * Sorts files and folders into raw k6 outputs and instance summaries. A folder contributes its (and its subfolders')
 * `.json` and `.json.gz` files that are k6 output and its `<scenario>-summary.json` files, and ignores the rest; a file
 * named directly must be one or the other.
 * @param paths - Files and folders, as given on the command line.
 * @returns The raw outputs and the summaries.
 * @throws {ForgeError} `invalid_file` for a missing path, a file that is neither, a folder with no raw output, or no
 *   raw output at all.
 */
export async function mergeInputs(paths: readonly string[]): Promise<MergeInputs> {
  const outputs: string[] = [];
  const summaries: InstanceSummary[] = [];
  for (const path of paths) {
    const found = await stat(path).catch((error: unknown) =>
      refuse('invalid_file', { field: path, shownAs: fileProblem(error), accepted: MERGE_ACCEPTED }),
    );
    if (found.isDirectory()) {
      const before = outputs.length;
      for (const file of await filesIn(path)) {
        const name = basename(file);
        if (SUMMARY_FILE_NAME.test(name)) summaries.push(await readInstanceSummary(file));
        else if ((name.endsWith('.json') || name.endsWith('.json.gz')) && (await isRawOutput(file))) outputs.push(file);
      }
      if (outputs.length === before) {
        refuse('invalid_file', { field: path, shownAs: 'a folder without k6 --out json files', accepted: MERGE_ACCEPTED });
      }
    } else if (await isRawOutput(path)) outputs.push(path);
    else summaries.push(await readInstanceSummary(path));
  }
  if (outputs.length === 0) {
    throw new ForgeError('invalid_file', {
      field: paths.join(', '),
      given: 'summaries without raw output',
      accepted: `the instances' k6 --out json files (summaries hold no samples, so percentiles cannot be merged from them): ${SUMMARY_ACCEPTED}`,
    });
  }
  return { outputs: [...new Set(outputs)], summaries };
}

/** The scenario a raw output's name gives: `smoke` for `smoke-instance-2.json.gz`. */
function scenarioOfOutput(path: string): string | undefined {
  return /^(.+)-instance-\d+\.json(?:\.gz)?$/.exec(basename(path))?.[1];
}

/**
 * Builds the merged run summary: the merged metrics and checks, the instances' options, and k6-forge's metadata from
 * the first instance that has it (scenario, environment, target host, version), with the earliest start, the latest
 * end, every threshold's verdict on the merged values and the run's verdict.
 * @param merged - The merged outputs.
 * @param inputs - The raw outputs and the instance summaries.
 * @returns The run summary, in the shape `<scenario>-summary.json` holds.
 */
export function mergedSummary(merged: MergedOutputs, inputs: MergeInputs): RunSummary {
  const metas = inputs.summaries.flatMap((summary) => summary.meta ?? []);
  const first = metas[0];
  const scenario = first?.scenario ?? scenarioOfOutput(inputs.outputs[0]!) ?? 'merged';
  const trendStats = inputs.summaries.find((summary) => summary.trendStats)?.trendStats ?? K6_TREND_STATS;
  const times = (pick: (meta: RunMeta) => string) => metas.map((meta) => Date.parse(pick(meta))).filter(Number.isFinite);
  const startTime = times((meta) => meta.startTime);
  const endTime = times((meta) => meta.endTime);
  const thresholds = thresholdVerdicts(merged.metrics);
  const scenarios = first?.scenarios === undefined ? {} : { scenarios: [...first.scenarios] };
  const meta: RunMeta = {
    scenario,
    environment: first?.environment ?? 'development',
    targetHost: first?.targetHost ?? '',
    startTime: new Date(startTime.length > 0 ? Math.min(...startTime) : merged.start).toISOString(),
    endTime: new Date(endTime.length > 0 ? Math.max(...endTime) : merged.end).toISOString(),
    k6ForgeVersion: first?.k6ForgeVersion ?? 'unknown',
    ...(first?.gitRevision !== undefined && { gitRevision: first.gitRevision }),
    thresholds,
    ...scenarios,
    verdict: runVerdict({ scenario, thresholds, ...scenarios }),
  };
  return {
    root_group: merged.rootGroup,
    options: { summaryTrendStats: [...trendStats], summaryTimeUnit: '', noColor: false },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: merged.durationMs },
    metrics: merged.metrics,
    meta,
  };
}

/** Options for {@link mergeRun}. */
export interface MergeRunOptions {
  /** Raw outputs, instance summaries and folders holding them. */
  readonly paths: readonly string[];
  /** Where the merged reports go: `<scenario>-summary.json`, `-junit.xml`, `-report.html`, `-summary.md`, `-gate.json`. */
  readonly outDir: string;
  /** The thresholds file the release gate reads (as `k6-forge gate --thresholds`). @default the project's, else the packaged one */
  readonly thresholds?: string | undefined;
}

/** What a merge produced. */
export interface MergeRunResult {
  /** The merged run summary. */
  readonly summary: RunSummary;
  /** What was read. */
  readonly merged: MergedOutputs;
  /** The instance summaries read. */
  readonly summaries: number;
  /** The files written, in order. */
  readonly written: readonly string[];
  /** The release gate on the merged summary. */
  readonly gate: GateOutcome;
  /** The exit code, as k6 would give it: 99 when the merged thresholds failed; else 1 when the gate failed; else 0. */
  readonly code: number;
}

/**
 * Merges the outputs of several k6 instances of one test: exact figures from every raw sample
 * ({@link mergeK6Outputs}), every threshold of the instances' summaries judged on them, the run's verdict, the merged
 * summary and its reports written into `outDir`, and the release gate (`k6-forge gate`'s checks) judged on it.
 * @param options - The inputs, the output folder and the gate's thresholds file.
 * @returns The merged summary, the gate and the exit code.
 * @throws {ForgeError} `invalid_file` for bad inputs (see {@link mergeInputs}, {@link mergeK6Outputs}) or a gate
 *   without limits for the scenario.
 */
export async function mergeRun(options: MergeRunOptions): Promise<MergeRunResult> {
  const inputs = await mergeInputs(options.paths);
  const thresholds: Record<string, string[]> = {};
  for (const summary of inputs.summaries) {
    for (const [name, list] of Object.entries(summary.thresholds)) thresholds[name] = [...new Set([...(thresholds[name] ?? []), ...list])];
  }
  const durations = inputs.summaries.flatMap((summary) => summary.durationMs ?? []);
  const trendStats = inputs.summaries.find((summary) => summary.trendStats)?.trendStats;
  const merged = await mergeK6Outputs({
    files: inputs.outputs,
    thresholds,
    ...(trendStats && { trendStats }),
    ...(durations.length > 0 && { durationMs: Math.max(...durations) }),
  });
  const summary = mergedSummary(merged, inputs);
  const prefix = join(options.outDir, summary.meta.scenario);
  const files: [string, string][] = [
    [`${prefix}-summary.json`, jsonReport(summary)],
    [`${prefix}-junit.xml`, junitReport(summary)],
    [`${prefix}-report.html`, htmlReport(summary)],
    [`${prefix}-summary.md`, markdownReport(summary)],
  ];
  const source = await readThresholdsFile(options.thresholds);
  const found = gateLimitsWith(source.file, summary.meta.scenario);
  if (!found) {
    throw new ForgeError('invalid_file', {
      field: source.path,
      given: `no limits for the scenario ${summary.meta.scenario}`,
      accepted: 'a thresholds file with gates, scenarios or global limits',
    });
  }
  const gateSummary = summaryFromJson(JSON.parse(files[0]![1]) as unknown, files[0]![0]);
  const gate: GateOutcome = {
    summaries: 1,
    thresholdsPath: source.path,
    sources: [`${summary.meta.scenario}: ${found.source}`],
    checks: gateChecks(gateSummary, summary.meta.scenario, found.limits),
    failedRuns: summary.meta.verdict.result === 'pass' ? [] : [summary.meta.verdict],
  };
  for (const [path, text] of files) await writeWhole(path, text);
  const code = summary.meta.verdict.result === 'fail' ? THRESHOLDS_FAILED : gatePassed(gate) ? 0 : 1;
  return { summary, merged, summaries: inputs.summaries.length, written: files.map(([path]) => path), gate, code };
}
