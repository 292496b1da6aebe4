import { checkResults } from './internal/check-results.ts';
import { endpointLabel, endpointLatencies, latencyText } from './internal/endpoint-latency.ts';
import { metricRows } from './internal/metric-rows.ts';
import { runFacts } from './internal/run-facts.ts';
import { thresholdRows } from './internal/threshold-rows.ts';
import { markdownCode, markdownTable, markdownText } from './markdown.ts';
import type { RunSummary, VerdictResult } from './types.ts';

/** How each verdict shows in Markdown. */
const MARKS: Readonly<Record<VerdictResult, string>> = { pass: '✅', fail: '❌', 'no data': '⚪ no data' };

/**
 * Writes Markdown for a CI job summary: the verdict, the run's facts and problems, then tables of thresholds
 * (measured value, ✅/❌/no data), latency per endpoint (`not called` without requests), every metric (counters with
 * their rate per second, rates as a percentage, gauges with min and max, trends with the run's trend columns) and
 * checks (a failed check is a warning ⚠️: only a threshold fails a run, as in k6).
 * @param summary - The run summary.
 * @returns The Markdown, ending in a newline.
 */
export function markdownReport(summary: RunSummary): string {
  const { verdict } = summary.meta;
  const lines = [`## ${MARKS[verdict.result]} ${markdownText(verdict.text)}`, '', runFacts(summary.meta).map(markdownText).join(' · '), ''];
  if (verdict.problems.length > 0) lines.push(...verdict.problems.map((problem) => `- ❌ ${markdownText(problem)}`), '');
  lines.push('### Thresholds', '');
  const thresholds = thresholdRows(summary);
  if (thresholds.length === 0) lines.push('No thresholds were set.');
  else {
    const rows = thresholds.map((row) => [
      markdownCode(row.metric),
      markdownCode(row.expression),
      markdownText(row.measured),
      MARKS[row.result],
    ]);
    lines.push(...markdownTable(['metric', 'expression', 'measured', 'result'], ['---', '---', '---:', ':---:'], rows));
  }

  lines.push('', '### Latency per endpoint', '');
  const stats = summary.options.summaryTrendStats;
  const latencies = endpointLatencies(summary.metrics);
  if (latencies.length === 0) lines.push('No HTTP request was timed.');
  else {
    const rows = latencies.map((row) => [
      markdownText(endpointLabel(row)),
      ...stats.map((stat) => latencyText(row, stat, summary.options.summaryTimeUnit)),
    ]);
    lines.push(...markdownTable(['endpoint', ...stats.map(markdownText)], ['---', ...stats.map(() => '---:')], rows));
  }

  lines.push('', '### Metrics', '');
  const { trends, values } = metricRows(summary);
  if (trends.length === 0 && values.length === 0) lines.push('No metric was recorded.');
  if (values.length > 0) {
    const rows = values.map((row) => [markdownCode(row.metric), row.type, markdownText(row.value), markdownText(row.detail)]);
    lines.push(...markdownTable(['metric', 'type', 'value', 'rate, share or range'], ['---', '---', '---:', '---:'], rows));
  }
  if (trends.length > 0) {
    if (values.length > 0) lines.push('');
    const rows = trends.map((row) => [markdownCode(row.metric), ...row.stats.map(markdownText)]);
    lines.push(...markdownTable(['trend', ...stats.map(markdownText)], ['---', ...stats.map(() => '---:')], rows));
  }

  lines.push('', '### Checks', '');
  const checks = checkResults(summary.root_group);
  if (checks.length === 0) lines.push('No checks ran.');
  else {
    const rows = checks.map((check) => [
      check.groups.length > 0 ? markdownText(check.groups.join(' › ')) : '–',
      markdownText(check.name),
      String(check.passes),
      String(check.fails),
      check.fails === 0 ? '✅' : '⚠️',
    ]);
    lines.push(...markdownTable(['group', 'check', 'passes', 'fails', 'result'], ['---', '---', '---:', '---:', ':---:'], rows));
  }
  return `${lines.join('\n')}\n`;
}
