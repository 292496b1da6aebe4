import { trimmed } from '../../lib/trimmed.ts';

/**
 * Writes milliseconds with their unit.
 * @param ms - A duration in milliseconds.
 * @returns Such as `312.45 ms`.
 */
export function formatMs(ms: number): string {
  return `${trimmed(ms)} ms`;
}

/**
 * Writes a share (0 to 1) as a percentage.
 * @param share - Such as 0.0125.
 * @returns Such as `1.25%`.
 */
export function formatShare(share: number): string {
  return `${trimmed(share * 100, 3)}%`;
}

/**
 * Writes a rate per second.
 * @param rate - Events per second.
 * @returns Such as `120.5/s`.
 */
export function formatPerSecond(rate: number): string {
  return `${trimmed(rate)}/s`;
}
