import type { SmokeRow, SmokeStep } from '../smoke/smoke-check.ts';
import { textTable } from './text-table.ts';

const statusCell = (step: SmokeStep | undefined) =>
  step?.status === undefined ? 'not tried' : step.status === 0 ? 'no answer' : String(step.status);
const msCell = (step: SmokeStep | undefined) => (step?.ms === undefined ? '-' : step.ms.toFixed(1));

/**
 * Lays out a smoke check as a table, one row per service (and the probe): its result, each step's last status and
 * latency, and its attempts.
 * @param rows - The rows.
 * @returns The table's lines.
 */
export function smokeTable(rows: readonly SmokeRow[]): string[] {
  return textTable(
    [
      ['service', 'result', 'health/transfer', 'ms', 'ready/read back', 'ms', 'attempts'],
      ...rows.map((row) => [
        row.name,
        row.healthy ? 'healthy' : 'UNHEALTHY',
        statusCell(row.steps[0]),
        msCell(row.steps[0]),
        statusCell(row.steps[1]),
        msCell(row.steps[1]),
        String(row.attempts),
      ]),
    ],
    [3, 5, 6],
  );
}
