import { trimmed } from '../../trimmed.ts';
import type { SummaryMetric } from '../types.ts';

const FIXED_TIME_UNITS: Readonly<Record<string, readonly [number, string]>> = {
  s: [0.001, 's'],
  ms: [1, 'ms'],
  us: [1000, 'µs'],
};
const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

function truncated(value: number, digits: number): string {
  const scale = 10 ** digits;
  // toPrecision first, so that 80.1 * 100 = 8009.999999999999 truncates to 8010, not 8009.
  return trimmed(Math.trunc(Number((value * scale).toPrecision(15))) / scale, digits);
}

/**
 * Writes milliseconds the way k6's summary does: `850µs`, `120.5ms`, `1.52s`, `2m5s`, or in a fixed unit.
 * @param ms - The duration in milliseconds.
 * @param timeUnit - k6's `summaryTimeUnit` (`s`, `ms` or `us`); empty picks a unit per value.
 * @returns The duration with its unit.
 */
export function humanizeDuration(ms: number, timeUnit = ''): string {
  const fixed = FIXED_TIME_UNITS[timeUnit];
  if (fixed) return `${(ms * fixed[0]).toFixed(2)}${fixed[1]}`;
  if (ms === 0) return '0s';
  if (ms < 0.001) return `${Math.trunc(ms * 1_000_000)}ns`;
  if (ms < 1) return `${truncated(ms * 1000, 2)}µs`;
  if (ms < 1000) return `${truncated(ms, 2)}ms`;
  const minutes = Math.trunc(ms / 60_000);
  const seconds = `${truncated((ms % 60_000) / 1000, minutes > 0 ? 0 : 2)}s`;
  if (minutes === 0) return seconds;
  const hours = Math.trunc(minutes / 60);
  return hours === 0 ? `${minutes}m${seconds}` : `${hours}h${minutes % 60}m${seconds}`;
}

/**
 * Writes a byte count the way k6's summary does, in powers of 1000: `512 B`, `1.2 kB`, `35 MB`.
 * @param bytes - The number of bytes.
 * @returns The size with its unit.
 */
export function humanizeBytes(bytes: number): string {
  if (bytes < 10) return `${trimmed(bytes, 2)} B`;
  const power = Math.min(Math.floor(Math.log(bytes) / Math.log(1000)), BYTE_UNITS.length - 1);
  const value = Math.floor((bytes / 1000 ** power) * 10 + 0.5) / 10;
  return `${value.toFixed(value < 10 ? 1 : 0)} ${BYTE_UNITS[power] ?? ''}`;
}

/**
 * Writes one of a metric's values the way k6's summary does: rates as percent, times and sizes with units.
 * @param value - The value, or undefined when the summary lacks it.
 * @param metric - The metric's type and what it contains.
 * @param timeUnit - k6's `summaryTimeUnit`.
 * @returns The printable value; `-` when there is none.
 */
export function humanizeValue(value: number | undefined, metric: Pick<SummaryMetric, 'type' | 'contains'>, timeUnit = ''): string {
  if (value === undefined) return '-';
  if (metric.type === 'rate') return `${(Math.trunc(Number((value * 10_000).toPrecision(15))) / 100).toFixed(2)}%`;
  if (metric.contains === 'time') return humanizeDuration(value, timeUnit);
  if (metric.contains === 'data') return humanizeBytes(value);
  return trimmed(value, 6);
}
