import { checkResults } from './internal/check-results.ts';
import { endpointLabel, endpointLatencies, latencyText } from './internal/endpoint-latency.ts';
import { runFacts } from './internal/run-facts.ts';
import { thresholdRows } from './internal/threshold-rows.ts';
import type { RunSummary, VerdictResult } from './types.ts';

/** How each verdict shows in Markdown. */
const MARKS: Readonly<Record<VerdictResult, string>> = { pass: '✅', fail: '❌', 'no data': '⚪ no data' };

/** Escapes text for a Markdown table cell: Markdown's punctuation, HTML brackets and the cell separator. */
function text(value: string): string {
  return value.replace(/[\\`*_[\]<>|#~&]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Writes a metric name or expression as code; `|` stays escaped, since tables split on it even in code. */
function code(value: string): string {
  return value.includes('`') ? text(value) : `\`${value.replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ')}\``;
}

function table(head: readonly string[], align: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

/**
 * Writes Markdown for a CI job summary: the verdict, the run's facts and problems, then tables of thresholds
 * (measured value, ✅/❌/no data), latency per endpoint (`not called` without requests) and checks (a failed check
 * is a warning ⚠️: only a threshold fails a run, as in k6).
 * @param summary - The run summary.
 * @returns The Markdown, ending in a newline.
 */
export function markdownReport(summary: RunSummary): string {
  const { verdict } = summary.meta;
  const lines = [`## ${MARKS[verdict.result]} ${text(verdict.text)}`, '', runFacts(summary.meta).map(text).join(' · '), ''];
  if (verdict.problems.length > 0) lines.push(...verdict.problems.map((problem) => `- ❌ ${text(problem)}`), '');
  lines.push('### Thresholds', '');
  const thresholds = thresholdRows(summary);
  if (thresholds.length === 0) lines.push('No thresholds were set.');
  else {
    const rows = thresholds.map((row) => [code(row.metric), code(row.expression), text(row.measured), MARKS[row.result]]);
    lines.push(...table(['metric', 'expression', 'measured', 'result'], ['---', '---', '---:', ':---:'], rows));
  }

  lines.push('', '### Latency per endpoint', '');
  const stats = summary.options.summaryTrendStats;
  const latencies = endpointLatencies(summary.metrics);
  if (latencies.length === 0) lines.push('No HTTP request was timed.');
  else {
    const rows = latencies.map((row) => [
      text(endpointLabel(row)),
      ...stats.map((stat) => latencyText(row, stat, summary.options.summaryTimeUnit)),
    ]);
    lines.push(...table(['endpoint', ...stats.map(text)], ['---', ...stats.map(() => '---:')], rows));
  }

  lines.push('', '### Checks', '');
  const checks = checkResults(summary.root_group);
  if (checks.length === 0) lines.push('No checks ran.');
  else {
    const rows = checks.map((check) => [
      check.groups.length > 0 ? text(check.groups.join(' › ')) : '–',
      text(check.name),
      String(check.passes),
      String(check.fails),
      check.fails === 0 ? '✅' : '⚠️',
    ]);
    lines.push(...table(['group', 'check', 'passes', 'fails', 'result'], ['---', '---', '---:', '---:', ':---:'], rows));
  }
  return `${lines.join('\n')}\n`;
}
