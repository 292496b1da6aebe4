import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ForgeError, invalidOption, shown } from '../lib/errors.ts';
import { hasSamples } from '../lib/summary/has-samples.ts';
import type { VerdictResult } from '../lib/summary/types.ts';
import type { Limits, ThresholdsFile } from '../lib/thresholds-file.ts';
import { limitCells, limitChecks, VERDICT_WORDS, type LimitCheck } from './limit-checks.ts';
import { numberOption } from './number-option.ts';
import { gateLimits, readThresholdsFile, type GateLimits } from './thresholds-source.ts';
import { EXIT, type CommandOutput } from './command.ts';
import { readSummaryFile, statOf, SUMMARY_FILE_NAME, type SummaryFile } from './summary-file.ts';
import { textTable } from './text-table.ts';

/** One release-gate check: a measured value against its limit, for one scenario. */
export interface GateCheck extends LimitCheck {
  /** The scenario whose limits apply. */
  readonly scenario: string;
}

/** One-off limits from the command line: `--p95`, `--p99`, `--error-rate`. */
export interface OneOffLimits {
  readonly p95?: number;
  readonly p99?: number;
  readonly errorRate?: number;
}

/** A summary to gate: a flag names its scenario; in a results folder, its `meta` does, else its file name. */
interface GateInput {
  readonly path: string;
  readonly scenario: string;
  readonly from: 'flag' | 'file name';
}

/**
 * Checks one summary against one scenario's limits (`p95`, `p99`, `errorRate`, any `pN`, `avg`, `med`, `max`).
 * @param summary - The run's summary.
 * @param scenario - The scenario, which picks the `{scenario:<name>}` sub-metrics when present.
 * @param limits - The scenario's limits, from {@link gateLimits}.
 * @returns One check per limit, latency first; `no data` where the metric had no samples.
 * @throws {ForgeError} `invalid_file` when the summary lacks a metric or statistic a limit needs.
 */
export function gateChecks(summary: SummaryFile, scenario: string, limits: Limits): GateCheck[] {
  return limitChecks(limits, (metric, aggregation) => {
    const tagged = `${metric}{scenario:${scenario}}`;
    const source = tagged in summary.metrics ? tagged : metric;
    const value = statOf(summary, source, aggregation);
    return { metric: source, value: hasSamples(summary.metrics[source]!) ? value : null };
  }).map((check) => ({ scenario, ...check }));
}

/**
 * Finds the limits a scenario is gated by: gates → scenarios → global of the thresholds file, key by key
 * ({@link gateLimits}), with one-off limits from the command line over them.
 * @param file - The thresholds in force.
 * @param scenario - The scenario of the summary.
 * @param oneOff - `--p95`, `--p99` and `--error-rate`, when given.
 * @returns The limits and where they came from; undefined when nothing sets any.
 */
export function gateLimitsWith(file: ThresholdsFile, scenario: string, oneOff: OneOffLimits = {}): GateLimits | undefined {
  const { limits, source } = gateLimits(file, scenario);
  const options = Object.keys(oneOff).map((key) => `--${key === 'errorRate' ? 'error-rate' : key}`);
  const merged = { ...limits, ...oneOff };
  if (Object.keys(merged).length === 0) return undefined;
  return { limits: merged, source: [options.join(', '), source].filter((part) => part !== '').join(' over ') };
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

function limitsOf(input: GateInput, summary: SummaryFile, file: ThresholdsFile, oneOff: OneOffLimits, thresholdsPath: string): { scenario: string } & GateLimits {
  const scenario = input.from === 'flag' ? input.scenario : (summary.meta?.scenario ?? input.scenario);
  const found = gateLimitsWith(file, scenario, oneOff);
  if (!found) {
    throw new ForgeError('invalid_file', {
      field: input.path,
      given: `the scenario ${shown(scenario)}`,
      accepted: `a scenario with limits in the gates, scenarios or global of ${thresholdsPath}, or --p95, --p99 or --error-rate`,
    });
  }
  return { scenario, ...found };
}

function checkRow(check: GateCheck): string[] {
  return [check.scenario, ...limitCells(check), check.metric];
}

function oneOffLimits(values: { p95?: string | undefined; p99?: string | undefined; 'error-rate'?: string | undefined }): OneOffLimits {
  const ms = (field: string, text: string) => numberOption(field, text, { min: 0, minExclusive: true, accepted: 'milliseconds above 0, such as 400' });
  return {
    ...(values.p95 !== undefined && { p95: ms('--p95', values.p95) }),
    ...(values.p99 !== undefined && { p99: ms('--p99', values.p99) }),
    ...(values['error-rate'] !== undefined && {
      errorRate: numberOption('--error-rate', values['error-rate'], { min: 0, minExclusive: true, max: 1, accepted: 'a share above 0 and at most 1, such as 0.01' }),
    }),
  };
}

/**
 * `k6-forge gate [results-dir] [--baseline-summary F] [--spike-summary F] [--summary scenario=F]... [--thresholds F]
 * [--p95 MS] [--p99 MS] [--error-rate R]`: checks run summaries against each scenario's limits (gates → scenarios →
 * global of the thresholds file, key by key, one-off options over them). A limit without samples is no data, which fails the
 * gate, and so does a run whose own verdict (in its k6-forge `meta`) is not a pass.
 * @param args - The arguments after `gate`.
 * @param out - Where the checks and messages go.
 * @returns 0 when every check passed on samples and every run passed, 1 otherwise.
 * @throws {ForgeError} For bad input: no summaries, an unreadable or malformed file, a scenario without any limits.
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
      p95: { type: 'string' },
      p99: { type: 'string' },
      'error-rate': { type: 'string' },
    },
  });
  const oneOff = oneOffLimits(values);
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
  const checks: GateCheck[] = [];
  const sources: string[] = [];
  const runs: string[] = [];
  for (const input of inputs) {
    const summary = await readSummaryFile(input.path);
    const { scenario, limits, source } = limitsOf(input, summary, thresholds.file, oneOff, thresholds.path);
    sources.push(`${scenario}: ${source}`);
    checks.push(...gateChecks(summary, scenario, limits));
    // The run's own verdict (its k6 thresholds, its scenarios) binds the gate too, so the two never disagree.
    const run = summary.meta?.verdict;
    if (run !== undefined && run.result !== 'pass') runs.push(`${VERDICT_WORDS[run.result]}: the run itself: ${run.text}`);
  }
  const count = (verdict: VerdictResult) => checks.filter((check) => check.verdict === verdict).length;
  const [failed, empty] = [count('fail'), count('no data')];
  const verdict =
    failed > 0
      ? `FAIL: ${failed} of ${checks.length} checks failed`
      : empty > 0
        ? `NO DATA: ${empty} of ${checks.length} checks had no samples, so the gate cannot pass`
        : runs.length > 0
          ? 'FAIL: every check passed, but a run did not'
          : `PASS: all ${checks.length} checks passed`;
  out.report(
    [
      `k6-forge gate: ${inputs.length === 1 ? '1 summary' : `${inputs.length} summaries`} against the limits in ${thresholds.path} (${sources.join('; ')})`,
      ...textTable([['scenario', 'measure', 'measured', 'limit', 'verdict', 'metric'], ...checks.map(checkRow)], [2]),
      ...runs,
      verdict,
    ].join('\n'),
  );
  return verdict.startsWith('PASS') ? EXIT.ok : EXIT.failed;
}
