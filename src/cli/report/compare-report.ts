import { markdownTable, markdownText } from '../../lib/summary/markdown.ts';
import { trimmed } from '../../lib/trimmed.ts';
import type { CompareCheck, CompareRule, Comparison, Tolerances } from '../summaries/comparison.ts';
import { formatMs, formatPerSecond, formatShare } from './number-format.ts';
import { textTable } from './text-table.ts';

const HEADER = ['endpoint', 'rule', 'baseline', 'current', 'change', 'limit', 'verdict'];
const VALUE: Record<CompareRule, (value: number) => string> = { throughput: formatPerSecond, p95: formatMs, 'error rate': formatShare };

function signed(value: number, text: string): string {
  return value >= 0 ? `+${text}` : text;
}

function changeText(check: CompareCheck): string {
  const change = check.change;
  if (change === null) return 'no data';
  if (check.rule === 'throughput') return `${trimmed(change * 100, 1)}% of baseline`;
  if (check.rule === 'p95') return Number.isFinite(change) ? signed(change, `${trimmed(change * 100, 2)}%`) : 'up from 0 ms';
  return signed(change, `${trimmed(change * 100, 3)} pp`);
}

function limitText(rule: CompareRule, limit: number): string {
  if (rule === 'throughput') return `>= ${trimmed(limit * 100, 1)}%`;
  return rule === 'p95' ? `<= +${trimmed(limit * 100, 2)}%` : `<= +${trimmed(limit * 100, 3)} pp`;
}

function cells(check: CompareCheck): string[] {
  const value = VALUE[check.rule];
  return [
    check.endpoint,
    check.rule,
    value(check.baseline),
    check.current === null ? '-' : value(check.current),
    changeText(check),
    limitText(check.rule, check.limit),
  ];
}

function rulesSentence(tolerances: Tolerances): string {
  return (
    `throughput at least ${trimmed(tolerances.minThroughput * 100, 1)}% of the baseline's, ` +
    `p95 at most ${trimmed(tolerances.p95Tolerance * 100, 2)}% higher, ` +
    `error rate at most ${trimmed(tolerances.errorRateTolerance * 100, 3)} points higher; a value exactly at its limit passes`
  );
}

function verdictLine(comparison: Comparison): string {
  const failed = comparison.checks.filter((check) => !check.passed).length;
  if (failed > 0) return `FAIL: ${failed} of ${comparison.checks.length} checks failed`;
  if (comparison.runVerdict) return `FAIL: every check passed, but the current run itself did not: ${comparison.runVerdict.text}`;
  return `PASS: all ${comparison.checks.length} checks passed`;
}

/**
 * Writes a comparison as a plain-text table for a terminal or CI log.
 * @param comparison - The outcome of `compareRuns`.
 * @returns The report, without a trailing newline.
 */
export function compareText(comparison: Comparison): string {
  return [
    `k6-forge compare: current ${comparison.current}, baseline ${comparison.baseline}`,
    `limits: ${rulesSentence(comparison.tolerances)}`,
    ...textTable([HEADER, ...comparison.checks.map((check) => [...cells(check), check.passed ? 'PASS' : 'FAIL'])], [2, 3, 4]),
    ...comparison.notes.map((note) => `note: ${note}`),
    verdictLine(comparison),
  ].join('\n');
}

/**
 * Writes a comparison as Markdown for a CI job summary (such as `$GITHUB_STEP_SUMMARY`).
 * @param comparison - The outcome of `compareRuns`.
 * @returns The Markdown, without a trailing newline.
 */
export function compareMarkdown(comparison: Comparison): string {
  const rows = comparison.checks.map((check) => {
    const [endpoint = '', ...rest] = cells(check);
    return [markdownText(endpoint), ...rest, check.passed ? '✅ pass' : '❌ fail'];
  });
  return [
    `## k6-forge compare: ${comparison.passed ? '✅ PASS' : '❌ FAIL'}`,
    '',
    `Current ${markdownText(comparison.current)} against baseline ${markdownText(comparison.baseline)}: ${rulesSentence(comparison.tolerances)}.`,
    '',
    ...markdownTable(HEADER, ['---', '---', '---:', '---:', '---:', '---', '---'], rows),
    '',
    ...(comparison.notes.length > 0 ? [...comparison.notes.map((note) => `- ${markdownText(note)}`), ''] : []),
    verdictLine(comparison),
  ].join('\n');
}

/**
 * Writes a comparison as JSON for other tools; an infinite change (p95 up from 0 ms) becomes null.
 * @param comparison - The outcome of `compareRuns`.
 * @returns The JSON, indented by two spaces.
 */
export function compareJson(comparison: Comparison): string {
  return JSON.stringify(comparison, null, 2);
}
