import { formatDuration } from '../../duration.ts';
import type { RunMeta } from '../types.ts';

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
