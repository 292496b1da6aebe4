import { escapeXml } from '../../lib/summary/internal/escape-xml.ts';
import { markdownTable, markdownText } from '../../lib/summary/markdown.ts';
import { type StepOutcome, type SuiteVerdict, stepGatePassed, stepPassed, stepProblems } from '../suites/suite-verdict.ts';
import { compareText } from './compare-report.ts';
import { gateText } from './gate-text.ts';
import { limitCells } from './limit-cells.ts';
import { formatMs, formatPerSecond, formatShare } from './number-format.ts';
import { textTable } from './text-table.ts';

const STEP_HEADER = ['step', 'scenario', 'environment', 'k6 exit', 'gate', 'compare', 'verdict'];

function gateCell(step: StepOutcome): string {
  if (step.gate === undefined) return '-';
  if (step.gate.outcome === undefined) return `${step.gate.name}: no summary`;
  return `${step.gate.name}: ${stepGatePassed(step.gate) ? 'pass' : 'fail'}`;
}

function compareCell(step: StepOutcome): string {
  if (step.compare === undefined) return '-';
  if (step.compare.comparison === undefined) return 'no summary';
  return step.compare.comparison.passed ? 'pass' : 'fail';
}

function stepCells(step: StepOutcome): string[] {
  return [
    step.name,
    step.scenario,
    step.environment ?? 'development',
    step.exitCode === null ? '-' : String(step.exitCode),
    gateCell(step),
    compareCell(step),
    step.run === 'skipped' ? 'SKIPPED' : stepPassed(step) ? 'PASS' : 'FAIL',
  ];
}

function verdictLine(verdict: SuiteVerdict): string {
  return `${verdict.result === 'pass' ? 'PASS' : 'FAIL'}: suite ${verdict.suite}: ${verdict.text}`;
}

/**
 * Writes a suite's verdict as text for a terminal or CI log: the steps, each gate's checks, each comparison, and the
 * verdict line.
 * @param verdict - The suite's verdict.
 * @returns The report, lines joined by newlines.
 */
export function suiteText(verdict: SuiteVerdict): string {
  const parts = [
    `k6-forge suite ${verdict.suite}: ${verdict.steps.length} steps into ${verdict.folder}${verdict.keepGoing ? ' (--keep-going)' : ''}`,
    ...textTable([STEP_HEADER, ...verdict.steps.map(stepCells)], [3]),
  ];
  for (const step of verdict.steps) {
    if (step.gate?.outcome) parts.push('', `step ${step.name}, gate ${step.gate.name}:`, gateText(step.gate.outcome));
    if (step.compare?.comparison) parts.push('', `step ${step.name}, compare:`, compareText(step.compare.comparison));
  }
  parts.push('', verdictLine(verdict));
  return parts.join('\n');
}

/**
 * Writes a suite's verdict as Markdown for a CI job summary (such as `$GITHUB_STEP_SUMMARY`).
 * @param verdict - The suite's verdict.
 * @returns The Markdown, without a trailing newline.
 */
export function suiteMarkdown(verdict: SuiteVerdict): string {
  const lines = [
    `## k6-forge suite ${markdownText(verdict.suite)}: ${verdict.result === 'pass' ? '✅ PASS' : '❌ FAIL'}`,
    '',
    ...(verdict.description ? [markdownText(verdict.description), ''] : []),
    `Results in ${markdownText(verdict.folder)}${verdict.keepGoing ? ', with --keep-going' : ''}; ${markdownText(verdict.text)}.`,
    '',
    ...markdownTable(
      STEP_HEADER,
      ['---', '---', '---', '---:', '---', '---', '---'],
      verdict.steps.map((step) => stepCells(step).map(markdownText)),
    ),
  ];
  const gated = verdict.steps.filter((step) => step.gate?.outcome);
  if (gated.length > 0) {
    lines.push('', '### Release gates', '');
    const rows = gated.flatMap((step) =>
      step.gate!.outcome!.checks.map((check) => [markdownText(step.name), markdownText(step.gate!.name), ...limitCells(check)]),
    );
    lines.push(
      ...markdownTable(['step', 'gate', 'measure', 'measured', 'limit', 'verdict'], ['---', '---', '---', '---:', '---:', '---'], rows),
    );
    for (const step of gated) {
      for (const run of step.gate!.outcome!.failedRuns)
        lines.push('', `- ${markdownText(step.name)}: the run itself: ${markdownText(run.text)}`);
    }
  }
  const compared = verdict.steps.filter((step) => step.compare?.comparison);
  if (compared.length > 0) {
    lines.push('', '### Comparisons with baselines', '');
    const value = { throughput: formatPerSecond, p95: formatMs, 'error rate': formatShare } as const;
    const rows = compared.flatMap((step) =>
      step.compare!.comparison!.checks.map((check) => [
        markdownText(step.name),
        markdownText(check.endpoint),
        check.rule,
        value[check.rule](check.baseline),
        check.current === null ? '-' : value[check.rule](check.current),
        check.passed ? '✅ pass' : '❌ fail',
      ]),
    );
    lines.push(
      ...markdownTable(['step', 'endpoint', 'rule', 'baseline', 'current', 'verdict'], ['---', '---', '---', '---:', '---:', '---'], rows),
    );
  }
  lines.push('', verdictLine(verdict));
  return lines.join('\n');
}

/**
 * Writes a suite's verdict as JSON for other tools.
 * @param verdict - The suite's verdict.
 * @returns The JSON, indented by two spaces, ending in a newline; an infinite change (p95 up from 0 ms) becomes null.
 */
export function suiteJson(verdict: SuiteVerdict): string {
  return `${JSON.stringify({ kind: 'k6-forge-suite-verdict', ...verdict }, null, 2)}\n`;
}

interface JunitCase {
  readonly classname: string;
  readonly name: string;
  readonly failure?: string;
  readonly skipped?: string;
}

function caseXml({ classname, name, failure, skipped }: JunitCase): string {
  const open = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(name)}"`;
  if (failure !== undefined)
    return `${open}>\n      <failure type="suite" message="${escapeXml(failure)}">${escapeXml(failure)}</failure>\n    </testcase>`;
  if (skipped !== undefined) return `${open}>\n      <skipped message="${escapeXml(skipped)}"/>\n    </testcase>`;
  return `${open}/>`;
}

function stepCases(step: StepOutcome, suite: string): JunitCase[] {
  const classname = `${suite}.${step.name}`;
  if (step.run === 'skipped') return [{ classname, name: `run ${step.scenario}`, skipped: stepProblems(step)[0]! }];
  const cases: JunitCase[] = [
    { classname, name: `run ${step.scenario}`, ...(step.run === 'fail' && { failure: `k6 exited ${step.exitCode}` }) },
  ];
  const gate = step.gate;
  if (gate?.outcome) {
    for (const check of gate.outcome.checks) {
      const [measure, measured, limit, word] = limitCells(check);
      cases.push({
        classname: `${classname}.gate`,
        name: `${gate.name} ${measure} ${limit}`,
        ...(check.verdict !== 'pass' && { failure: `${word}: measured ${measured}, limit ${limit} (${check.metric})` }),
      });
    }
    for (const run of gate.outcome.failedRuns)
      cases.push({ classname: `${classname}.gate`, name: `${gate.name} run verdict`, failure: run.text });
  } else if (gate) {
    cases.push({ classname: `${classname}.gate`, name: gate.name, failure: gate.problem ?? 'nothing to gate' });
  }
  const compare = step.compare;
  if (compare?.comparison) {
    for (const check of compare.comparison.checks) {
      cases.push({
        classname: `${classname}.compare`,
        name: `${check.endpoint} ${check.rule}`,
        ...(!check.passed && { failure: `${check.rule} of ${check.endpoint} regressed against ${compare.baseline}` }),
      });
    }
    if (compare.comparison.runVerdict) {
      cases.push({ classname: `${classname}.compare`, name: 'run verdict', failure: compare.comparison.runVerdict.text });
    }
  } else if (compare) {
    cases.push({ classname: `${classname}.compare`, name: compare.baseline, failure: compare.problem ?? 'nothing to compare' });
  }
  return cases;
}

/**
 * Writes a suite's verdict as JUnit XML: one test case per step's k6 run (`<skipped>` after an earlier failure), per
 * gate check and per comparison check, each failure with its measured value.
 * @param verdict - The suite's verdict.
 * @returns The XML document, ending in a newline.
 */
export function suiteJunit(verdict: SuiteVerdict): string {
  const cases = verdict.steps.flatMap((step) => stepCases(step, verdict.suite));
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const seconds = ((Date.parse(verdict.endedAt) - Date.parse(verdict.startedAt)) / 1000).toFixed(3);
  const name = escapeXml(`k6-forge suite ${verdict.suite}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${name}" tests="${cases.length}" failures="${failures}" time="${seconds}">`,
    `  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds}" timestamp="${verdict.startedAt.slice(0, 19)}">`,
    ...cases.map(caseXml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
