import { checkResults } from './internal/check-results.ts';
import { endpointLabel, endpointLatencies, latencyText } from './internal/endpoint-latency.ts';
import { escapeXml } from './internal/escape-xml.ts';
import { metricRows } from './internal/metric-rows.ts';
import { runFacts } from './internal/run-facts.ts';
import { barChart, lineChart } from './internal/svg-chart.ts';
import { thresholdRows } from './internal/threshold-rows.ts';
import type { RunSummary, Series, VerdictResult } from './types.ts';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:980px;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}h1.pass{color:#1a7f37}h1.fail{color:#cf222e}h1.nodata{color:#59636e}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.fail td{background:#ffebe9}
.facts{color:#59636e}code{font-size:.9em}svg.chart{display:block;margin:1rem 0;font-size:12px}
svg .title{font-weight:600}svg .bar{fill:#0969da}svg .axis{stroke:#59636e}svg .line{fill:none;stroke:#0969da;stroke-width:1.5}`;

/** Each verdict's result cell, heading class and mark. */
const VERDICTS: Readonly<Record<VerdictResult, { readonly cell: string; readonly className: string; readonly mark: string }>> = {
  pass: { cell: '<td>✅ pass</td>', className: 'pass', mark: '✅' },
  fail: { cell: '<td>❌ fail</td>', className: 'fail', mark: '❌' },
  'no data': { cell: '<td>⚪ no data</td>', className: 'nodata', mark: '⚪' },
};
const WARNING = '<td>⚠️ warning</td>';

function table(head: readonly string[], rows: readonly string[]): string {
  return `<table><thead><tr>${head.map((cell) => `<th>${escapeXml(cell)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function row(cells: readonly string[], failed = false): string {
  return `<tr${failed ? ' class="fail"' : ''}>${cells.join('')}</tr>`;
}

const cell = (value: string, className?: string) => `<td${className ? ` class="${className}"` : ''}>${escapeXml(value)}</td>`;
const codeCell = (value: string) => `<td><code>${escapeXml(value)}</code></td>`;

function latencySection(summary: RunSummary): string {
  const stats = summary.options.summaryTrendStats;
  const latencies = endpointLatencies(summary.metrics);
  if (latencies.length === 0) return '<p>No HTTP request was timed.</p>';
  const timeUnit = summary.options.summaryTimeUnit;
  const rows = latencies.map((latency) =>
    row([cell(endpointLabel(latency)), ...stats.map((stat) => cell(latencyText(latency, stat, timeUnit), 'num'))]),
  );
  const bars = latencies.flatMap((latency) => {
    const value = latency.values['p(95)'];
    return value === undefined || !latency.called
      ? []
      : [{ label: latency.endpoint, value, text: latencyText(latency, 'p(95)', timeUnit) }];
  });
  const chart =
    bars.length > 0 ? barChart('p(95) per endpoint', bars) : '<p>p(95) is not among summaryTrendStats, so there is no chart.</p>';
  return `${table(['endpoint', ...stats], rows)}\n${chart}`;
}

function thresholdSection(summary: RunSummary): string {
  const rows = thresholdRows(summary).map((threshold) =>
    row(
      [codeCell(threshold.metric), codeCell(threshold.expression), cell(threshold.measured, 'num'), VERDICTS[threshold.result].cell],
      threshold.result === 'fail',
    ),
  );
  return rows.length === 0 ? '<p>No thresholds were set.</p>' : table(['metric', 'expression', 'measured', 'result'], rows);
}

function metricSection(summary: RunSummary): string {
  const { trends, values } = metricRows(summary);
  if (trends.length === 0 && values.length === 0) return '<p>No metric was recorded.</p>';
  const valueRows = values.map((metric) =>
    row([codeCell(metric.metric), cell(metric.type), cell(metric.value, 'num'), cell(metric.detail, 'num')]),
  );
  const trendRows = trends.map((trend) => row([codeCell(trend.metric), ...trend.stats.map((stat) => cell(stat, 'num'))]));
  return [
    ...(valueRows.length > 0 ? [table(['metric', 'type', 'value', 'rate, share or range'], valueRows)] : []),
    ...(trendRows.length > 0 ? [table(['trend', ...summary.options.summaryTrendStats], trendRows)] : []),
  ].join('\n');
}

function checkSection(summary: RunSummary): string {
  const rows = checkResults(summary.root_group).map((check) =>
    row([
      cell(check.groups.join(' › ') || '–'),
      cell(check.name),
      cell(String(check.passes), 'num'),
      cell(String(check.fails), 'num'),
      check.fails === 0 ? VERDICTS.pass.cell : WARNING,
    ]),
  );
  return rows.length === 0 ? '<p>No checks ran.</p>' : table(['group', 'check', 'passes', 'fails', 'result'], rows);
}

/**
 * Writes a self-contained HTML report: inline style only, no script, link or external URL, every text escaped;
 * latency per endpoint with a p(95) bar chart, thresholds, every metric (counters with their rate per second, rates
 * as a percentage, gauges with min and max, trends with the run's trend columns), checks, and a line chart per series when given,
 * all charts as inline SVG.
 * @param summary - The run summary.
 * @param series - Time series from `k6-forge analyze`, one chart each.
 * @returns The HTML document, ending in a newline.
 */
export function htmlReport(summary: RunSummary, series: readonly Series[] = []): string {
  const { result, text, problems } = summary.meta.verdict;
  const { className, mark } = VERDICTS[result];
  const sections = [
    `<section><h2>Latency per endpoint</h2>\n${latencySection(summary)}\n</section>`,
    `<section><h2>Thresholds</h2>\n${thresholdSection(summary)}\n</section>`,
    `<section><h2>Metrics</h2>\n${metricSection(summary)}\n</section>`,
    `<section><h2>Checks</h2>\n${checkSection(summary)}\n</section>`,
    ...(series.length > 0 ? [`<section><h2>Over time</h2>\n${series.map(lineChart).join('\n')}\n</section>`] : []),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeXml(`k6-forge: ${text}`)}</title><style>${STYLE}</style></head>`,
    '<body>',
    `<header><h1 class="${className}">${mark} ${escapeXml(text)}</h1>`,
    `<p class="facts">${escapeXml(runFacts(summary.meta).join(' · '))}</p>`,
    ...(problems.length > 0 ? [`<ul>${problems.map((problem) => `<li>❌ ${escapeXml(problem)}</li>`).join('')}</ul>`] : []),
    '</header>',
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
