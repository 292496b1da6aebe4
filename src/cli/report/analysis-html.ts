import { WHOLE_RUN } from '../../lib/summary/endpoints.ts';
import { htmlReport } from '../../lib/summary/html-report.ts';
import { runVerdict } from '../../lib/summary/run-verdict.ts';
import type { RunMeta, RunSummary, SummaryCheck, SummaryGroup, SummaryMetric, ThresholdVerdict } from '../../lib/summary/types.ts';
import type { Analysis, EndpointAnalysis } from '../analysis/analyze-k6-output.ts';
import { SOAK_LIMIT } from '../analysis/soak-degradation.ts';
import { RECOVERY_LIMIT_SECONDS } from '../analysis/spike-recovery.ts';
import { PACKAGE_VERSION } from '../io/package-version.ts';

const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

function latencyMetric({ latency }: EndpointAnalysis): SummaryMetric {
  const { avg, min, med, max, p90, p95, p99 } = latency;
  return { type: 'trend', contains: 'time', values: { avg, min, med, max, 'p(90)': p90, 'p(95)': p95, 'p(99)': p99 } };
}

/**
 * The analysis verdicts as thresholds, so the report's thresholds table and headline show them: the thresholds
 * file's limits on their metrics, a scenario without iterations as k6's `count>0` on its iterations, and the spike and
 * soak verdicts as gauges with one threshold each.
 */
function verdictMetrics(analysis: Analysis): { metrics: Record<string, SummaryMetric>; verdicts: ThresholdVerdict[] } {
  const metrics: Record<string, SummaryMetric> = {};
  const verdicts: ThresholdVerdict[] = analysis.limits.map((check) => ({
    metric: check.metric,
    expression: `${check.measure}<${check.limit}`,
    ok: check.verdict !== 'fail',
    result: check.verdict,
  }));
  for (const { scenario } of analysis.scenarioProblems) {
    const metric = `iterations{scenario:${scenario}}`;
    metrics[metric] = { type: 'counter', contains: 'default', values: { count: 0 }, thresholds: { 'count>0': { ok: false } } };
    verdicts.push({ metric, expression: 'count>0', ok: false, result: 'fail' });
  }
  const add = (metric: string, expression: string, value: number | null, ok: boolean) => {
    metrics[metric] = { type: 'gauge', contains: 'default', values: value === null ? {} : { value }, thresholds: { [expression]: { ok } } };
    verdicts.push({ metric, expression, ok, result: ok ? 'pass' : 'fail' });
  };
  const { recovery, soak } = analysis;
  if (recovery.verdict !== 'not applicable')
    add('spike_recovery_seconds', `value<=${RECOVERY_LIMIT_SECONDS}`, recovery.recoverySeconds, recovery.verdict === 'pass');
  if (soak.verdict !== 'not applicable') add('soak_p95_change', `value<${SOAK_LIMIT}`, soak.change, soak.verdict === 'pass');
  return { metrics, verdicts };
}

/** The checks of the output as k6's root group: each under its nested groups. */
function checkGroups(analysis: Analysis): SummaryGroup {
  const root: SummaryGroup = { name: '', path: '', id: '', groups: [], checks: [] };
  for (const check of analysis.checks) {
    let group = root;
    for (const name of check.groups) {
      let next = group.groups.find((sub) => sub.name === name);
      if (!next) {
        next = { name, path: `${group.path}::${name}`, id: '', groups: [], checks: [] };
        (group.groups as SummaryGroup[]).push(next);
      }
      group = next;
    }
    (group.checks as SummaryCheck[]).push({
      name: check.name,
      path: `${group.path}::${check.name}`,
      id: '',
      passes: check.passes,
      fails: check.fails,
    });
  }
  return root;
}

/**
 * Builds a run summary from an analysis alone, for a report when there is no `<scenario>-summary.json`.
 * @param analysis - The outcome of `analyzeK6Output`.
 * @returns A summary with the exact latency and error rate per endpoint, request count and rate, and the checks.
 */
export function analysisSummary(analysis: Analysis): RunSummary {
  const metrics: Record<string, SummaryMetric> = {};
  for (const endpoint of analysis.endpoints) {
    const selector = endpoint.endpoint === WHOLE_RUN ? '' : `{endpoint:${endpoint.endpoint}}`;
    metrics[`http_req_duration${selector}`] = latencyMetric(endpoint);
    if (endpoint.errorRate !== null)
      metrics[`http_req_failed${selector}`] = { type: 'rate', contains: 'default', values: { rate: endpoint.errorRate } };
  }
  const whole = analysis.endpoints.find((endpoint) => endpoint.endpoint === WHOLE_RUN)!;
  metrics['http_reqs'] = {
    type: 'counter',
    contains: 'default',
    values: { count: whole.requests, ...(whole.requestsPerSecond !== null && { rate: whole.requestsPerSecond }) },
  };
  const scenario = analysis.scenario ?? 'k6 output';
  const meta: RunMeta = {
    scenario,
    environment: 'unknown',
    targetHost: '',
    startTime: analysis.start,
    endTime: analysis.end,
    k6ForgeVersion: PACKAGE_VERSION,
    thresholds: [],
    verdict: runVerdict({ scenario, thresholds: [] }),
  };
  return {
    root_group: checkGroups(analysis),
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
