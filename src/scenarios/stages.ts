import type { Stage } from 'k6/options';
import { formatDuration, parseDuration } from '../lib/duration.ts';

/** A closed-model load shape: a constant number of VUs, or VU stages. */
export type Shape =
  | { readonly kind: 'constant'; readonly vus: number; readonly duration: string }
  | {
      readonly kind: 'ramping';
      readonly startVUs: number;
      readonly stages: readonly Stage[];
      readonly gracefulRampDown?: string;
    };

/**
 * The highest target a shape reaches.
 * @param shape - The load shape.
 * @returns Its peak VUs.
 */
export function peakOf(shape: Shape): number {
  return shape.kind === 'constant' ? shape.vus : Math.max(shape.startVUs, ...shape.stages.map((s) => s.target));
}

/**
 * Multiplies a target, keeping any non-zero target at 1 or more.
 * @param target - The original target.
 * @param factor - The multiplier.
 * @returns The scaled whole target.
 */
export function scaleTarget(target: number, factor: number): number {
  return target === 0 ? 0 : Math.max(1, Math.round(target * factor));
}

/**
 * Stretches stages in proportion so that together they last `totalMs`; rounding goes to the last stage.
 * @param stages - The stages to stretch.
 * @param totalMs - The total duration wanted, in ms.
 * @returns New stages with the same targets.
 */
export function stretchStages(stages: readonly Stage[], totalMs: number): Stage[] {
  const lengths = stages.map((s) => parseDuration(s.duration));
  const factor = totalMs / lengths.reduce((a, b) => a + b, 0);
  const scaled = lengths.map((ms) => Math.round(ms * factor));
  scaled[scaled.length - 1]! += totalMs - scaled.reduce((a, b) => a + b, 0);
  return stages.map((s, i) => ({ duration: formatDuration(scaled[i]!), target: s.target }));
}
