import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ForgeError, invalidOption, shown } from '../../lib/errors.ts';
import type { RunVerdict } from '../../lib/summary/types.ts';
import type { ThresholdsFile } from '../../lib/thresholds-file.ts';
import { numberOption } from '../args/number-option.ts';
import { type Command, EXIT } from '../command.ts';
import { type GateLimits, readThresholdsFile } from '../limits/thresholds-source.ts';
import { gateText } from '../report/gate-text.ts';
import { type GateCheck, type GateOutcome, gateChecks, gateLimitsWith, gatePassed, type OneOffLimits } from '../summaries/gate-checks.ts';
import { readSummaryFile, SUMMARY_FILE_NAME, type SummaryFile } from '../summaries/summary-file.ts';

/** A summary to gate: a flag names its scenario; in a results folder, its `meta` does, else its file name. */
interface GateInput {
  readonly path: string;
  readonly scenario: string;
  readonly from: 'flag' | 'file name';
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
    throw new ForgeError('invalid_file', {
      field: folder,
      given: 'a folder without <scenario>-summary.json files',
      accepted: 'a results folder of a k6-forge run',
    });
  }
  return inputs;
}

function namedSummary(pair: string): GateInput {
  const match = /^([A-Za-z0-9_-]+)=(.+)$/.exec(pair);
  if (!match) invalidOption('--summary', pair, '<scenario>=<file>, such as baseline=results/x/baseline-summary.json');
  return { scenario: match[1]!, path: match[2]!, from: 'flag' };
}

function limitsOf(
  input: GateInput,
  summary: SummaryFile,
  file: ThresholdsFile,
  oneOff: OneOffLimits,
  thresholdsPath: string,
): { scenario: string } & GateLimits {
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

function oneOffLimits(values: { p95?: string | undefined; p99?: string | undefined; 'error-rate'?: string | undefined }): OneOffLimits {
  const ms = (field: string, text: string) =>
    numberOption(field, text, { min: 0, minExclusive: true, accepted: 'milliseconds above 0, such as 400' });
  return {
    ...(values.p95 !== undefined && { p95: ms('--p95', values.p95) }),
    ...(values.p99 !== undefined && { p99: ms('--p99', values.p99) }),
    ...(values['error-rate'] !== undefined && {
      errorRate: numberOption('--error-rate', values['error-rate'], {
        min: 0,
        minExclusive: true,
        max: 1,
        accepted: 'a share above 0 and at most 1, such as 0.01',
      }),
    }),
  };
}

/**
 * `k6-forge gate [results-dir] [--baseline-summary F] [--spike-summary F] [--summary scenario=F]... [--thresholds F]
 * [--p95 MS] [--p99 MS] [--error-rate R]`: checks run summaries against each scenario's limits (gates → scenarios →
 * global of the thresholds file, key by key, one-off options over them). A limit without samples is no data, which fails the
 * gate, and so does a run whose own verdict (in its k6-forge `meta`) is not a pass. Exits 0 when every check passed
 * on samples and every run passed, 1 otherwise; throws {@link ForgeError} for bad input (no summaries, an unreadable
 * or malformed file, a scenario without any limits).
 */
export const gateCommand: Command = {
  usage: `gate [results-dir] [--baseline-summary F] [--spike-summary F] [--summary SCENARIO=F]... [--thresholds F]
     [--p95 MS] [--p99 MS] [--error-rate R]
    Check run summaries (every <scenario>-summary.json of results-dir, and each flag's file) against each
    scenario's limits: gates over scenarios over global of the thresholds file, key by key, with the
    one-off --p95/--p99/--error-rate over them. A limit is met when the value is below it; a limit without
    samples (no data) or a run whose own verdict failed fails the gate.`,
  async run(args, out) {
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
      throw new ForgeError('invalid_option', {
        field: 'gate',
        given: 'no summaries',
        accepted: 'a results folder, --baseline-summary, --spike-summary or --summary <scenario>=<file>',
      });
    }
    const thresholds = await readThresholdsFile(values.thresholds);
    const checks: GateCheck[] = [];
    const sources: string[] = [];
    const failedRuns: RunVerdict[] = [];
    for (const input of inputs) {
      const summary = await readSummaryFile(input.path);
      const { scenario, limits, source } = limitsOf(input, summary, thresholds.file, oneOff, thresholds.path);
      sources.push(`${scenario}: ${source}`);
      checks.push(...gateChecks(summary, scenario, limits));
      // The run's own verdict (its k6 thresholds, its scenarios) binds the gate too, so the two never disagree.
      const run = summary.meta?.verdict;
      if (run !== undefined && run.result !== 'pass') failedRuns.push(run);
    }
    const outcome: GateOutcome = { summaries: inputs.length, thresholdsPath: thresholds.path, sources, checks, failedRuns };
    out.report(gateText(outcome));
    return gatePassed(outcome) ? EXIT.ok : EXIT.failed;
  },
};
