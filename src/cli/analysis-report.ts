import type { Analysis, EndpointAnalysis } from './analysis.ts';
import { HISTOGRAM_PRECISION } from './log-histogram.ts';
import { formatMs, formatShare, trimmed } from './number-format.ts';
import type { RecoveryVerdict } from './spike-recovery.ts';
import type { SoakVerdict } from './soak-degradation.ts';
import { textTable } from './text-table.ts';

const plain = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '-' : trimmed(value));
const share = (value: number | null | undefined) => (value === null || value === undefined ? '-' : formatShare(value));

function endpointRow({ endpoint, requests, requestsPerSecond, errorRate, latency }: EndpointAnalysis): string[] {
  const { min, avg, med, p90, p95, p99, max } = latency;
  return [endpoint, String(requests), plain(requestsPerSecond), share(errorRate), ...[min, avg, med, p90, p95, p99, max].map(plain)];
}

function recoveryLine(recovery: RecoveryVerdict): string {
  const verdict = `spike recovery: ${recovery.verdict.toUpperCase()}: ${recovery.reason}`;
  if (recovery.spikeEndSeconds === null) return verdict;
  const limits = `p95 < ${formatMs(recovery.limits.p95)}, error rate < ${formatShare(recovery.limits.errorRate)}`;
  return `${verdict}; spike end at ${trimmed(recovery.spikeEndSeconds)} s (from ${recovery.spikeEndFrom === 'option' ? '--spike-end' : 'vus'}), baseline limits ${limits}`;
}

function soakLine(soak: SoakVerdict): string {
  const tenths = `first tenth p95 ${soak.firstP95 === null ? '-' : formatMs(soak.firstP95)}, last tenth ${soak.lastP95 === null ? '-' : formatMs(soak.lastP95)}`;
  return `soak degradation: ${soak.verdict.toUpperCase()}: ${soak.reason}; ${tenths}`;
}

/**
 * Writes an analysis as text: the run, exact latency per endpoint, the verdicts, and the whole run's series.
 * @param analysis - The outcome of `analyzeK6Output`.
 * @returns The report, without a trailing newline.
 */
export function analysisText(analysis: Analysis): string {
  const files = analysis.files.length === 1 ? '1 file' : `${analysis.files.length} files`;
  const points = (name: string) => new Map(analysis.series.find((series) => series.name === name)?.points.map(([time, value]) => [time, value]));
  const [rps, errors, p95] = [points('requests per second'), points('error rate'), points('p95')];
  const intervals = [...rps.keys()].map((time) => [trimmed(time), plain(rps.get(time)), share(errors.get(time)), plain(p95.get(time))]);
  return [
    `k6-forge analyze: ${files}, ${analysis.samples} samples of ${analysis.lines} lines, read in ${analysis.passes} passes`,
    `run: ${analysis.start} to ${analysis.end} (${trimmed(analysis.durationSeconds)} s)${analysis.scenario === undefined ? '' : `, scenario ${analysis.scenario}`}`,
    'http_req_duration in ms; percentiles are exact over all files, as k6 computes them',
    ...textTable(
      [['endpoint', 'requests', 'rps', 'error rate', 'min', 'avg', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'], ...analysis.endpoints.map(endpointRow)],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    ),
    recoveryLine(analysis.recovery),
    soakLine(analysis.soak),
    `whole run per ${trimmed(analysis.intervalSeconds)} s (p95 within ${trimmed(HISTOGRAM_PRECISION * 100)}%; more series in --format json and --html)`,
    ...textTable([['time (s)', 'rps', 'error rate', 'p95 (ms)'], ...intervals], [0, 1, 2, 3]),
    ...analysis.notes.map((note) => `note: ${note}`),
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
