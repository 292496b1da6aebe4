import { parseArgs } from 'node:util';
import { parseDuration } from '../../lib/duration.ts';
import { ForgeError, invalidOption } from '../../lib/errors.ts';
import { readSummaryData } from '../../lib/summary/summary-data.ts';
import type { RunSummary } from '../../lib/summary/types.ts';
import { type Analysis, analyzeK6Output, RUN_KINDS, type RunKind } from '../analysis/analyze-k6-output.ts';
import type { RecoveryLimits } from '../analysis/spike-recovery.ts';
import { numberOption } from '../args/number-option.ts';
import { type Command, EXIT } from '../command.ts';
import { readJsonFile } from '../io/json-file.ts';
import { assertWritable, writeWhole } from '../io/write-whole.ts';
import { readThresholdsFile, type ThresholdsSource } from '../limits/thresholds-source.ts';
import { analysisHtml, analysisSummary } from '../report/analysis-html.ts';
import { analysisJson, analysisText } from '../report/analysis-text.ts';
import { SUMMARY_ACCEPTED, summaryFromJson } from '../summaries/summary-file.ts';

const FORMATS = { text: analysisText, json: analysisJson } as const;

function recoveryLimits(p95Text: string | undefined, errorRateText: string | undefined, source: ThresholdsSource): RecoveryLimits {
  const p95 =
    p95Text === undefined
      ? undefined
      : numberOption('--baseline-p95', p95Text, { min: 0, minExclusive: true, accepted: 'milliseconds above 0, such as 400' });
  const errorRate =
    errorRateText === undefined
      ? undefined
      : numberOption('--baseline-error-rate', errorRateText, {
          min: 0,
          minExclusive: true,
          max: 1,
          accepted: 'a share above 0 and at most 1, such as 0.01',
        });
  if (p95 !== undefined && errorRate !== undefined) return { p95, errorRate };
  const { path, file } = source;
  const gate = file.gates?.['baseline'];
  const limits = { p95: p95 ?? gate?.p95, errorRate: errorRate ?? gate?.errorRate };
  for (const [option, key] of [
    ['--baseline-p95', 'p95'],
    ['--baseline-error-rate', 'errorRate'],
  ] as const) {
    if (limits[key] === undefined)
      throw new ForgeError('invalid_option', { field: option, given: 'nothing', accepted: `a value, or gates.baseline.${key} in ${path}` });
  }
  return limits as RecoveryLimits;
}

/**
 * Reads the run summary the HTML report is drawn from, telling what it lacks; the analysis supplies a missing `meta`.
 * A summary whose start and end do not overlap the output's is of another run, and is refused.
 */
async function reportSummary(path: string, print: (line: string) => void): Promise<(analysis: Analysis) => RunSummary> {
  const json = await readJsonFile(path, SUMMARY_ACCEPTED);
  const { meta } = summaryFromJson(json, path);
  const { data, problems } = readSummaryData(json);
  for (const problem of problems) print(`k6-forge: ${path}: ${problem}`);
  if (meta === undefined)
    print(`k6-forge: ${path} has no start and end (no k6-forge meta), so it cannot be matched to the output's time span`);
  return (analysis) => {
    if (
      meta !== undefined &&
      !(Date.parse(meta.startTime) <= Date.parse(analysis.end) && Date.parse(analysis.start) <= Date.parse(meta.endTime))
    ) {
      invalidOption(
        '--summary',
        path,
        `a summary of the same run: it spans ${meta.startTime} to ${meta.endTime}, the output ${analysis.start} to ${analysis.end}`,
      );
    }
    return { ...data, meta: meta ?? analysisSummary(analysis).meta };
  };
}

/**
 * `k6-forge analyze <out.json[.gz]>... [--interval D] [--expect spike|soak|steady] [--spike-end S] [--baseline-p95 MS]
 * [--baseline-error-rate R] [--thresholds F] [--html report.html [--summary F]] [--format text|json]`: analyzes k6
 * `--out json` output and judges it: the scenario's and endpoints' limits of the thresholds file on exact figures,
 * spike recovery for a spike, soak degradation for a soak of 10 minutes or more. The recovery's baseline limits
 * default to `gates.baseline` of the thresholds file.
 * Exits 0 when the run passed, 1 when a verdict failed or nothing had data to be judged on.
 * Throws {@link ForgeError} for bad input: no files, a bad option, a missing, empty, truncated or malformed file.
 */
export const analyzeCommand: Command = {
  usage: `analyze <out.json[.gz]>... [--interval D] [--expect spike|soak|steady] [--spike-end SECONDS] [--baseline-p95 MS]
        [--baseline-error-rate R] [--thresholds F] [--html report.html [--summary F]] [--format text|json]
    Stream k6 --out json output (several files merge as one run): exact percentiles per endpoint, the
    scenario's and endpoints' limits of the thresholds file on them, checks, series per interval (chosen
    from the run's length unless given), spike recovery (within 30 s) for a spike and soak degradation
    (under 10%) for a soak of 10 min or more, by --expect or the scenario's name. Recovery limits default
    to gates.baseline. Exits 1 when a verdict fails or no limit had data; --summary must be of the same run.`,
  async run(args, out) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        interval: { type: 'string' },
        expect: { type: 'string' },
        'spike-end': { type: 'string' },
        'baseline-p95': { type: 'string' },
        'baseline-error-rate': { type: 'string' },
        thresholds: { type: 'string' },
        html: { type: 'string' },
        summary: { type: 'string' },
        format: { type: 'string', default: 'text' },
      },
    });
    if (positionals.length === 0)
      throw new ForgeError('invalid_option', { field: 'analyze', given: 'no files', accepted: 'one or more k6 --out json files' });
    if (!Object.hasOwn(FORMATS, values.format)) invalidOption('--format', values.format, 'text or json');
    if (values.summary !== undefined && values.html === undefined) {
      invalidOption('--summary', values.summary, 'a summary only together with --html, whose report it is drawn from');
    }
    if (values.expect !== undefined && !(RUN_KINDS as readonly string[]).includes(values.expect)) {
      invalidOption('--expect', values.expect, `one of ${RUN_KINDS.join(', ')}`);
    }
    const spikeEnd = values['spike-end'];
    if (values.html !== undefined) await assertWritable(values.html);
    const thresholds = await readThresholdsFile(values.thresholds);
    const recovery = recoveryLimits(values['baseline-p95'], values['baseline-error-rate'], thresholds);
    const summaryFor = values.summary === undefined ? analysisSummary : await reportSummary(values.summary, out.print);
    const analysis = await analyzeK6Output({
      files: positionals,
      intervalMs: values.interval === undefined ? undefined : parseDuration(values.interval, '--interval'),
      spikeEndSeconds:
        spikeEnd === undefined
          ? undefined
          : numberOption('--spike-end', spikeEnd, { min: 0, accepted: 'seconds since the run started, such as 190' }),
      recoveryLimits: recovery,
      expect: values.expect as RunKind | undefined,
      thresholds: thresholds.file,
    });
    out.report(FORMATS[values.format as keyof typeof FORMATS](analysis));
    if (values.html !== undefined) {
      await writeWhole(values.html, analysisHtml(analysis, summaryFor(analysis)), { replace: true });
      out.print(`k6-forge: wrote the report to ${values.html}`);
    }
    return analysis.verdict.result === 'pass' ? EXIT.ok : EXIT.failed;
  },
};
