import type { VerdictResult } from '../../lib/summary/types.ts';
import type { LimitCheck } from '../limits/limit-checks.ts';
import { formatMs, formatShare } from './number-format.ts';

/** Each verdict as the command line prints it. */
export const VERDICT_WORDS: Readonly<Record<VerdictResult, string>> = { pass: 'PASS', fail: 'FAIL', 'no data': 'NO DATA' };

/**
 * Writes a check as table cells: the measure (`p(95)`, `error rate`), the measured value (`no samples` without
 * any), `< limit`, and the verdict.
 * @param check - The check.
 * @returns Four cells.
 */
export function limitCells(check: LimitCheck): string[] {
  const isRate = check.measure === 'rate';
  const value = isRate ? formatShare : formatMs;
  const measured = check.measured === null ? 'no samples' : value(check.measured);
  return [isRate ? 'error rate' : check.measure, measured, `< ${value(check.limit)}`, VERDICT_WORDS[check.verdict]];
}
