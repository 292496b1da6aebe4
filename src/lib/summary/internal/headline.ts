import { formatDuration } from '../../duration.ts';
import type { RunMeta } from '../types.ts';

/** A run's verdict: whether every threshold held, and a sentence saying so. */
export interface Headline {
  readonly ok: boolean;
  readonly text: string;
}

/**
 * Sums up a run's thresholds in one sentence, as k6 judges them (checks do not fail a run).
 * @param meta - The run's metadata.
 * @returns `smoke passed: all 6 thresholds held`, `smoke failed: 1 of 6 thresholds failed`, ...
 */
export function headline(meta: RunMeta): Headline {
  const total = meta.thresholds.length;
  const failed = meta.thresholds.filter((verdict) => !verdict.ok).length;
  if (total === 0) return { ok: true, text: `${meta.scenario} passed: no thresholds were set` };
  if (failed === 0) return { ok: true, text: `${meta.scenario} passed: ${total === 1 ? 'its threshold' : `all ${total} thresholds`} held` };
  return { ok: false, text: `${meta.scenario} failed: ${failed} of ${total} thresholds failed` };
}

/**
 * Lists the facts of a run worth a glance: environment, target, start, length, k6-forge version, git revision.
 * @param meta - The run's metadata.
 * @returns Short phrases, to be joined with ` · `.
 */
export function runFacts(meta: RunMeta): string[] {
  const lengthMs = Date.parse(meta.endTime) - Date.parse(meta.startTime);
  return [
    meta.environment,
    `target ${meta.targetHost || 'unknown'}`,
    `started ${meta.startTime.slice(0, 19).replace('T', ' ')} UTC`,
    `ran ${formatDuration(Math.round(lengthMs / 1000) * 1000)}`,
    `k6-forge ${meta.k6ForgeVersion}`,
    ...(meta.gitRevision ? [`git ${meta.gitRevision}`] : []),
  ];
}
