import { parseArgs } from 'node:util';
import { invalidOption } from '../../lib/errors.ts';
import { numberOption } from '../args/number-option.ts';
import { type Command, EXIT } from '../command.ts';
import { compareJson, compareMarkdown, compareText } from '../report/compare-report.ts';
import { readComparable } from '../summaries/baseline-file.ts';
import { compareRuns, DEFAULT_TOLERANCES, type Tolerances } from '../summaries/comparison.ts';

const FORMATS = { text: compareText, json: compareJson, markdown: compareMarkdown } as const;

/**
 * `k6-forge compare <current> <baseline> [--format text|json|markdown] [--min-throughput 0.9] [--p95-tolerance 0.10]
 * [--error-rate-tolerance 0.005]`: regression detection per endpoint with {@link compareRuns}. Exits 0 when every
 * check passed, 1 when one failed; throws {@link ForgeError} for bad input (not two files, a bad option, an
 * unreadable or malformed file).
 */
export const compareCommand: Command = {
  usage: `compare <current> <baseline> [--format text|json|markdown] [--min-throughput 0.9] [--p95-tolerance 0.10]
        [--error-rate-tolerance 0.005]
    Regression check per endpoint: throughput below 90% of the baseline's, p95 more than 10% higher or
    error rate more than 0.5 points higher fails; exactly at a limit passes. Files: summaries or baselines.`,
  async run(args, out) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'min-throughput': { type: 'string' },
        'p95-tolerance': { type: 'string' },
        'error-rate-tolerance': { type: 'string' },
      },
    });
    if (positionals.length !== 2) {
      invalidOption('compare', positionals.join(' ') || undefined, 'two files: <current> <baseline>');
    }
    const format = FORMATS[values.format as keyof typeof FORMATS];
    if (!Object.hasOwn(FORMATS, values.format)) invalidOption('--format', values.format, 'text, json or markdown');
    const option = (name: keyof typeof values, fallback: number, range: Parameters<typeof numberOption>[2]) => {
      const text = values[name];
      return typeof text === 'string' ? numberOption(`--${name}`, text, range) : fallback;
    };
    const tolerances: Tolerances = {
      minThroughput: option('min-throughput', DEFAULT_TOLERANCES.minThroughput, {
        min: 0,
        minExclusive: true,
        max: 1,
        accepted: 'a share of the baseline above 0 and at most 1, such as 0.9',
      }),
      p95Tolerance: option('p95-tolerance', DEFAULT_TOLERANCES.p95Tolerance, {
        min: 0,
        accepted: 'a relative increase of at least 0, such as 0.10 for +10%',
      }),
      errorRateTolerance: option('error-rate-tolerance', DEFAULT_TOLERANCES.errorRateTolerance, {
        min: 0,
        max: 1,
        accepted: 'an absolute increase from 0 to 1, such as 0.005 for +0.5 points',
      }),
    };
    const [currentFile, baselineFile] = positionals as [string, string];
    const comparison = compareRuns(await readComparable(currentFile), await readComparable(baselineFile), tolerances);
    out.report(format(comparison));
    return comparison.passed ? EXIT.ok : EXIT.failed;
  },
};
