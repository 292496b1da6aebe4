import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ForgeError, invalidOption, shown } from '../lib/errors.ts';
import type { Limits } from '../lib/thresholds-file.ts';
import { limitsToThresholds } from '../lib/thresholds.ts';
import { readThresholdsFile } from './thresholds-source.ts';
import { EXIT, type CommandOutput } from './command.ts';
import { formatMs, formatShare } from './number-format.ts';
import { readSummaryFile, statOf, SUMMARY_FILE_NAME, type SummaryFile } from './summary-file.ts';
import { textTable } from './text-table.ts';

/** One release-gate check: a measured value against its limit. */
export interface GateCheck {
  /** The scenario whose gate limits apply. */
  readonly scenario: string;
  /** The metric measured: the `{scenario:<name>}` sub-metric when the summary has it, else the whole run's. */
  readonly metric: string;
  /** The k6 aggregation, such as `p(95)` or `rate`. */
  readonly measure: string;
  /** The value in the summary (milliseconds, or a share for `rate`). */
  readonly measured: number;
  /** The gate's limit in the same unit. */
  readonly limit: number;
  /** Whether the measured value is below the limit; equal fails, as k6 judges `p(95)<400`. */
  readonly passed: boolean;
}

/** A summary to gate: a flag names its scenario; in a results folder, its `meta` does, else its file name. */
interface GateInput {
  readonly path: string;
  readonly scenario: string;
  readonly from: 'flag' | 'file name';
}

/**
 * Checks one summary against one scenario's gate limits (`p95`, `p99`, `errorRate`, any `pN`, `avg`, `med`, `max`).
 * @param summary - The run's summary.
 * @param scenario - The scenario, which picks the `{scenario:<name>}` sub-metrics when present.
 * @param limits - The scenario's entry in the thresholds file's `gates`.
 * @returns One check per limit, latency first.
 * @throws {ForgeError} `invalid_file` when the summary lacks a metric or statistic a limit needs.
 */
export function gateChecks(summary: SummaryFile, scenario: string, limits: Limits): GateCheck[] {
  const checks: GateCheck[] = [];
  // The same conversion that turns the file's limits into k6 thresholds, so gate and k6 read limits alike.
  for (const [metric, expressions] of Object.entries(limitsToThresholds(limits))) {
    const tagged = `${metric}{scenario:${scenario}}`;
    const source = tagged in summary.metrics ? tagged : metric;
    for (const expression of expressions) {
      const [measure = '', limitText = ''] = (typeof expression === 'string' ? expression : expression.threshold).split('<');
      const measured = statOf(summary, source, measure);
      const limit = Number(limitText);
      checks.push({ scenario, metric: source, measure, measured, limit, passed: measured < limit });
    }
  }
  return checks;
}

async function summariesIn(folder: string): Promise<GateInput[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    invalidOption('results-dir', folder, 'an existing results folder');
  }
  const inputs = names.sort().flatMap((name): GateInput[] => {
    const scenario = SUMMARY_FILE_NAME.exec(name)?.[1];
    return scenario === undefined ? [] : [{ path: join(folder, name), scenario, from: 'file name' }];
  });
  if (inputs.length === 0) {
    throw new ForgeError('invalid_file', { field: folder, given: 'a folder without <scenario>-summary.json files', accepted: 'a results folder of a k6-forge run' });
  }
  return inputs;
}

function namedSummary(pair: string): GateInput {
  const match = /^([A-Za-z0-9_-]+)=(.+)$/.exec(pair);
  if (!match) invalidOption('--summary', pair, '<scenario>=<file>, such as baseline=results/x/baseline-summary.json');
  return { scenario: match[1]!, path: match[2]!, from: 'flag' };
}

function scenarioOf(input: GateInput, summary: SummaryFile, gates: Readonly<Record<string, Limits>>, thresholdsPath: string): string {
  const scenario = input.from === 'flag' ? input.scenario : (summary.meta?.scenario ?? input.scenario);
  if (!gates[scenario]) {
    throw new ForgeError('invalid_file', {
      field: input.path,
      given: `the scenario ${shown(scenario)}`,
      accepted: `a scenario with limits in the gates of ${thresholdsPath}: ${Object.keys(gates).join(', ') || 'none are set'}`,
    });
  }
  return scenario;
}

function checkRow(check: GateCheck): string[] {
  const isRate = check.measure === 'rate';
  const value = isRate ? formatShare : formatMs;
  return [check.scenario, isRate ? 'error rate' : check.measure, value(check.measured), `< ${value(check.limit)}`, check.passed ? 'PASS' : 'FAIL', check.metric];
}

/**
 * `k6-forge gate [results-dir] [--baseline-summary F] [--spike-summary F] [--summary scenario=F]... [--thresholds F]`:
 * checks run summaries against the gate limits per scenario in the thresholds file.
 * @param args - The arguments after `gate`.
 * @param out - Where the checks and messages go.
 * @returns 0 when every check passed, 1 when one failed.
 * @throws {ForgeError} For bad input: no summaries, an unreadable or malformed file, a scenario without gates.
 */
export async function gateCommand(args: string[], out: CommandOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'baseline-summary': { type: 'string' },
      'spike-summary': { type: 'string' },
      summary: { type: 'string', multiple: true, default: [] },
      thresholds: { type: 'string' },
    },
  });
  if (positionals.length > 1) invalidOption('gate', positionals.join(' '), 'at most one results folder');
  const inputs: GateInput[] = [
    ...(positionals[0] === undefined ? [] : await summariesIn(positionals[0])),
    ...(values['baseline-summary'] === undefined ? [] : [namedSummary(`baseline=${values['baseline-summary']}`)]),
    ...(values['spike-summary'] === undefined ? [] : [namedSummary(`spike=${values['spike-summary']}`)]),
    ...values.summary.map(namedSummary),
  ];
  if (inputs.length === 0) {
    throw new ForgeError('invalid_option', { field: 'gate', given: 'no summaries', accepted: 'a results folder, --baseline-summary, --spike-summary or --summary <scenario>=<file>' });
  }
  const thresholds = await readThresholdsFile(values.thresholds);
  const gates = thresholds.file.gates ?? {};
  const checks: GateCheck[] = [];
  for (const input of inputs) {
    const summary = await readSummaryFile(input.path);
    const scenario = scenarioOf(input, summary, gates, thresholds.path);
    checks.push(...gateChecks(summary, scenario, gates[scenario]!));
  }
  const failed = checks.filter((check) => !check.passed).length;
  out.report(
    [
      `k6-forge gate: ${inputs.length === 1 ? '1 summary' : `${inputs.length} summaries`} against the gates in ${thresholds.path}`,
      ...textTable([['scenario', 'measure', 'measured', 'limit', 'verdict', 'metric'], ...checks.map(checkRow)], [2]),
      failed === 0 ? `PASS: all ${checks.length} checks passed` : `FAIL: ${failed} of ${checks.length} checks failed`,
    ].join('\n'),
  );
  return failed === 0 ? EXIT.ok : EXIT.failed;
}
