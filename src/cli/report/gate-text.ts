import type { VerdictResult } from '../../lib/summary/types.ts';
import type { GateOutcome } from '../summaries/gate-checks.ts';
import { limitCells, VERDICT_WORDS } from './limit-cells.ts';
import { textTable } from './text-table.ts';

/**
 * Writes a gate's outcome as text: a heading, the checks as a table, the failed runs, and the verdict.
 * @param outcome - What the gate judged.
 * @returns The report, lines joined by newlines.
 */
export function gateText(outcome: GateOutcome): string {
  const { checks } = outcome;
  const count = (verdict: VerdictResult) => checks.filter((check) => check.verdict === verdict).length;
  const [failed, empty] = [count('fail'), count('no data')];
  const verdict =
    failed > 0
      ? `FAIL: ${failed} of ${checks.length} checks failed`
      : empty > 0
        ? `NO DATA: ${empty} of ${checks.length} checks had no samples, so the gate cannot pass`
        : outcome.failedRuns.length > 0
          ? 'FAIL: every check passed, but a run did not'
          : `PASS: all ${checks.length} checks passed`;
  const summaries = outcome.summaries === 1 ? '1 summary' : `${outcome.summaries} summaries`;
  return [
    `k6-forge gate: ${summaries} against the limits in ${outcome.thresholdsPath} (${outcome.sources.join('; ')})`,
    ...textTable(
      [
        ['scenario', 'measure', 'measured', 'limit', 'verdict', 'metric'],
        ...checks.map((check) => [check.scenario, ...limitCells(check), check.metric]),
      ],
      [2],
    ),
    ...outcome.failedRuns.map((run) => `${VERDICT_WORDS[run.result]}: the run itself: ${run.text}`),
    verdict,
  ].join('\n');
}
