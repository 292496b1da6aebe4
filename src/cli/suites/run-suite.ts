import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RunningTarget } from '../../demo-target/index.ts';
import { ForgeError, invalidOption, refuse, shown } from '../../lib/errors.ts';
import { readThresholdsFile, type ThresholdsSource } from '../limits/thresholds-source.ts';
import { CI_FLAGS } from '../runner/k6-run-arguments.ts';
import { prometheusOutput } from '../runner/prometheus-output.ts';
import { createResultsDir, resolveScript, runScript } from '../runner/run-script.ts';
import { readComparable } from '../summaries/baseline-file.ts';
import type { ComparableRun } from '../summaries/comparable.ts';
import { compareRuns, DEFAULT_TOLERANCES } from '../summaries/comparison.ts';
import { type GateCheck, gateChecks, gateLimitsWith } from '../summaries/gate-checks.ts';
import { readSummaryFile, SUMMARY_FILE_NAME } from '../summaries/summary-file.ts';
import type { Suite, SuiteStep } from './suite-config.ts';
import { type StepCompare, type StepGate, type StepOutcome, type SuiteVerdict, suiteVerdict } from './suite-verdict.ts';

/** Options for {@link runSuite}. */
export interface RunSuiteOptions {
  /** The suite's name. */
  readonly name: string;
  /** The suite, as read from its file. */
  readonly suite: Suite;
  /** The k6 binary. */
  readonly k6: string;
  /** The environment of every step (`ENVIRONMENT`), over each step's and the suite's own. */
  readonly environment?: string | undefined;
  /** Run every step even after one failed. @default false */
  readonly keepGoing?: boolean;
  /** The suite's results folder itself (`--output-dir`): created when missing, refused when it holds files. */
  readonly outputDir?: string | undefined;
  /** Where the fresh `<UTC timestamp>/` folder is made without `outputDir`. @default "results" */
  readonly resultsRoot?: string | undefined;
  /** Start the demo target once, on a free loopback port, and point every step's `BASE_URL` at it. @default false */
  readonly demoTarget?: boolean;
  /** k6's `--no-color --quiet` on every step. @default false */
  readonly ci?: boolean;
  /** The thresholds file the gates read (a project's merged over k6-forge's). @default ./thresholds.json, else the packaged one */
  readonly thresholds?: string | undefined;
  /** Where scenario names are looked up. @default "dist" */
  readonly distDir?: string;
  /** A Prometheus remote-write URL every step streams its metrics to (see `runScript`'s `prometheus`). */
  readonly prometheus?: string | undefined;
  /** Where progress lines go. */
  readonly log: (line: string) => void;
}

/** What a suite checks before its first step runs, so bad input costs no k6 run. */
interface Prepared {
  readonly thresholds: ThresholdsSource | undefined;
  readonly baselines: ReadonlyMap<string, ComparableRun>;
}

/**
 * Checks everything a suite needs before any step runs: each scenario exists, each gate is named in the thresholds
 * in force, each baseline can be read, and no step sets `BASE_URL` when the suite starts the demo target.
 * @throws {ForgeError} Naming the step and the problem.
 */
async function prepare(options: RunSuiteOptions): Promise<Prepared> {
  const { suite, name } = options;
  if (options.prometheus !== undefined) prometheusOutput(options.prometheus);
  const gated = suite.steps.some((step) => step.gate !== undefined);
  const thresholds = gated ? await readThresholdsFile(options.thresholds) : undefined;
  const baselines = new Map<string, ComparableRun>();
  for (const [index, step] of suite.steps.entries()) {
    const at = `suites.${name}.steps[${index}]`;
    try {
      resolveScript(step.scenario, options.distDir);
    } catch (error) {
      if (!(error instanceof ForgeError)) throw error;
      refuse('invalid_option', { field: `${at}.scenario`, given: step.scenario, accepted: error.details.accepted });
    }
    if (options.demoTarget && step.env?.['BASE_URL'] !== undefined) {
      invalidOption(`${at}.env.BASE_URL`, step.env['BASE_URL'], 'no BASE_URL with --demo-target, which sets it');
    }
    if (step.gate !== undefined && thresholds !== undefined) {
      const file = thresholds.file;
      const known = [...Object.keys(file.gates ?? {}), ...Object.keys(file.scenarios ?? {})];
      if (!known.includes(step.gate)) {
        invalidOption(`${at}.gate`, step.gate, `a name in the gates or scenarios of ${thresholds.path}: ${[...new Set(known)].join(', ')}`);
      }
    }
    if (step.compare !== undefined && !baselines.has(step.compare.baseline)) {
      if (!existsSync(step.compare.baseline)) {
        refuse('invalid_file', {
          field: `${at}.compare.baseline`,
          given: step.compare.baseline,
          accepted: `an existing baseline file: save one from a good run with k6-forge baseline save <folder>/<scenario>-summary.json --out ${step.compare.baseline}`,
        });
      }
      baselines.set(step.compare.baseline, await readComparable(step.compare.baseline));
    }
  }
  return { thresholds, baselines };
}

/** Makes the suite's folder: `outputDir` (new or empty), else a fresh `<root>/<UTC timestamp>/`. */
function suiteFolder(options: RunSuiteOptions): string {
  if (options.outputDir === undefined) return createResultsDir(options.resultsRoot ?? 'results');
  if (options.resultsRoot !== undefined) {
    invalidOption(
      '--output-dir',
      options.outputDir,
      "either --output-dir (the suite's own folder) or --results (where a fresh folder is made), not both",
    );
  }
  if (options.outputDir === '') invalidOption('--output-dir', options.outputDir, 'a folder path');
  try {
    mkdirSync(options.outputDir, { recursive: true });
  } catch (error) {
    invalidOption(
      '--output-dir',
      options.outputDir,
      `a folder that exists or can be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const held = readdirSync(options.outputDir).length;
  if (held > 0) {
    refuse('invalid_file', {
      field: '--output-dir',
      shownAs: `${shown(options.outputDir)}, a folder that already holds ${held} ${held === 1 ? 'entry' : 'entries'}`,
      accepted: "a new or empty folder, so no earlier run's results are replaced",
    });
  }
  return options.outputDir;
}

/**
 * Moves what one step wrote into its staging folder up into the suite's folder; a name an earlier step used already
 * gets the step's name in front (`spike-again-spike-summary.json`), so no step's results replace another's.
 * @returns The names the files got in the suite's folder.
 */
function collect(staging: string, folder: string, step: SuiteStep): string[] {
  if (!existsSync(staging)) return [];
  const moved: string[] = [];
  for (const name of readdirSync(staging).sort()) {
    const target = existsSync(join(folder, name)) ? `${step.name}-${name}` : name;
    renameSync(join(staging, name), join(folder, target));
    moved.push(target);
  }
  rmSync(staging, { recursive: true, force: true });
  return moved;
}

/** k6's exit code for a run a signal stopped (Ctrl-C, a CI cancel): the suite stops there even with --keep-going. */
const INTERRUPTED = new Set([105, 130, 143]);

async function gateStep(step: SuiteStep, folder: string, files: readonly string[], thresholds: ThresholdsSource): Promise<StepGate> {
  const name = step.gate!;
  const summaries = files.filter((file) => SUMMARY_FILE_NAME.test(file));
  if (summaries.length === 0) return { name, problem: 'had no summary: the step wrote no <scenario>-summary.json' };
  const checks: GateCheck[] = [];
  const sources: string[] = [];
  const failedRuns = [];
  for (const file of summaries) {
    const summary = await readSummaryFile(join(folder, file));
    const scenario = summary.meta?.scenario ?? SUMMARY_FILE_NAME.exec(file)![1]!;
    const found = gateLimitsWith(thresholds.file, name);
    if (!found) return { name, problem: `has no limits in ${thresholds.path}` };
    sources.push(`${scenario}: ${found.source}`);
    checks.push(...gateChecks(summary, scenario, found.limits));
    const run = summary.meta?.verdict;
    if (run !== undefined && run.result !== 'pass') failedRuns.push(run);
  }
  return { name, outcome: { summaries: summaries.length, thresholdsPath: thresholds.path, sources, checks, failedRuns } };
}

async function compareStep(step: SuiteStep, folder: string, files: readonly string[], baseline: ComparableRun): Promise<StepCompare> {
  const compare = step.compare!;
  const summary = files.find((file) => SUMMARY_FILE_NAME.test(file));
  if (summary === undefined) return { baseline: compare.baseline, problem: 'had no summary: the step wrote no <scenario>-summary.json' };
  const tolerances = {
    minThroughput: compare.minThroughput ?? DEFAULT_TOLERANCES.minThroughput,
    p95Tolerance: compare.p95Tolerance ?? DEFAULT_TOLERANCES.p95Tolerance,
    errorRateTolerance: compare.errorRateTolerance ?? DEFAULT_TOLERANCES.errorRateTolerance,
  };
  const comparison = compareRuns(await readComparable(join(folder, summary)), baseline, tolerances);
  return { baseline: compare.baseline, comparison };
}

/**
 * Runs a suite: checks its input, makes one results folder, runs each step with k6 in order (stopping at the first
 * step whose k6 run does not exit 0, unless `keepGoing`; a run stopped by a signal always stops the suite), moves
 * every step's result files into that folder, then judges each step's gate and comparison and returns the verdict.
 * @param options - The suite, k6, the environment, the folder and the demo target choice.
 * @returns The suite's verdict; the caller writes its reports.
 * @throws {ForgeError} For bad input, before the first step runs: an unknown scenario, a gate the thresholds do not
 *   name, a missing or malformed baseline, a folder that cannot be used, a step variable `runScript` refuses.
 */
export async function runSuite(options: RunSuiteOptions): Promise<SuiteVerdict> {
  const { suite, log } = options;
  const prepared = await prepare(options);
  const folder = suiteFolder(options);
  const startedAt = new Date().toISOString();
  let target: RunningTarget | undefined;
  const outcomes: StepOutcome[] = [];
  try {
    // The demo target (with ws) loads only for --demo-target.
    target = options.demoTarget ? await (await import('../../demo-target/index.ts')).startTarget({ log }) : undefined;
    if (target) log(`k6-forge: demo target listening at ${target.url}`);
    let stopped = false;
    for (const [index, step] of suite.steps.entries()) {
      const environment = options.environment ?? step.environment ?? suite.environment;
      if (stopped) {
        outcomes.push({ name: step.name, scenario: step.scenario, environment, run: 'skipped', exitCode: null, files: [] });
        continue;
      }
      log(
        `k6-forge suite: step ${index + 1} of ${suite.steps.length}, ${step.name} (${step.scenario}${environment ? `, ${environment}` : ''})`,
      );
      const staging = join(folder, `.step-${index + 1}-${step.name}`);
      const env = [...Object.entries(step.env ?? {}), ...(target ? [['BASE_URL', target.url]] : [])].map(
        ([key, value]) => `${key}=${value}`,
      );
      let code: number;
      try {
        code = await runScript({
          script: step.scenario,
          k6: options.k6,
          env,
          vus: step.vus === undefined ? undefined : String(step.vus),
          duration: step.duration,
          environment,
          resultsDir: staging,
          k6Flags: [...(options.ci ? CI_FLAGS : []), '--tag', `testid=${basename(folder)}`],
          ...(options.distDir !== undefined && { distDir: options.distDir }),
          prometheus: options.prometheus,
          log,
        });
      } catch (error) {
        if (!(error instanceof ForgeError)) throw error;
        if (outcomes.length === 0) {
          // Nothing ran yet: bad input, exit 2, and no folder left behind that the suite made.
          rmSync(staging, { recursive: true, force: true });
          if (options.outputDir === undefined) rmSync(folder, { recursive: true, force: true });
          throw error;
        }
        log(`k6-forge suite: ${step.name}: ${error.message}`);
        code = 2;
      }
      const files = collect(staging, folder, step);
      if (files.length > 0) log(`k6-forge suite: ${step.name}: ${files.length} result files moved up into ${folder}`);
      const run = code === 0 ? 'pass' : 'fail';
      outcomes.push({ name: step.name, scenario: step.scenario, environment, run, exitCode: code, files });
      if (code !== 0 && (!options.keepGoing || INTERRUPTED.has(code))) {
        stopped = true;
        log(
          `k6-forge suite: ${step.name} failed (k6 exit ${code}); ${INTERRUPTED.has(code) ? 'interrupted, so' : 'without --keep-going'} the rest is skipped`,
        );
      }
    }
  } finally {
    await target?.close();
  }
  for (const [index, outcome] of outcomes.entries()) {
    const step = suite.steps[index]!;
    if (outcome.run === 'skipped') continue;
    const gate = step.gate === undefined ? undefined : await gateStep(step, folder, outcome.files, prepared.thresholds!);
    const compare =
      step.compare === undefined
        ? undefined
        : await compareStep(step, folder, outcome.files, prepared.baselines.get(step.compare.baseline)!);
    outcomes[index] = { ...outcome, ...(gate && { gate }), ...(compare && { compare }) };
  }
  return suiteVerdict({
    suite: options.name,
    description: suite.description,
    folder,
    keepGoing: options.keepGoing ?? false,
    startedAt,
    endedAt: new Date().toISOString(),
    steps: outcomes,
  });
}
