import { checkResults } from './internal/check-results.ts';
import { escapeXml } from './internal/escape-xml.ts';
import { thresholdRows } from './internal/threshold-rows.ts';
import type { RunSummary } from './types.ts';

/** One JUnit test case: its name and, when it failed, the failure message and detail. */
interface Case {
  readonly name: string;
  readonly failure?: { readonly message: string; readonly detail: string };
}

function suite(name: string, classname: string, cases: readonly Case[], summary: RunSummary, seconds: string): string {
  const failures = cases.filter((c) => c.failure).length;
  const lines = cases.map(({ name: caseName, failure }) => {
    const open = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(caseName)}"`;
    if (!failure) return `${open}/>`;
    return (
      `${open}>\n      <failure type="${name}" message="${escapeXml(failure.message)}">${escapeXml(failure.detail)}</failure>\n` +
      '    </testcase>'
    );
  });
  const timestamp = summary.meta.startTime.slice(0, 19);
  return [
    `  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${seconds}" timestamp="${timestamp}">`,
    ...lines,
    '  </testsuite>',
  ].join('\n');
}

/**
 * Writes JUnit XML for CI: a `thresholds` suite with a test case per threshold (`metric expression`) and a
 * `checks` suite with one per check (named with its group path); failed ones carry a `<failure>` with the
 * measured value. Every name and message is XML-escaped.
 * @param summary - The run summary.
 * @returns The XML document, ending in a newline.
 */
export function junitReport(summary: RunSummary): string {
  const { scenario } = summary.meta;
  const seconds = (summary.state.testRunDurationMs / 1000).toFixed(3);
  const thresholds: Case[] = thresholdRows(summary).map((row) => ({
    name: `${row.metric} ${row.expression}`,
    ...(!row.ok && {
      failure: {
        message: `${row.expression} failed: measured ${row.measured}`,
        detail: `${row.metric}: ${row.expression} did not hold; measured ${row.measured}`,
      },
    }),
  }));
  const checks: Case[] = checkResults(summary.root_group).map((check) => {
    const total = check.passes + check.fails;
    return {
      name: [...check.groups, check.name].join(' › '),
      ...(check.fails > 0 && {
        failure: {
          message: `${check.fails} of ${total} failed`,
          detail: `${check.name}: ${check.passes} passed, ${check.fails} failed (${((100 * check.passes) / total).toFixed(2)}% passed)`,
        },
      }),
    };
  });
  const failures = [...thresholds, ...checks].filter((c) => c.failure).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(`k6-forge ${scenario}`)}" tests="${thresholds.length + checks.length}" failures="${failures}" time="${seconds}">`,
    suite('thresholds', `${scenario}.thresholds`, thresholds, summary, seconds),
    suite('checks', `${scenario}.checks`, checks, summary, seconds),
    '</testsuites>',
    '',
  ].join('\n');
}
