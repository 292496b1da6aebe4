import { ExactPercentiles } from './exact-percentiles.ts';

/** docs/requirements.md, 002: a soak passes when p95 degrades by less than this share from the first tenth to the last. */
export const SOAK_LIMIT = 0.1;

/** The shortest run judged for soak degradation, in seconds: 10 minutes, so each tenth holds a minute of requests. */
export const SOAK_MIN_SECONDS = 600;

/** The soak degradation verdict. */
export interface SoakVerdict {
  readonly verdict: 'pass' | 'fail' | 'not applicable';
  /** Exact p95 of the requests in the first and last tenth of the run, in ms; null when a tenth had none. */
  readonly firstP95: number | null;
  readonly lastP95: number | null;
  /** (last - first) / first; null when not applicable. */
  readonly change: number | null;
  readonly limit: number;
  /** The length of a tenth, in seconds. */
  readonly tenthSeconds: number;
  /** The verdict in one sentence. */
  readonly reason: string;
}

/** The first and last tenth of a run, each with an exact p95. */
export class SoakWindows {
  readonly #firstEnd: number;
  readonly #lastStart: number;
  readonly #tenth: number;
  readonly #first = new ExactPercentiles([0.95]);
  readonly #last = new ExactPercentiles([0.95]);

  /**
   * @param startMs - The run's start, in ms since the epoch.
   * @param endMs - The run's end.
   */
  constructor(startMs: number, endMs: number) {
    this.#tenth = (endMs - startMs) / 10;
    this.#firstEnd = startMs + this.#tenth;
    this.#lastStart = endMs - this.#tenth;
  }

  /** Whether another pass over the requests is needed. */
  get pending(): boolean {
    return this.#first.pending || this.#last.pending;
  }

  /**
   * Takes one request's `http_req_duration` in a pass.
   * @param timeMs - When it was taken.
   * @param latency - Its duration in ms.
   */
  addRequest(timeMs: number, latency: number): void {
    if (this.#first.pending && timeMs < this.#firstEnd) this.#first.add(latency);
    if (this.#last.pending && timeMs >= this.#lastStart) this.#last.add(latency);
  }

  /** Ends a pass. */
  endPass(): void {
    this.#first.endPass();
    this.#last.endPass();
  }

  /**
   * The verdict of a run soak degradation does not apply to.
   * @param reason - Why, in one sentence.
   * @returns A `not applicable` verdict.
   */
  static notApplicable(reason: string): SoakVerdict {
    return { verdict: 'not applicable', firstP95: null, lastP95: null, change: null, limit: SOAK_LIMIT, tenthSeconds: 0, reason };
  }

  /**
   * Judges degradation: pass when the last tenth's p95 is less than {@link SOAK_LIMIT} above the first tenth's.
   * @returns The verdict.
   */
  verdict(): SoakVerdict {
    const [first, last] = [this.#first.result(), this.#last.result()];
    const base = { limit: SOAK_LIMIT, tenthSeconds: this.#tenth / 1000 };
    if (this.#tenth <= 0 || first.count === 0 || last.count === 0) {
      const firstP95 = first.count > 0 ? first.percentiles[0]! : null;
      const lastP95 = last.count > 0 ? last.percentiles[0]! : null;
      return {
        ...base,
        verdict: 'not applicable',
        firstP95,
        lastP95,
        change: null,
        reason: 'the first or last tenth of the run has no requests',
      };
    }
    const [firstP95, lastP95] = [first.percentiles[0]!, last.percentiles[0]!];
    const change = firstP95 === 0 ? (lastP95 === 0 ? 0 : Infinity) : (lastP95 - firstP95) / firstP95;
    const pass = change < SOAK_LIMIT;
    return {
      ...base,
      verdict: pass ? 'pass' : 'fail',
      firstP95,
      lastP95,
      change,
      reason: `p95 changed by ${(change * 100).toFixed(1)}% from the first tenth to the last (${pass ? 'under' : 'not under'} ${SOAK_LIMIT * 100}%)`,
    };
  }
}
