// What handleSummary renders. `summaryHandler` imports this module lazily, so a bundle built by k6-forge evaluates it
// (and every renderer) in the one VU that runs handleSummary, not in each of the run's VUs. It imports no k6 module:
// k6 resolves those at init.
import { htmlReport } from './html-report.ts';
import { jsonReport } from './json-report.ts';
import { junitReport } from './junit-report.ts';
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
}

/**
 * Renders every output for one run, leaving out (and noting) any renderer that fails.
 * @param raw - k6's summary data, as handed to `handleSummary`.
 * @param names - The scenario that names the files, and the scenarios k6 ran.
 * @returns k6's output map: `stdout` and one path per result file.
 */
export function summaryOutputs(raw: unknown, names: RunNames): Record<string, string> {
  const end = new Date();
  const env = __ENV;
  const { scenario, scenarios } = names;
  const { data, problems } = readSummaryData(raw);
  const summary: RunSummary = { ...data, meta: runMeta(data, { scenario, env, end, scenarios }) };
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
  notes.push(`k6-forge: ${VERDICT_MARKS[summary.meta.verdict.result]} ${summary.meta.verdict.text}`);
  notes.push(dir ? `k6-forge: results in ${dir}/` : `k6-forge: results in ${prefix}-* (set RESULTS_DIR to an existing folder to collect them there)`);
  try {
    outputs['stdout'] = textSummary(summary, { notes });
  } catch (error) {
    outputs['stdout'] = `\n${[...notes, `k6-forge: could not write the text summary: ${messageOf(error)}`].map((line) => `     ${line}`).join('\n')}\n\n`;
  }
  return outputs;
}
