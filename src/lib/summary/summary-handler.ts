import exec from 'k6/execution';
import { ForgeError, shown } from '../errors.ts';
import { htmlReport } from './html-report.ts';
import { jsonReport } from './json-report.ts';
import { junitReport } from './junit-report.ts';
import { markdownReport } from './markdown-report.ts';
import { runMeta } from './run-meta.ts';
import { readSummaryData } from './summary-data.ts';
import { textSummary } from './text-summary.ts';
import type { RunSummary } from './types.ts';

/** What `summaryHandler` writes. */
export interface SummaryHandlerOptions {
  /**
   * The scenario that names the result files and is recorded in the metadata; letters, digits, `_` and `-`.
   * @default the names of the scenarios in the run's options (`exec.test.options.scenarios`), sorted and joined
   *   with `+`; `default` when there are none
   */
  readonly scenario?: string | undefined;
}

/** k6's `handleSummary`: from k6's summary data to the text for each output (`stdout` or a file path). */
export type HandleSummary = (data: unknown) => Record<string, string>;

// k6's own rule for scenario names (lib/executor/base_config.go), so every name is safe in a file name.
const SCENARIO_NAME = /^[0-9a-zA-Z_-]+$/;

/**
 * The scenarios of this run. `handleSummary` runs in a VU of its own whose state carries the run's consolidated
 * and derived options, so `exec.test.options` is readable there (the scenario-bound `exec.scenario` is not).
 */
function scenariosOfRun(): string {
  try {
    const names = Object.keys(exec.test.options.scenarios ?? {}).sort();
    return names.length > 0 ? names.join('+') : 'default';
  } catch {
    return 'default';
  }
}

/** `2026-11-22T07:30:05.123Z` as `2026-11-22T07-30-05-123Z`, safe in a file name on every system. */
function fileTimestamp(time: Date): string {
  return time.toISOString().replace(/[:.]/g, '-');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Renders every output for one run, leaving out (and noting) any renderer that fails. */
function summaryOutputs(raw: unknown, scenario: string): Record<string, string> {
  const end = new Date();
  const env = __ENV;
  const { data, problems } = readSummaryData(raw);
  const summary: RunSummary = { ...data, meta: runMeta(data, { scenario, env, end }) };
  const dir = env['RESULTS_DIR']?.replace(/[/\\]+$/, '');
  const prefix = dir ? `${dir}/${scenario}` : `${fileTimestamp(end)}-${scenario}`;
  const notes = problems.map((problem) => `k6-forge: ${problem}`);
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
  notes.push(dir ? `k6-forge: results in ${dir}/` : `k6-forge: results in ${prefix}-* (set RESULTS_DIR to an existing folder to collect them there)`);
  try {
    outputs['stdout'] = textSummary(summary, { notes });
  } catch (error) {
    outputs['stdout'] = `\n${[...notes, `k6-forge: could not write the text summary: ${messageOf(error)}`].map((line) => `     ${line}`).join('\n')}\n\n`;
  }
  return outputs;
}

/**
 * Makes a one-line `handleSummary` that writes the run's results: `export const handleSummary = summaryHandler();`.
 *
 * It returns k6's output map: `stdout` (k6's text layout) and `-summary.json`, `-junit.xml`, `-report.html` and
 * `-summary.md` files, as `<RESULTS_DIR>/<scenario>-*` when `__ENV.RESULTS_DIR` is set (`k6-forge run` sets it to a
 * fresh `results/<timestamp>/`), else as `<UTC timestamp>-<scenario>-*` in k6's working directory, so a plain
 * `k6 run` (or Docker's `/home/k6`) keeps every run. k6 opens each path for writing (create, truncate) and does
 * not create missing folders (`handleSummaryResult` in k6's `internal/cmd/run.go`, through afero's
 * `OsFs.OpenFile`, that is `os.OpenFile`): a missing RESULTS_DIR makes k6 log `could not open '<path>'` for each
 * file while stdout is still written.
 *
 * Nothing here throws while k6 summarises: if `handleSummary` threw, k6 would log the error and print only its
 * own summary, losing the files. Malformed data is rendered as far as it goes, a renderer that fails is left
 * out, and each problem is noted at the end of stdout. `setup_data` never reaches an output and `BASE_URL`
 * contributes only its host.
 * @param options - The scenario name, when it should not come from the run's options.
 * @returns The `handleSummary` function to export.
 * @throws {ForgeError} `invalid_option` at init when `scenario` is not a k6 scenario name.
 */
export function summaryHandler(options: SummaryHandlerOptions = {}): HandleSummary {
  const { scenario: chosen } = options;
  if (chosen !== undefined && !SCENARIO_NAME.test(chosen)) {
    throw new ForgeError('invalid_option', {
      field: 'summaryHandler scenario',
      given: shown(chosen),
      accepted: 'a k6 scenario name of letters, digits, _ and -, such as smoke',
    });
  }
  return (raw) => {
    try {
      return summaryOutputs(raw, chosen ?? scenariosOfRun());
    } catch (error) {
      return { stdout: `\n     k6-forge: could not summarise this run: ${messageOf(error)}\n\n` };
    }
  };
}
