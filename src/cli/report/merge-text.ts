import { textSummary } from '../../lib/summary/text-summary.ts';
import type { MergeRunResult } from '../merge/merge-run.ts';

/** The marks k6-forge puts before a verdict. */
const MARKS = { pass: '✓', fail: '✗', 'no data': '∅' } as const;

/**
 * Renders a merged run for the terminal: k6's text summary of the merged figures, what was read and the verdict.
 * @param result - What `mergeRun` produced.
 * @returns The text.
 */
export function mergeText(result: MergeRunResult): string {
  const { merged, summary } = result;
  return textSummary(summary, {
    notes: [
      `k6-forge: merged ${merged.files.length} raw ${merged.files.length === 1 ? 'output' : 'outputs'} (${merged.samples} samples, read in ${merged.passes} passes) and ${result.summaries} instance summaries`,
      `k6-forge: ${MARKS[summary.meta.verdict.result]} ${summary.meta.verdict.text}`,
    ],
  });
}
