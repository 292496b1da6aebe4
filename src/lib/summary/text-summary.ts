import { hasSamples } from './has-samples.ts';
import { humanizeValue } from './internal/humanize.ts';
import { compareMetricNames } from './internal/metric-names.ts';
import type { SummaryCheck, SummaryData, SummaryGroup, SummaryMetric } from './types.ts';

/** How `textSummary` writes. */
export interface TextSummaryOptions {
  /**
   * Colour marks and values with ANSI codes.
   * @default true when k6's `noColor` is off and stdout is a terminal
   */
  readonly enableColors?: boolean | undefined;
  /**
   * Lines k6-forge adds after k6's layout, such as problems with the data or where the results went.
   * @default []
   */
  readonly notes?: readonly string[] | undefined;
}

type Paint = (text: string, ...codes: string[]) => string;

const GREEN = '32';
const RED = '31';
const CYAN = '36';
const FAINT = '2';
const PASS = '✓';
const FAIL = '✗';
const NO_DATA = '∅';

/** One column of a metric line: a fixed prefix (`p(95)=`) and a value, which gets the colour. */
interface Cell {
  readonly prefix: string;
  readonly value: string;
  readonly faint: boolean;
}

const width = (text: string): number => [...text].length;

function checkLines(check: SummaryCheck, indent: string, paint: Paint): string[] {
  if (check.fails === 0) return [paint(`${indent}${PASS} ${check.name}`, GREEN)];
  const total = check.passes + check.fails;
  const percent = total > 0 ? Math.floor((100 * check.passes) / total) : 0;
  return [
    paint(`${indent}${FAIL} ${check.name}`, RED),
    paint(`${indent} ↳  ${percent}% — ${PASS} ${check.passes} / ${FAIL} ${check.fails}`, RED),
  ];
}

function groupLines(group: SummaryGroup, indent: string, paint: Paint): string[] {
  const lines: string[] = [];
  let inner = indent;
  if (group.name !== '') {
    lines.push(`${indent}█ ${group.name}`, '');
    inner = `${indent}  `;
  }
  for (const check of group.checks) lines.push(...checkLines(check, inner, paint));
  if (group.checks.length > 0) lines.push('');
  for (const sub of group.groups) lines.push(...groupLines(sub, inner, paint));
  return lines;
}

function cellsOf(metric: SummaryMetric, options: SummaryData['options']): Cell[] {
  const show = (value: number | undefined) => humanizeValue(value, metric, options.summaryTimeUnit);
  const { values } = metric;
  const count = (value: number | undefined) => (value === undefined ? '-' : String(value));
  const plain = (value: string, faint = false): Cell => ({ prefix: '', value, faint });
  switch (metric.type) {
    case 'trend':
      return options.summaryTrendStats.map((stat) => ({
        prefix: `${stat}=`,
        value: stat === 'count' ? count(values[stat]) : show(values[stat]),
        faint: false,
      }));
    case 'counter':
      return [plain(show(values['count'])), plain(`${show(values['rate'])}/s`, true)];
    case 'gauge':
      return [plain(show(values['value'])), plain(`min=${show(values['min'])}`, true), plain(`max=${show(values['max'])}`, true)];
    case 'rate':
      return [
        plain(show(values['rate'])),
        plain(`${PASS} ${count(values['passes'])}`, true),
        plain(`${FAIL} ${count(values['fails'])}`, true),
      ];
  }
}

function metricLines(data: Omit<SummaryData, 'setup_data'>, paint: Paint): string[] {
  const names = Object.keys(data.metrics).sort(compareMetricNames);
  const rows = names.map((name) => {
    const metric = data.metrics[name] as SummaryMetric;
    const brace = name.indexOf('{');
    // A sub-metric is indented under its parent and shows only its tags: `{ endpoint:login }`.
    const [indent, label] = brace < 0 ? ['', name] : ['  ', `{ ${name.slice(brace + 1, -1)} }`];
    return { metric, indent, label, cells: cellsOf(metric, data.options) };
  });
  // Trend columns line up with trend columns, the others with the others.
  const columnWidths = { trend: [] as number[], other: [] as number[] };
  for (const row of rows) {
    const widths = columnWidths[row.metric.type === 'trend' ? 'trend' : 'other'];
    row.cells.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, width(cell.prefix + cell.value));
    });
  }
  const labelWidth = Math.max(0, ...rows.map((row) => width(row.indent + row.label)));
  return rows.map(({ metric, indent, label, cells }) => {
    const verdicts = Object.values(metric.thresholds ?? {});
    const mark =
      metric.thresholds === undefined
        ? ' '
        : verdicts.some((verdict) => !verdict.ok && !verdict.unjudged)
          ? paint(FAIL, RED)
          : hasSamples(metric.values) && verdicts.every((verdict) => verdict.ok)
            ? paint(PASS, GREEN)
            : paint(NO_DATA, FAINT);
    const widths = columnWidths[metric.type === 'trend' ? 'trend' : 'other'];
    const shown = cells.map((cell, index) => {
      const value = cell.faint ? paint(cell.value, CYAN, FAINT) : paint(cell.value, CYAN);
      return cell.prefix + value + ' '.repeat((widths[index] ?? 0) - width(cell.prefix + cell.value));
    });
    const dots = paint(`${'.'.repeat(labelWidth - width(indent + label) + 3)}:`, FAINT);
    return `   ${indent}${mark} ${label}${dots} ${shown.join(' ')}`;
  });
}

/**
 * Writes k6's end-of-test summary in k6's familiar layout: checks by group (`✓ name`, or `✗ name` with its pass
 * share), then every metric with a threshold mark (`∅` where the thresholds held on no samples), dotted up to the values (`avg=1.2ms min=... p(95)=...`, counters
 * with their rate per second, rates as percent with ✓/✗ counts).
 * @param data - k6's summary data (or a run summary); trend columns follow `options.summaryTrendStats`.
 * @param options - Colours and the notes to add.
 * @returns The text for stdout, framed by blank lines like k6's own.
 */
export function textSummary(data: Omit<SummaryData, 'setup_data'>, options: TextSummaryOptions = {}): string {
  const colors = options.enableColors ?? (!data.options.noColor && data.state.isStdOutTTY);
  const paint: Paint = (text, ...codes) => (colors ? `\x1b[${codes.join(';')}m${text}\x1b[0m` : text);
  const lines = [...groupLines(data.root_group, '     ', paint), ...metricLines(data, paint)];
  const notes = options.notes ?? [];
  if (notes.length > 0) lines.push('', ...notes.map((note) => `     ${note}`));
  return `\n${lines.map((line) => line.trimEnd()).join('\n')}\n\n`;
}
