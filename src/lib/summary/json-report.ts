import { byCodeUnits } from '../text-order.ts';
import type { RunSummary } from './types.ts';

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => byCodeUnits(a, b)));
}

/**
 * Writes `<scenario>-summary.json`: k6's summary data plus `meta`, never `setup_data` (it may hold tokens), with
 * keys sorted at every level and a 2-space indent, so the same run always gives the same bytes.
 * @param summary - The run summary.
 * @returns The JSON text, ending in a newline.
 */
export function jsonReport(summary: RunSummary): string {
  // Picked field by field, so nothing else riding on the object (such as setup_data) reaches the file.
  const { meta, metrics, root_group, options, state } = summary;
  return `${JSON.stringify({ meta, metrics, root_group, options, state }, sortedKeys, 2)}\n`;
}
