// What handleSummary checks at init and renders. `summaryHandler` imports this module lazily, so a bundle built by
// k6-forge evaluates it (and every renderer) only in VU 0, where handleSummary runs, not in each of the run's VUs. It
// imports no k6 module: k6 resolves imports at init in every VU, so `k6/execution` is required by `summaryInit`.
import type exec from 'k6/execution';
import { invalidOption } from '../errors.ts';
import { isName } from '../names.ts';
import { htmlReport } from './html-report.ts';
import { jsonReport } from './json-report.ts';
import { junitReport } from './junit-report.ts';
import type { ThresholdSpec } from './machine-readable.ts';
import { markdownReport } from './markdown-report.ts';
import { runMeta } from './run-meta.ts';
import { readSummaryData } from './summary-data.ts';
import { textSummary } from './text-summary.ts';
import type { RunSummary } from './types.ts';

/** The mark the text summary puts before the run's verdict. */
const VERDICT_MARKS = { pass: '✓', fail: '✗', 'no data': '∅' } as const;

/** `2026-11-22T07:30:05.123Z` as `2026-11-22T07-30-05-123Z`, safe in a file name on every system. */
function fileTimestamp(time: Date): string {
  return time.toISOString().replace(/[:.]/g, '-');
}

/** The message of anything thrown. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What VU 0 finds at init for its handleSummary: the scenario given, the folder check and the run's options. */
export interface SummaryInit {
  /** The scenario that names the files, when `summaryHandler` was given one. */
  readonly scenario?: string | undefined;
  /** `RESULTS_DIR` when {@link missingResultsDir} found no such folder. */
  readonly missingDir?: string | undefined;
  /** `k6/execution`, whose `test.options` handleSummary reads; undefined outside k6's init context. */
  readonly execution?: typeof exec | undefined;
}

/** k6's `require`: a global of every VU's runtime, usable in the init context only, in every k6 version. */
interface InitRequire {
  require(id: 'k6/execution'): typeof exec;
}

/**
 * Checks at init what handleSummary will need: the scenario name, the results folder, and `k6/execution`.
 * @param scenario - The scenario `summaryHandler` was given, if any.
 * @param env - The run's variables (`__ENV`).
 * @returns What handleSummary renders with.
 * @throws {ForgeError} `invalid_option` when `scenario` is not a k6 scenario name.
 */
export function summaryInit(scenario: string | undefined, env: Readonly<Record<string, string | undefined>>): SummaryInit {
  if (scenario !== undefined && !isName(scenario, 'scenario')) {
    invalidOption('summaryHandler scenario', scenario, 'a k6 scenario name of letters, digits, _ and -, such as smoke');
  }
  let execution: typeof exec | undefined;
  try {
    execution = (globalThis as unknown as InitRequire).require('k6/execution');
  } catch {
    execution = undefined;
  }
  return { scenario, missingDir: missingResultsDir(env), execution };
}

/**
 * The scenarios and thresholds of this run. `handleSummary` runs in a VU of its own whose state carries the run's
 * consolidated and derived options, so `exec.test.options` is readable there (the scenario-bound `exec.scenario`
 * is not).
 * @returns The scenario names, sorted (undefined when k6 does not tell: older than 0.38, or no scenarios in its
 *   options), and the thresholds, which k6's machine-readable summary does not carry.
 */
function optionsOfRun(execution: typeof exec | undefined): Pick<RunNames, 'scenarios' | 'thresholds'> {
  if (execution === undefined) return { scenarios: undefined };
  try {
    const { scenarios, thresholds } = execution.test.options;
    const names = Object.keys(scenarios ?? {}).sort();
    return { scenarios: names.length > 0 ? names : undefined, thresholds };
  } catch {
    return { scenarios: undefined };
  }
}

/** Which run {@link renderOutputs} renders. */
interface RunNames {
  /** The scenario that names the files and is recorded in the metadata. */
  readonly scenario: string;
  /** The scenarios k6 ran; undefined when k6 did not tell. */
  readonly scenarios: readonly string[] | undefined;
  /** The run's thresholds (`exec.test.options.thresholds`), judged again when k6 hands over its machine-readable summary. */
  readonly thresholds?: Readonly<Record<string, readonly ThresholdSpec[]>> | undefined;
}

/**
 * Renders every output for one run. Nothing here throws: if `handleSummary` threw, k6 would log the error and print
 * only its own summary, losing the files.
 * @param raw - k6's summary data, as handed to `handleSummary`.
 * @param init - What {@link summaryInit} found in VU 0's init.
 * @returns k6's output map: `stdout` and one path per result file.
 */
export function summaryOutputs(raw: unknown, init: SummaryInit): Record<string, string> {
  try {
    const run = optionsOfRun(init.execution);
    return renderOutputs(raw, { ...run, scenario: init.scenario ?? run.scenarios?.join('+') ?? 'default' }, init.missingDir);
  } catch (error) {
    return { stdout: `\n     k6-forge: could not summarise this run: ${messageOf(error)}\n\n` };
  }
}

/**
 * Tells whether `RESULTS_DIR` names no existing folder, which k6 cannot create: it would lose every result file.
 * k6's `open()` is the only file check a script has, and only in the init context, so {@link summaryInit} calls this at
 * init in VU 0 (where handleSummary runs). `open()` resolves a relative path against the script's folder, not the
 * working directory where k6 writes, so a relative folder is checked against `PWD` and is left unchecked without it.
 * @param env - The run's variables (`__ENV`).
 * @returns The folder as given when it is missing or not a folder; undefined when it is one, is not set, or cannot be checked.
 */
function missingResultsDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const dir = env['RESULTS_DIR'];
  if (!dir) return undefined;
  const absolute = dir.startsWith('/') || dir[1] === ':' || dir.startsWith('\\');
  const pwd = env['PWD'];
  if (!absolute && !pwd) return undefined;
  try {
    open(absolute ? dir : `${pwd}/${dir}`);
  } catch (error) {
    // k6 refuses to open() a folder with "open() can't be used with directories"; anything else means there is none.
    if (messageOf(error).includes('directories')) return undefined;
  }
  return dir;
}

/**
 * Renders every output for one run, leaving out (and noting) any renderer that fails.
 * @param raw - k6's summary data, as handed to `handleSummary`.
 * @param names - The scenario that names the files, and the scenarios k6 ran.
 * @param missingDir - `RESULTS_DIR` when {@link missingResultsDir} found no such folder: the files then go to the
 *   working directory, with a note naming the folder.
 * @returns k6's output map: `stdout` and one path per result file.
 */
function renderOutputs(raw: unknown, names: RunNames, missingDir?: string): Record<string, string> {
  const end = new Date();
  const env = __ENV;
  const { scenario, scenarios, thresholds } = names;
  const { data, problems } = readSummaryData(raw, thresholds);
  const summary: RunSummary = { ...data, meta: runMeta(data, { scenario, env, end, scenarios }) };
  const dir = missingDir === undefined ? env['RESULTS_DIR']?.replace(/[/\\]+$/, '') : undefined;
  const prefix = dir ? `${dir}/${scenario}` : `${fileTimestamp(end)}-${scenario}`;
  const notes = problems.map((problem) => `k6-forge: ${problem}`);
  if (missingDir !== undefined) {
    notes.push(
      `k6-forge: RESULTS_DIR ${JSON.stringify(missingDir)} is not an existing folder, and k6 cannot create one: results written to the working directory instead`,
    );
  }
  const outputs: Record<string, string> = {};
  const renderers: readonly (readonly [string, (run: RunSummary) => string])[] = [
    [`${prefix}-summary.json`, jsonReport],
    [`${prefix}-junit.xml`, junitReport],
    [`${prefix}-report.html`, (run) => htmlReport(run)],
    [`${prefix}-summary.md`, markdownReport],
  ];
  for (const [path, render] of renderers) {
    try {
      outputs[path] = render(summary);
    } catch (error) {
      notes.push(`k6-forge: could not write ${path}: ${messageOf(error)}`);
    }
  }
  notes.push(`k6-forge: ${VERDICT_MARKS[summary.meta.verdict.result]} ${summary.meta.verdict.text}`);
  notes.push(
    dir ? `k6-forge: results in ${dir}/` : `k6-forge: results in ${prefix}-* (set RESULTS_DIR to an existing folder to collect them there)`,
  );
  try {
    outputs['stdout'] = textSummary(summary, { notes });
  } catch (error) {
    outputs['stdout'] =
      `\n${[...notes, `k6-forge: could not write the text summary: ${messageOf(error)}`].map((line) => `     ${line}`).join('\n')}\n\n`;
  }
  return outputs;
}
