import { invalidOption } from '../lib/errors.ts';

const SECONDS_PER_DAY = 86_400;

/** Options for {@link dailyRate}. */
export interface DailyRateOptions {
  /** Transactions in a whole day. */
  readonly perDay: number;
  /** How many times the average rate to design for. @default 1 */
  readonly burst?: number;
}

/**
 * An arrival rate in iterations per second from a daily volume and a burst factor
 * (1,000,000 a day is about 11.6 per second; with a 20x burst, about 231.5).
 * @param options - Daily volume and burst factor.
 * @returns Iterations per second.
 * @throws {ForgeError} `invalid_option` when either number is not above zero.
 */
export function dailyRate({ perDay, burst = 1 }: DailyRateOptions): number {
  for (const [field, value] of [
    ['perDay', perDay],
    ['burst', burst],
  ] as const) {
    if (!(Number.isFinite(value) && value > 0)) {
      invalidOption(field, value, 'a number greater than 0');
    }
  }
  return (perDay / SECONDS_PER_DAY) * burst;
}

/**
 * Writes a per-second rate as k6 needs it, in whole iterations: per second when the rate is whole, else per minute.
 * @param perSecond - Iterations per second at the peak.
 * @returns A function from a share of the peak (0..1) to a whole rate, and the time unit.
 */
export function arrivalRate(perSecond: number): { readonly timeUnit: '1s' | '1m'; at(share: number): number } {
  const timeUnit = Number.isInteger(perSecond) ? '1s' : '1m';
  const perUnit = timeUnit === '1s' ? perSecond : perSecond * 60;
  return { timeUnit, at: (share) => (share === 0 ? 0 : Math.max(1, Math.round(perUnit * share))) };
}
