import { ExactPercentiles } from './exact-percentiles.ts';

/** docs/requirements.md, 002: after a spike, p95 and error rate are back within the baseline limits no later than this. */
export const RECOVERY_LIMIT_SECONDS = 30;

/** The baseline limits a run must be back within after its spike. */
export interface RecoveryLimits {
  /** p95 of `http_req_duration` must be below this, in ms. */
  readonly p95: number;
  /** The share of failed requests must be below this. */
  readonly errorRate: number;
}

/** One window after the spike end. */
export interface RecoveryWindow {
  /** Its start, in seconds after the spike end. */
  readonly startSeconds: number;
  readonly requests: number;
  /** Its exact p95 in ms; null without requests. */
  readonly p95: number | null;
  /** Its share of failed requests; null without `http_req_failed` samples. */
  readonly errorRate: number | null;
}

/** The spike recovery verdict. */
export interface RecoveryVerdict {
  readonly verdict: 'pass' | 'fail' | 'not applicable';
  /** When the spike ended, in seconds since the run's start; null when no spike was found. */
  readonly spikeEndSeconds: number | null;
  /** Whether the spike end was given (`--spike-end`) or read from the `vus` metric. */
  readonly spikeEndFrom: 'option' | 'vus' | null;
  /** Seconds from the spike end to the first window within the limits; null when none was. */
  readonly recoverySeconds: number | null;
  readonly limitSeconds: number;
  readonly limits: RecoveryLimits;
  readonly windows: readonly RecoveryWindow[];
  /** The verdict in one sentence. */
  readonly reason: string;
}

/** Follows one file's `vus` gauge to find where its peak ends. */
export class VusPeak {
  #peak = -Infinity;
  #lastAtPeak = Number.NaN;
  #lastActive = -Infinity;

  /**
   * Takes one `vus` sample.
   * @param timeMs - When it was taken.
   * @param vus - The VUs running.
   */
  add(timeMs: number, vus: number): void {
    if (vus > this.#peak) [this.#peak, this.#lastAtPeak] = [vus, timeMs];
    else if (vus === this.#peak && timeMs > this.#lastAtPeak) this.#lastAtPeak = timeMs;
    if (vus > 0 && timeMs > this.#lastActive) this.#lastActive = timeMs;
  }

  /**
   * Where the spike ends: the last sample at the peak, provided VUs keep running below it for a while after
   * (a test that merely stops at the end has no spike).
   * @param minAfterMs - How long VUs must keep running after the peak.
   * @returns The time of the last sample at the peak, or undefined when there is no such drop.
   */
  spikeEndMs(minAfterMs: number): number | undefined {
    return this.#lastActive - this.#lastAtPeak >= minAfterMs ? this.#lastAtPeak : undefined;
  }
}

/** Windows of one interval each from the spike end to the run's end, with exact p95 and error rate each. */
export class RecoveryWindows {
  readonly #spikeEnd: number;
  readonly #window: number;
  readonly #windows: { readonly latency: ExactPercentiles; failed: number; checked: number }[] = [];

  /**
   * @param spikeEndMs - When the spike ended, in ms since the epoch.
   * @param endMs - When the run ended.
   * @param windowMs - The length of a window.
   */
  constructor(spikeEndMs: number, endMs: number, windowMs: number) {
    this.#spikeEnd = spikeEndMs;
    this.#window = windowMs;
    for (let start = spikeEndMs; start < endMs; start += windowMs)
      this.#windows.push({ latency: new ExactPercentiles([0.95]), failed: 0, checked: 0 });
  }

  #at(timeMs: number) {
    return timeMs < this.#spikeEnd ? undefined : this.#windows[Math.floor((timeMs - this.#spikeEnd) / this.#window)];
  }

  /** Whether another pass over the requests is needed. */
  get pending(): boolean {
    return this.#windows.some((window) => window.latency.pending);
  }

  /**
   * Takes one request's `http_req_duration` in a pass.
   * @param timeMs - When it was taken.
   * @param latency - Its duration in ms.
   */
  addRequest(timeMs: number, latency: number): void {
    const window = this.#at(timeMs);
    if (window?.latency.pending) window.latency.add(latency);
  }

  /**
   * Takes one `http_req_failed` sample; give each sample once, in one pass.
   * @param timeMs - When it was taken.
   * @param failed - Whether the request failed.
   */
  addCheck(timeMs: number, failed: boolean): void {
    const window = this.#at(timeMs);
    if (!window) return;
    window.checked += 1;
    if (failed) window.failed += 1;
  }

  /** Ends a pass. */
  endPass(): void {
    for (const window of this.#windows) window.latency.endPass();
  }

  /**
   * Judges recovery: the first window with requests whose p95 and error rate are both below the limits marks it;
   * pass when it starts no later than {@link RECOVERY_LIMIT_SECONDS} after the spike end.
   * @param limits - The baseline limits.
   * @param spikeEnd - The spike end in seconds since the run's start, and where it came from.
   * @returns The verdict with every window.
   */
  verdict(limits: RecoveryLimits, spikeEnd: { readonly seconds: number; readonly from: 'option' | 'vus' }): RecoveryVerdict {
    const windows: RecoveryWindow[] = this.#windows.map((window, index) => {
      const { count, percentiles } = window.latency.result();
      return {
        startSeconds: (index * this.#window) / 1000,
        requests: count,
        p95: count > 0 ? percentiles[0]! : null,
        errorRate: window.checked > 0 ? window.failed / window.checked : null,
      };
    });
    const base = { spikeEndSeconds: spikeEnd.seconds, spikeEndFrom: spikeEnd.from, limitSeconds: RECOVERY_LIMIT_SECONDS, limits, windows };
    const measured = windows.filter((window) => window.requests > 0);
    if (measured.length === 0) {
      return { ...base, verdict: 'not applicable', recoverySeconds: null, reason: 'no requests were made after the spike ended' };
    }
    const back = measured.find((window) => window.p95! < limits.p95 && (window.errorRate ?? 0) < limits.errorRate);
    if (!back) {
      return {
        ...base,
        verdict: 'fail',
        recoverySeconds: null,
        reason: 'p95 and error rate were not back within the baseline limits by the end of the run',
      };
    }
    const pass = back.startSeconds <= RECOVERY_LIMIT_SECONDS;
    return {
      ...base,
      verdict: pass ? 'pass' : 'fail',
      recoverySeconds: back.startSeconds,
      reason: `back within the baseline limits ${back.startSeconds} s after the spike ended (${pass ? 'within' : 'beyond'} ${RECOVERY_LIMIT_SECONDS} s)`,
    };
  }
}
