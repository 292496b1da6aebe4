import { checkResults } from './internal/check-results.ts';
import { escapeXml } from './internal/escape-xml.ts';
import { thresholdRows } from './internal/threshold-rows.ts';
import type { RunSummary } from './types.ts';

/** One JUnit test case: its name and, when it did not pass, the failure, the reason it was skipped, or a warning. */
interface Case {
  readonly name: string;
  readonly failure?: { readonly message: string; readonly detail: string };
  /** Why nothing was judged: the case is `<skipped>`. */
  readonly skipped?: string;
  /** A warning that fails nothing, written to the case's `<system-out>`. */
  readonly warning?: string;
}

function caseXml(classname: string, type: string, { name, failure, skipped, warning }: Case): string {
  const open = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(name)}"`;
  if (failure) {
    return `${open}>\n      <failure type="${type}" message="${escapeXml(failure.message)}">${escapeXml(failure.detail)}</failure>\n    </testcase>`;
  }
  if (skipped !== undefined) return `${open}>\n      <skipped message="${escapeXml(skipped)}"/>\n    </testcase>`;
  if (warning !== undefined) return `${open}>\n      <system-out>${escapeXml(warning)}</system-out>\n    </testcase>`;
  return `${open}/>`;
}

function suite(name: string, classname: string, cases: readonly Case[], summary: RunSummary, seconds: string): string {
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => !c.failure && c.skipped !== undefined).length;
  const timestamp = summary.meta.startTime.slice(0, 19);
  return [
    `  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds}" timestamp="${timestamp}">`,
    ...cases.map((c) => caseXml(classname, name, c)),
    '  </testsuite>',
  ].join('\n');
}

/**
 * Writes JUnit XML for CI, with the run's one verdict: a `thresholds` suite with a test case per threshold
 * (`metric expression`; failed ones carry a `<failure>` with the measured value, ones without samples are
 * `<skipped>` as no data) and one per problem that failed the run (a scenario that never ran); a `checks` suite
 * with one case per check (named with its group path). Checks fail nothing by themselves, as in k6: a failed
 * check is a warning in the case's `<system-out>`, and fails the build only through a threshold on `checks`.
 * Every name and message is XML-escaped.
 * @param summary - The run summary.
 * @returns The XML document, ending in a newline.
 */
export function junitReport(summary: RunSummary): string {
  const { scenario, verdict } = summary.meta;
  const seconds = (summary.state.testRunDurationMs / 1000).toFixed(3);
  const thresholds: Case[] = thresholdRows(summary).map((row) => ({
    name: `${row.metric} ${row.expression}`,
    ...(row.result === 'fail' && {
      failure: {
        message: `${row.expression} failed: measured ${row.measured}`,
        detail: `${row.metric}: ${row.expression} did not hold; measured ${row.measured}`,
      },
    }),
    ...(row.result === 'no data' && {
      skipped: `no data: ${row.ok ? `${row.metric} had no samples` : `${row.measured} of ${row.metric}`}, so ${row.expression} was not judged`,
    }),
  }));
  const problems: Case[] = verdict.problems.map((problem) => {
    const colon = problem.indexOf(':');
    return { name: colon < 0 ? problem : problem.slice(0, colon), failure: { message: problem, detail: problem } };
  });
  const checks: Case[] = checkResults(summary.root_group).map((check) => {
    const total = check.passes + check.fails;
    return {
      name: [...check.groups, check.name].join(' › '),
      ...(check.fails > 0 && {
        warning: `warning: ${check.fails} of ${total} failed (${((100 * check.passes) / total).toFixed(2)}% passed); a check fails a run only through a threshold on checks`,
      }),
    };
  });
  const all = [...thresholds, ...problems, ...checks];
  const failures = all.filter((c) => c.failure).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(`k6-forge ${scenario}`)}" tests="${all.length}" failures="${failures}" time="${seconds}">`,
    suite('thresholds', `${scenario}.thresholds`, [...thresholds, ...problems], summary, seconds),
    suite('checks', `${scenario}.checks`, checks, summary, seconds),
    '</testsuites>',
    '',
  ].join('\n');
}
