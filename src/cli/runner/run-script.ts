import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningTarget } from '../../demo-target/index.ts';
import { parseDuration } from '../../lib/duration.ts';
import { ForgeError, invalidOption, shown } from '../../lib/errors.ts';
import { isSecretName, redactUrl } from '../../lib/redact.ts';
import { assertK6Supports, k6Version } from './k6-binary.ts';
import { k6RunArguments, refuseContractBreakingFlags } from './k6-run-arguments.ts';
import { prometheusOutput } from './prometheus-output.ts';
import { buildForRun, isTypeScript } from './typescript-script.ts';
import { webDashboardEnv } from './web-dashboard.ts';

/** Options for {@link runScript}. */
export interface RunOptions {
  /** A script path (a TypeScript one is built into the run's results folder first), or a scenario name looked up as `<distDir>/<name>.js`. */
  readonly script: string;
  /** The k6 binary to run. */
  readonly k6: string;
  /** `KEY=VALUE` pairs for the script's `__ENV`. */
  readonly env?: readonly string[];
  /** Peak VUs, passed to the script as `VUS`. */
  readonly vus?: string | undefined;
  /** Total duration, passed to the script as `DURATION`. */
  readonly duration?: string | undefined;
  /** Start the demo target on a free loopback port and point `BASE_URL` at it. @default false */
  readonly demoTarget?: boolean;
  /** Where scenario names are looked up. @default "dist" */
  readonly distDir?: string;
  /** The folder that receives the run's fresh `<UTC timestamp>/` results folder. @default "results" */
  readonly resultsRoot?: string | undefined;
  /**
   * The run's own results folder instead of a fresh `<resultsRoot>/<UTC timestamp>/` (`--output-dir`): created when
   * missing, refused when it holds files, as a `RESULTS_DIR` given with `-e` is.
   */
  readonly resultsDir?: string | undefined;
  /**
   * The environment the script runs against, passed as `ENVIRONMENT`: the configuration's per-environment defaults
   * and its production guard apply, and it refuses a name it does not know (`loadConfig`, inside k6).
   */
  readonly environment?: string | undefined;
  /**
   * For CI: k6 runs with `--no-color --quiet`, and each `<scenario>-summary.md` the run writes is appended to the file
   * `GITHUB_STEP_SUMMARY` names, when it is set. The JUnit file is `<scenario>-junit.xml` in the results folder, as on
   * every run. @default false
   */
  readonly ci?: boolean;
  /** Arguments for `k6 run` itself, given after `--` (`--out json=out.json`), passed through as they are. @default [] */
  readonly k6Flags?: readonly string[];
  /** Export k6's web dashboard into the results folder as `dashboard.html` (see {@link webDashboardEnv}). @default false */
  readonly dashboard?: boolean;
  /** Whether a TypeScript script is type-checked before its build (see {@link buildForRun}). @default true */
  readonly typeCheck?: boolean;
  /**
   * A Prometheus remote-write URL (`--prometheus`): k6 streams the run's metrics there, tagged with its `testid`
   * (see {@link prometheusOutput}); credentials in the URL reach k6 through its environment only.
   */
  readonly prometheus?: string | undefined;
  /** Where progress lines go. @default console.error */
  readonly log?: (line: string) => void;
}

/**
 * Resolves a scenario name or path to a bundle file.
 * @param script - A path to an existing file, or a name such as `smoke`.
 * @param distDir - The folder holding built bundles.
 * @returns The script's path.
 * @throws {ForgeError} `invalid_option` listing the scenarios that exist.
 */
export function resolveScript(script: string, distDir = 'dist'): string {
  if (existsSync(script) && statSync(script).isFile()) return script;
  const bundle = join(distDir, `${script}.js`);
  if (existsSync(bundle)) return bundle;
  const known = existsSync(distDir)
    ? readdirSync(distDir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => f.slice(0, -3))
    : [];
  throw new ForgeError('invalid_option', {
    field: 'scenario',
    given: shown(script),
    accepted: `a script path or a bundle in ${distDir}/: ${known.join(', ') || 'none built yet (run the build first)'}`,
  });
}

/** What an environment name may hold: the configuration checks the name itself, this keeps an option out of it. */
const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Turns `-e KEY=VALUE` pairs, the `--vus`/`--duration` shortcuts and the environment into script variables.
 * @param options - The pairs, the shortcuts and the environment (`ENVIRONMENT`).
 * @returns The variables, validated.
 * @throws {ForgeError} `invalid_option` for a malformed pair, a secret such as `BEARER_TOKEN` (a command line shows in
 *   process lists; export it instead), a bad shortcut value, an environment name that is no name or comes with
 *   `-e ENVIRONMENT`, or a variable set twice.
 */
export function scriptVariables(options: Pick<RunOptions, 'env' | 'vus' | 'duration' | 'environment'>): Record<string, string> {
  const variables: Record<string, string> = {};
  const set = (key: string, value: string) => {
    if (key in variables) throw new ForgeError('invalid_option', { field: key, given: 'two values', accepted: 'one value per variable' });
    variables[key] = value;
  };
  for (const pair of options.env ?? []) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (!match) invalidOption('-e', pair.split('=')[0], 'KEY=VALUE with KEY a variable name');
    if (isSecretName(match[1]!)) {
      throw new ForgeError('invalid_option', {
        field: `-e ${match[1]!}`,
        given: 'a secret on the command line (its value is not shown)',
        accepted: `${match[1]!} exported in the environment instead (${match[1]!}=... k6-forge run ...), which k6 inherits: a command line shows in every process list for the whole run`,
      });
    }
    set(match[1]!, match[2]!);
  }
  if (options.vus !== undefined) {
    if (!/^[1-9]\d*$/.test(options.vus)) invalidOption('--vus', options.vus, 'a whole number greater than 0');
    set('VUS', options.vus);
  }
  if (options.duration !== undefined) {
    parseDuration(options.duration, '--duration');
    set('DURATION', options.duration);
  }
  if (options.environment !== undefined) {
    if (!ENVIRONMENT_NAME.test(options.environment)) {
      invalidOption('environment', options.environment, 'an environment name of letters, digits, - and _, such as staging');
    }
    if ('ENVIRONMENT' in variables) {
      invalidOption(
        '-e ENVIRONMENT',
        variables['ENVIRONMENT'],
        `no -e ENVIRONMENT beside the environment argument (${options.environment})`,
      );
    }
    set('ENVIRONMENT', options.environment);
  }
  return variables;
}

/**
 * Creates a fresh results folder for one run, `<root>/<UTC timestamp>` such as `results/2025-06-01T12-30-05Z`,
 * with `-2`, `-3`, ... appended when that folder exists already, so a run never writes into an earlier one's.
 * @param root - The folder that holds every run's results; created when missing.
 * @param now - The run's start. @default new Date()
 * @returns The new folder's path.
 */
export function createResultsDir(root: string, now: Date = new Date()): string {
  mkdirSync(root, { recursive: true });
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  for (let attempt = 1; ; attempt += 1) {
    const folder = join(root, attempt === 1 ? stamp : `${stamp}-${attempt}`);
    try {
      mkdirSync(folder);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** The signals k6-forge passes on to k6; SIGHUP (a closed terminal) becomes SIGTERM, which k6 treats as a graceful stop. */
const PASSED_ON: Readonly<Partial<Record<NodeJS.Signals, NodeJS.Signals>>> = { SIGINT: 'SIGINT', SIGTERM: 'SIGTERM', SIGHUP: 'SIGTERM' };

/** How k6 ended: its exit code, or 128 + the signal's number when a signal killed it, as a shell reports it. */
function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  return code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
}

/** The watchdog that runs k6 and stops it when k6-forge dies unannounced (see the file). */
const WATCHDOG = fileURLToPath(new URL('../../../bin/k6-watchdog.mjs', import.meta.url));

/**
 * Runs k6 in a process group of its own, under a watchdog, and hands the group each signal k6-forge gets, exactly once.
 * A Ctrl-C in a terminal or a CI cancel signals k6-forge's whole group; were k6 in it too, it would get the signal
 * twice, take the second as an abort and skip handleSummary. A second signal still aborts k6, as in k6. SIGHUP
 * reaches k6 as SIGTERM; when k6-forge dies any other way (a crash, SIGKILL), the watchdog sends k6 SIGTERM, so k6
 * never outlives k6-forge.
 */
function runK6(k6: string, args: readonly string[], variables: Record<string, string>, log: (line: string) => void): Promise<number> {
  // Variables go through the environment, not k6's argv, so no value shows in a process list. PWD is k6's working
  // folder, which handleSummary checks a relative RESULTS_DIR against: a parent that changed folders may not say so.
  const child = spawn(process.execPath, [WATCHDOG, k6, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...variables, PWD: process.cwd() },
    detached: true,
  });
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone: k6 has ended.
    }
  };
  let signals = 0;
  const passOn = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals === 1) log(`k6-forge: ${signal} passed to k6, which stops and writes its results; a second one aborts it`);
    group(PASSED_ON[signal]!);
  };
  for (const signal of Object.keys(PASSED_ON)) process.on(signal, passOn);
  return new Promise((resolve, reject) => {
    const done = () => {
      for (const signal of Object.keys(PASSED_ON)) process.off(signal, passOn);
    };
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      done();
      resolve(exitCodeOf(code, signal));
    });
  });
}

/** A run's inputs, checked before anything starts: see {@link checkedRun}. */
export interface CheckedRun {
  /** Where progress lines go. */
  readonly log: (line: string) => void;
  /** The script: a bundle, or a TypeScript file to build. */
  readonly source: string;
  /** Whether the script is TypeScript, built before k6 runs it. */
  readonly typescript: boolean;
  /** The k6 version, when k6 tells it. */
  readonly version: ReturnType<typeof k6Version>;
  /** The script's variables (`-e` and the run's own). */
  readonly variables: Record<string, string>;
  /** The k6 flags given after `--`. */
  readonly flags: readonly string[];
  /** The run's own results folder, when `--output-dir` or `RESULTS_DIR` names one. */
  readonly chosen: string | undefined;
}

/**
 * The checks every run makes before it starts k6, one process or several: the script exists, a bundle imports only
 * modules this k6 has, the variables are well formed, no k6 flag breaks the run's contract, the results folder is
 * named at most one way, and `--demo-target` comes without a `BASE_URL`.
 * @param options - The run's options.
 * @returns The checked inputs.
 * @throws {ForgeError} For an unknown scenario, malformed variables, a contract-breaking k6 flag, a module this k6
 *   lacks, a results folder named twice (`--output-dir`, `RESULTS_DIR`, `--results`) or a `BASE_URL` with `--demo-target`.
 */
export function checkedRun(options: RunOptions): CheckedRun {
  const log = options.log ?? ((line: string) => console.error(line));
  const source = resolveScript(options.script, options.distDir);
  const typescript = isTypeScript(source);
  const version = k6Version(options.k6);
  if (version !== undefined && !typescript) assertK6Supports(source, readFileSync(source, 'utf8'), version);
  const variables = scriptVariables(options);
  const flags = options.k6Flags ?? [];
  refuseContractBreakingFlags(flags);
  if (options.resultsDir !== undefined && 'RESULTS_DIR' in variables) {
    invalidOption('-e RESULTS_DIR', variables['RESULTS_DIR'], `either -e RESULTS_DIR or --output-dir (${options.resultsDir}), not both`);
  }
  if (options.resultsDir !== undefined && options.resultsRoot !== undefined) {
    invalidOption(
      '--output-dir',
      options.resultsDir,
      "either --output-dir (the run's own folder) or --results (where run makes a fresh folder), not both",
    );
  }
  if (options.resultsDir === '') invalidOption('--output-dir', options.resultsDir, 'a folder path');
  const chosen = options.resultsDir ?? variables['RESULTS_DIR'] ?? process.env['RESULTS_DIR'];
  if (chosen !== undefined && options.resultsRoot !== undefined) {
    invalidOption(
      'RESULTS_DIR',
      chosen,
      "either RESULTS_DIR (the run's own folder) or --results (where run makes a fresh folder), not both",
    );
  }
  if (options.demoTarget && 'BASE_URL' in variables) {
    invalidOption('BASE_URL', redactUrl(variables['BASE_URL']!), 'no BASE_URL with --demo-target, which sets it');
  }
  return { log, source, typescript, version, variables, flags, chosen };
}

/**
 * The run's results folder: the one `--output-dir` or `RESULTS_DIR` chose (see {@link chosenResultsDir}), else a fresh
 * `<--results>/<UTC timestamp>/` (see {@link createResultsDir}).
 * @param chosen - The chosen folder, from {@link checkedRun}.
 * @param options - The run's options.
 * @returns The folder, made.
 */
export function resultsFolder(chosen: string | undefined, options: RunOptions): string {
  return chosen !== undefined
    ? chosenResultsDir(chosen, options.resultsDir !== undefined ? '--output-dir' : 'RESULTS_DIR')
    : createResultsDir(options.resultsRoot ?? 'results');
}

/**
 * Runs one k6 script, optionally against the demo target, and returns k6's exit code (99 when thresholds failed).
 * The script gets a fresh `<results>/<timestamp>/` folder as `RESULTS_DIR`, or the `RESULTS_DIR` given (created when
 * missing, as k6 cannot), where k6-forge's handleSummary writes; when k6 ends its
 * path is logged, or, when k6 wrote nothing there, the folder is removed and the log says why. A TypeScript script
 * is built into that folder first (see {@link buildForRun}), and its bundle removed with it. k6 runs with
 * `--tag testid=<the results folder's name>` (unless the flags after `--` tag a testid), then those flags.
 * @param options - Script, k6 binary, variables, k6 flags, results folder, dashboard and target choice.
 * @returns k6's exit code.
 * @throws {ForgeError} For an unknown scenario, malformed variables, a k6 flag that breaks the run's contract (see
 *   {@link refuseContractBreakingFlags}), a `RESULTS_DIR` (from `-e` or the environment)
 *   that cannot be made a folder, holds files already or comes with `--results`, a TypeScript script the build refuses,
 *   or a script that imports a k6 module this k6 lacks, before k6 starts.
 */
export async function runScript(options: RunOptions): Promise<number> {
  const { log, source, typescript, version, variables, flags, chosen } = checkedRun(options);
  const prometheus = options.prometheus === undefined ? undefined : prometheusOutput(options.prometheus, flags);
  const results = resultsFolder(chosen, options);
  let built: string[] = [];
  let target: RunningTarget | undefined;
  let code: number | undefined;
  try {
    let script = source;
    if (typescript) {
      script = await buildForRun(source, results, log, options.typeCheck ?? true);
      built = readdirSync(results);
      if (version !== undefined) assertK6Supports(script, readFileSync(script, 'utf8'), version);
    }
    // Imported only here, so a run without --demo-target never loads the demo target or ws.
    target = options.demoTarget ? await (await import('../../demo-target/index.ts')).startTarget({ log }) : undefined;
    if (target) log(`k6-forge: demo target listening at ${target.url}`);
    const args = k6RunArguments({
      script,
      flags: [...(prometheus?.args ?? []), ...flags],
      testId: basename(results),
      ci: options.ci ?? false,
    });
    if (prometheus)
      log(`k6-forge: metrics stream to Prometheus at ${prometheus.shownUrl}, labelled testid=${testIdOf(args) ?? basename(results)}`);
    code = await runK6(
      options.k6,
      args,
      {
        ...variables,
        ...(options.dashboard && webDashboardEnv(results)),
        ...prometheus?.env,
        RESULTS_DIR: results,
        ...(target && { BASE_URL: target.url }),
      },
      log,
    );
    return code;
  } finally {
    await target?.close();
    log(resultsLine(results, code, chosen === undefined, built));
    if (options.ci) await appendStepSummary(results, process.env['GITHUB_STEP_SUMMARY'], log);
  }
}

/** The `testid` tag k6 gets: the last `--tag testid=...` of its arguments. */
function testIdOf(args: readonly string[]): string | undefined {
  let id: string | undefined;
  for (const [i, token] of args.entries()) {
    const tag = token === '--tag' ? args[i + 1] : token.startsWith('--tag=') ? token.slice(6) : undefined;
    if (tag?.startsWith('testid=')) id = tag.slice(7);
  }
  return id;
}

/**
 * Appends each `<scenario>-summary.md` of a results folder to the CI job summary (GitHub Actions'
 * `$GITHUB_STEP_SUMMARY`), and logs where the JUnit files are. A summary that cannot be appended is logged, never
 * thrown: the run's own exit code stands.
 * @param folder - The run's results folder.
 * @param stepSummary - The job summary file; nothing is appended when it is unset or empty.
 * @param log - Where the lines go.
 */
export async function appendStepSummary(folder: string, stepSummary: string | undefined, log: (line: string) => void): Promise<void> {
  const names = existsSync(folder) ? readdirSync(folder).sort() : [];
  const junit = names.filter((name) => name.endsWith('-junit.xml'));
  if (junit.length > 0) log(`k6-forge: JUnit in ${junit.map((name) => join(folder, name)).join(', ')}`);
  const markdown = names.filter((name) => name.endsWith('-summary.md'));
  if (!stepSummary || markdown.length === 0) return;
  try {
    for (const name of markdown) await appendFile(stepSummary, `${readFileSync(join(folder, name), 'utf8').trimEnd()}\n\n`);
    log(`k6-forge: ${markdown.join(', ')} appended to GITHUB_STEP_SUMMARY`);
  } catch (error) {
    log(
      `k6-forge: warning: GITHUB_STEP_SUMMARY ${shown(stepSummary)} could not be appended to (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
}

/**
 * Makes the folder `RESULTS_DIR` names, as k6 cannot, so that no result file is lost to a missing folder.
 * @param folder - The folder; created with its parents when missing.
 * @param field - Where it was given, for the messages: `RESULTS_DIR` or `--output-dir`.
 * @returns The folder.
 * @throws {ForgeError} `invalid_file` when it cannot be made a folder, or already holds files (an earlier run's).
 */
export function chosenResultsDir(folder: string, field: string): string {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ForgeError('invalid_file', {
      field,
      given: `${shown(folder)}, which cannot be made a folder (${code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : (code ?? String(error))})`,
      accepted: 'a folder that exists or can be created',
    });
  }
  const held = readdirSync(folder).length;
  if (held > 0) {
    throw new ForgeError('invalid_file', {
      field,
      given: `${shown(folder)}, a folder that already holds ${held} ${held === 1 ? 'entry' : 'entries'}`,
      accepted: `a new or empty folder, so no earlier run's results are replaced (or no ${field}: run makes a fresh folder under --results)`,
    });
  }
  return folder;
}

/**
 * Says where a run's results are, or, when k6 wrote none, what happened; an empty folder that run made is removed.
 * @param folder - The run's results folder.
 * @param code - k6's exit code, or undefined when k6 could not be started.
 * @param remove - Whether to remove the folder when it is empty (run made it under --results).
 * @param built - The files the build of a TypeScript script wrote there, which are no results: removed with the folder.
 * @returns The line to print.
 */
function resultsLine(folder: string, code: number | undefined, remove: boolean, built: readonly string[]): string {
  if (readdirSync(folder).some((name) => !built.includes(name))) return `k6-forge: results in ${folder}`;
  for (const name of built) rmSync(join(folder, name));
  if (remove) rmdirSync(folder);
  const ended =
    code === undefined
      ? 'k6 did not start'
      : `k6 ended with exit code ${code}${code === 105 ? ' (aborted)' : ''} before handleSummary wrote any`;
  return `k6-forge: no results: ${ended}, so ${folder} ${remove ? 'was removed' : 'is empty'}`;
}
