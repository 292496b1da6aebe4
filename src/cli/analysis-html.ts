import { readFileSync } from 'node:fs';
import { htmlReport } from '../lib/summary/html-report.ts';
import { runVerdict } from '../lib/summary/run-verdict.ts';
import type { RunMeta, RunSummary, SummaryMetric, ThresholdVerdict } from '../lib/summary/types.ts';
import type { Analysis, EndpointAnalysis } from './analysis.ts';
import { WHOLE_RUN } from './comparable.ts';
import { SOAK_LIMIT } from './soak-degradation.ts';
import { RECOVERY_LIMIT_SECONDS } from './spike-recovery.ts';

const { version: VERSION } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

function latencyMetric({ latency }: EndpointAnalysis): SummaryMetric {
  const { avg, min, med, max, p90, p95, p99 } = latency;
  return { type: 'trend', contains: 'time', values: { avg, min, med, max, 'p(90)': p90, 'p(95)': p95, 'p(99)': p99 } };
}

/** The analysis verdicts as gauges with one threshold each, so the report's thresholds table and headline show them. */
function verdictMetrics(analysis: Analysis): { metrics: Record<string, SummaryMetric>; verdicts: ThresholdVerdict[] } {
  const metrics: Record<string, SummaryMetric> = {};
  const verdicts: ThresholdVerdict[] = [];
  const add = (metric: string, expression: string, value: number | null, ok: boolean) => {
    metrics[metric] = { type: 'gauge', contains: 'default', values: value === null ? {} : { value }, thresholds: { [expression]: { ok } } };
    verdicts.push({ metric, expression, ok, result: ok ? 'pass' : 'fail' });
  };
  const { recovery, soak } = analysis;
  if (recovery.verdict !== 'not applicable') add('spike_recovery_seconds', `value<=${RECOVERY_LIMIT_SECONDS}`, recovery.recoverySeconds, recovery.verdict === 'pass');
  if (soak.verdict !== 'not applicable') add('soak_p95_change', `value<${SOAK_LIMIT}`, soak.change, soak.verdict === 'pass');
  return { metrics, verdicts };
}

/**
 * Builds a run summary from an analysis alone, for a report when there is no `<scenario>-summary.json`.
 * @param analysis - The outcome of `analyzeK6Output`.
 * @returns A summary with the exact latency per endpoint, request count and rate, and error rate.
 */
export function analysisSummary(analysis: Analysis): RunSummary {
  const metrics: Record<string, SummaryMetric> = {};
  for (const endpoint of analysis.endpoints) {
    metrics[endpoint.endpoint === WHOLE_RUN ? 'http_req_duration' : `http_req_duration{endpoint:${endpoint.endpoint}}`] = latencyMetric(endpoint);
  }
  const whole = analysis.endpoints.find((endpoint) => endpoint.endpoint === WHOLE_RUN)!;
  metrics['http_reqs'] = { type: 'counter', contains: 'default', values: { count: whole.requests, ...(whole.requestsPerSecond !== null && { rate: whole.requestsPerSecond }) } };
  if (whole.errorRate !== null) metrics['http_req_failed'] = { type: 'rate', contains: 'default', values: { rate: whole.errorRate } };
  const scenario = analysis.scenario ?? 'k6 output';
  const meta: RunMeta = {
    scenario,
    environment: 'unknown',
    targetHost: '',
    startTime: analysis.start,
    endTime: analysis.end,
    k6ForgeVersion: VERSION,
    thresholds: [],
    verdict: runVerdict({ scenario, thresholds: [] }),
  };
  return {
    root_group: { name: '', path: '', id: '', groups: [], checks: [] },
    options: { summaryTrendStats: TREND_STATS, summaryTimeUnit: '', noColor: true },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: analysis.durationSeconds * 1000 },
    metrics,
    meta,
  };
}

/**
 * Writes the HTML report of a run with the analysis's series as charts and its verdicts among the thresholds.
 * @param analysis - The outcome of `analyzeK6Output`.
 * @param summary - The run's own summary, when there is one. @default analysisSummary(analysis)
 * @returns The self-contained HTML document.
 */
export function analysisHtml(analysis: Analysis, summary: RunSummary = analysisSummary(analysis)): string {
  const { metrics, verdicts } = verdictMetrics(analysis);
  const thresholds = [...summary.meta.thresholds, ...verdicts];
  const withVerdicts: RunSummary = {
    ...summary,
    metrics: { ...summary.metrics, ...metrics },
    meta: { ...summary.meta, thresholds, verdict: runVerdict({ ...summary.meta, thresholds }) },
  };
  return htmlReport(withVerdicts, analysis.series);
}
