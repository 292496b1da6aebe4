import type { DrillVerdict } from '../drill/drill.ts';
import { textTable } from './text-table.ts';

/**
 * Lays out a drill's verdict: one line per check, with what was measured, then the verdict and the evidence folder.
 * @param verdict - The drill's verdict.
 * @returns The report's lines.
 */
export function drillReport(verdict: DrillVerdict): string[] {
  return [
    ...textTable([['check', 'result', 'measured'], ...verdict.checks.map((c) => [c.name, c.ok ? 'pass' : 'FAIL', c.measured])]),
    '',
    `drill ${verdict.ok ? 'PASSED' : 'FAILED'}: ${verdict.ok ? 'no data loss' : `${verdict.checks.filter((c) => !c.ok).length} check(s) failed`}; evidence in ${verdict.evidenceDir}`,
  ];
}
