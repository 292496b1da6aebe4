// What handleSummary renders. `summaryHandler` imports this module lazily, so a bundle built by k6-forge evaluates it
// (and every renderer) in the one VU that runs handleSummary, not in each of the run's VUs. It imports no k6 module:
// k6 resolves those at init.
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

/** Which run {@link summaryOutputs} renders. */
export interface RunNames {
  /** The scenario that names the files and is recorded in the metadata. */
  readonly scenario: string;
  /** The scenarios k6 ran; undefined when k6 did not tell. */
  readonly scenarios: readonly string[] | undefined;
  /** The run's thresholds (`exec.test.options.thresholds`), judged again when k6 hands over its machine-readable summary. */
  readonly thresholds?: Readonly<Record<string, readonly ThresholdSpec[]>> | undefined;
}

/**
 * Tells whether `RESULTS_DIR` names no existing folder, which k6 cannot create: it would lose every result file.
 * k6's `open()` is the only file check a script has, and only in the init context, so `summaryHandler` calls this at
 * init in VU 0 (where handleSummary runs). `open()` resolves a relative path against the script's folder, not the
 * working directory where k6 writes, so a relative folder is checked against `PWD` and is left unchecked without it.
 * @param env - The run's variables (`__ENV`).
 * @returns The folder as given when it is missing or not a folder; undefined when it is one, is not set, or cannot be checked.
 */
export function missingResultsDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
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
export function summaryOutputs(raw: unknown, names: RunNames, missingDir?: string): Record<string, string> {
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
