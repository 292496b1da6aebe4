import { trimmed } from '../../lib/trimmed.ts';
import type { Analysis, AnalysisLimitCheck, EndpointAnalysis } from '../analysis/analyze-k6-output.ts';
import { HISTOGRAM_PRECISION } from '../analysis/log-histogram.ts';
import type { SoakVerdict } from '../analysis/soak-degradation.ts';
import type { RecoveryVerdict } from '../analysis/spike-recovery.ts';
import { limitCells } from './limit-cells.ts';
import { formatMs, formatShare } from './number-format.ts';
import { textTable } from './text-table.ts';

const plain = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '-' : trimmed(value));
const share = (value: number | null | undefined) => (value === null || value === undefined ? '-' : formatShare(value));

function endpointRow({ endpoint, requests, requestsPerSecond, errorRate, latency }: EndpointAnalysis): string[] {
  const { min, avg, med, p90, p95, p99, max } = latency;
  return [endpoint, String(requests), plain(requestsPerSecond), share(errorRate), ...[min, avg, med, p90, p95, p99, max].map(plain)];
}

function limitRow(check: AnalysisLimitCheck): string[] {
  return [check.scope, ...limitCells(check)];
}

function checksLine(analysis: Analysis): string {
  if (analysis.checks.length === 0) return 'checks: none in the output';
  const failed = analysis.checks.filter((check) => check.fails > 0);
  const total = analysis.checks.reduce((sum, check) => sum + check.passes + check.fails, 0);
  const fails = analysis.checks.reduce((sum, check) => sum + check.fails, 0);
  const which = failed.map((check) => `${check.name} (${check.fails} of ${check.passes + check.fails})`).join(', ');
  return `checks: ${analysis.checks.length === 1 ? '1 check' : `${analysis.checks.length} checks`}, ${fails} of ${total} failed${which ? `: ${which} (a warning; a check fails a run only through a threshold on checks)` : ''}`;
}

function recoveryLine(recovery: RecoveryVerdict): string {
  const verdict = `spike recovery: ${recovery.verdict.toUpperCase()}: ${recovery.reason}`;
  if (recovery.spikeEndSeconds === null) return verdict;
  const limits = `p95 < ${formatMs(recovery.limits.p95)}, error rate < ${formatShare(recovery.limits.errorRate)}`;
  return `${verdict}; spike end at ${trimmed(recovery.spikeEndSeconds)} s (from ${recovery.spikeEndFrom === 'option' ? '--spike-end' : 'vus'}), baseline limits ${limits}`;
}

function soakLine(soak: SoakVerdict): string {
  if (soak.verdict === 'not applicable' && soak.firstP95 === null && soak.lastP95 === null)
    return `soak degradation: NOT APPLICABLE: ${soak.reason}`;
  const tenths = `first tenth p95 ${soak.firstP95 === null ? '-' : formatMs(soak.firstP95)}, last tenth ${soak.lastP95 === null ? '-' : formatMs(soak.lastP95)}`;
  return `soak degradation: ${soak.verdict.toUpperCase()}: ${soak.reason}; ${tenths}`;
}

/**
 * Writes an analysis as text: the run, exact latency per endpoint, the limits judged, the checks, the spike and soak
 * verdicts, the whole run's series, and the verdict.
 * @param analysis - The outcome of `analyzeK6Output`.
 * @returns The report, without a trailing newline.
 */
export function analysisText(analysis: Analysis): string {
  const files = analysis.files.length === 1 ? '1 file' : `${analysis.files.length} files`;
  const points = (name: string) =>
    new Map(analysis.series.find((series) => series.name === name)?.points.map(([time, value]) => [time, value]));
  const [rps, errors, p95] = [points('requests per second'), points('error rate'), points('p95')];
  const intervals = [...rps.keys()].map((time) => [trimmed(time), plain(rps.get(time)), share(errors.get(time)), plain(p95.get(time))]);
  const kindFrom = { option: 'as given', 'scenario name': "from the scenario's name", default: 'neither a spike nor a soak by name' }[
    analysis.kind.from
  ];
  return [
    `k6-forge analyze: ${files}, ${analysis.samples} samples of ${analysis.lines} lines, read in ${analysis.passes} passes`,
    `run: ${analysis.start} to ${analysis.end} (${trimmed(analysis.durationSeconds)} s)${analysis.scenario === undefined ? '' : `, scenario ${analysis.scenario}`}, judged as ${analysis.kind.value} (${kindFrom})`,
    'http_req_duration in ms; percentiles are exact over all files, as k6 computes them',
    ...textTable(
      [
        ['endpoint', 'requests', 'rps', 'error rate', 'min', 'avg', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
        ...analysis.endpoints.map(endpointRow),
      ],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    ),
    ...(analysis.limits.length === 0
      ? []
      : [
          'limits of the thresholds file, on the exact figures:',
          ...textTable([['scope', 'measure', 'measured', 'limit', 'verdict'], ...analysis.limits.map(limitRow)], [2]),
        ]),
    ...analysis.scenarioProblems.map(({ problem }) => `FAIL: ${problem}`),
    checksLine(analysis),
    recoveryLine(analysis.recovery),
    soakLine(analysis.soak),
    `whole run per ${trimmed(analysis.intervalSeconds)} s${analysis.intervalFrom === 'run length' ? ", chosen from the run's length" : ''} (p95 within ${trimmed(HISTOGRAM_PRECISION * 100)}%; more series in --format json and --html)`,
    ...textTable([['time (s)', 'rps', 'error rate', 'p95 (ms)'], ...intervals], [0, 1, 2, 3]),
    ...analysis.notes.map((note) => `note: ${note}`),
    analysis.verdict.text,
  ].join('\n');
}

/**
 * Writes an analysis as JSON; numbers that do not exist (NaN) become null.
 * @param analysis - The outcome of `analyzeK6Output`.
 * @returns The JSON, indented by two spaces.
 */
export function analysisJson(analysis: Analysis): string {
  return JSON.stringify(analysis, null, 2);
}
