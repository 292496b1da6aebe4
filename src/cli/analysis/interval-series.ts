import type { Series } from '../../lib/summary/types.ts';
import { LogHistogram } from './log-histogram.ts';

/** One interval of one endpoint: requests, failures and a latency histogram. */
interface Interval {
  requests: number;
  failed: number;
  /** `http_req_failed` samples, the error rate's denominator. */
  checked: number;
  readonly latency: LogHistogram;
}

/**
 * Per-interval series of requests per second, error rate and p95 for the whole run and each endpoint, from
 * `startMs` in steps of `intervalMs`. Memory grows with the number of intervals and endpoints, not of samples;
 * p95 comes from a log histogram, within 0.78% of the exact value (`HISTOGRAM_PRECISION`).
 */
export class IntervalSeries {
  readonly #start: number;
  readonly #length: number;
  readonly #interval: number;
  readonly #count: number;
  readonly #byKey = new Map<string, (Interval | undefined)[]>();

  /**
   * @param startMs - The start of the first interval, in ms since the epoch.
   * @param lengthMs - The length of the run; the last interval ends with it and may be shorter.
   * @param intervalMs - The length of an interval.
   */
  constructor(startMs: number, lengthMs: number, intervalMs: number) {
    this.#start = startMs;
    this.#length = lengthMs;
    this.#interval = intervalMs;
    this.#count = Math.max(1, Math.ceil(lengthMs / intervalMs));
  }

  #at(key: string, timeMs: number): Interval {
    let intervals = this.#byKey.get(key);
    if (!intervals) {
      intervals = new Array<Interval | undefined>(this.#count);
      this.#byKey.set(key, intervals);
    }
    const index = Math.min(this.#count - 1, Math.max(0, Math.floor((timeMs - this.#start) / this.#interval)));
    intervals[index] ??= { requests: 0, failed: 0, checked: 0, latency: new LogHistogram() };
    return intervals[index];
  }

  /**
   * Counts one request with its `http_req_duration`.
   * @param keys - The whole run's key and the endpoint's, if any.
   * @param timeMs - When it was taken.
   * @param latency - Its duration in ms.
   */
  addRequest(keys: readonly string[], timeMs: number, latency: number): void {
    for (const key of keys) {
      const interval = this.#at(key, timeMs);
      interval.requests += 1;
      interval.latency.add(latency);
    }
  }

  /**
   * Counts one `http_req_failed` sample.
   * @param keys - The whole run's key and the endpoint's, if any.
   * @param timeMs - When it was taken.
   * @param failed - Whether the request failed (a non-zero value).
   */
  addCheck(keys: readonly string[], timeMs: number, failed: boolean): void {
    for (const key of keys) {
      const interval = this.#at(key, timeMs);
      interval.checked += 1;
      if (failed) interval.failed += 1;
    }
  }

  /**
   * The series of one key: `requests per second`, `error rate` and `p95`, each named with `suffix`. Points are at
   * each interval's start in seconds since the run's start; intervals without requests have no error rate or p95.
   * @param key - The whole run's key or an endpoint's.
   * @param suffix - Added to the names, such as ` login`; empty for the whole run.
   * @returns Three series.
   */
  seriesOf(key: string, suffix: string): Series[] {
    const rps: [number, number][] = [];
    const errors: [number, number][] = [];
    const p95: [number, number][] = [];
    const intervals = this.#byKey.get(key) ?? [];
    for (let index = 0; index < this.#count; index += 1) {
      const at = (index * this.#interval) / 1000;
      const length = Math.min(this.#interval, this.#length - index * this.#interval);
      const interval = intervals[index];
      if (length > 0) rps.push([at, (interval?.requests ?? 0) / (length / 1000)]);
      if (interval && interval.checked > 0) errors.push([at, interval.failed / interval.checked]);
      if (interval && interval.latency.count > 0) p95.push([at, interval.latency.percentile(0.95)]);
    }
    return [
      { name: `requests per second${suffix}`, unit: 'per second', points: rps },
      { name: `error rate${suffix}`, unit: 'ratio', points: errors },
      { name: `p95${suffix}`, unit: 'ms', points: p95 },
    ];
  }
}
