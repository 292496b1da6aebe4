import { LogHistogram, type RankBucket } from './log-histogram.ts';

/** The most values one step keeps in memory; a bucket holding more is split further in another pass instead. */
const COLLECT_LIMIT = 1 << 16;
/** Sub-buckets a split step counts over its range. */
const SPLIT_BUCKETS = 4096;

/** Count, extremes, mean and exact percentiles of a stream of values. */
export interface ExactStats {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly avg: number;
  /** The percentiles asked for, in the same order, as k6 computes them; NaN when there were no values. */
  readonly percentiles: readonly number[];
}

/** Keeps every value in [lo, hi], whose ranks start at `below`, to sort and pick the wanted ranks. */
interface CollectStep {
  readonly kind: 'collect';
  readonly lo: number;
  readonly hi: number;
  readonly below: number;
  readonly ranks: readonly number[];
  readonly values: Float64Array;
  filled: number;
}

/** Counts the values in [lo, hi] over finer buckets, with each bucket's extremes, to narrow the range. */
interface SplitStep {
  readonly kind: 'split';
  readonly lo: number;
  readonly hi: number;
  readonly below: number;
  readonly ranks: readonly number[];
  readonly counts: Uint32Array;
  readonly mins: Float64Array;
  readonly maxs: Float64Array;
}

type Step = CollectStep | SplitStep;

/**
 * Exact percentiles, as k6 computes them, over values read in several passes with memory that does not grow with
 * their number. Pass 1 counts the values in log buckets with each bucket's extremes. Each later pass keeps only the
 * values of the buckets that hold the wanted ranks (at most 65,536 per bucket; a fuller bucket is split into 4,096
 * finer ones by another pass), then sorts them and picks the ranks. Every pass must see the same values.
 */
export class ExactPercentiles {
  readonly #fractions: readonly number[];
  #counting: LogHistogram | undefined = new LogHistogram({ bounds: true });
  #count = 0;
  #sum = 0;
  #min = Number.NaN;
  #max = Number.NaN;
  #steps: Step[] = [];
  readonly #found = new Map<number, number>();

  /**
   * @param fractions - The percentiles wanted, as fractions such as 0.95.
   */
  constructor(fractions: readonly number[]) {
    this.#fractions = fractions;
  }

  /** Whether another pass over the values is needed. */
  get pending(): boolean {
    return this.#counting !== undefined || this.#steps.length > 0;
  }

  /**
   * Takes one value of the current pass.
   * @param value - The value.
   */
  add(value: number): void {
    if (this.#counting) {
      this.#counting.add(value);
      this.#sum += value;
      return;
    }
    for (const step of this.#steps) {
      if (value < step.lo || value > step.hi) continue;
      if (step.kind === 'collect') {
        if (step.filled < step.values.length) step.values[step.filled] = value;
        step.filled += 1;
        continue;
      }
      const slot = Math.min(SPLIT_BUCKETS - 1, Math.floor(((value - step.lo) / (step.hi - step.lo)) * SPLIT_BUCKETS));
      step.counts[slot]! += 1;
      if (step.counts[slot] === 1 || value < step.mins[slot]!) step.mins[slot] = value;
      if (step.counts[slot] === 1 || value > step.maxs[slot]!) step.maxs[slot] = value;
    }
  }

  /**
   * Ends a pass: picks the ranks that are now known and plans the next pass for the others.
   * @throws {Error} When a pass saw other values than the first (the input changed between passes).
   */
  endPass(): void {
    const counting = this.#counting;
    if (counting) {
      this.#counting = undefined;
      this.#count = counting.count;
      if (this.#count > 0) [this.#min, this.#max] = [counting.min, counting.max];
      const groups = new Map<number, { readonly found: RankBucket; readonly ranks: number[] }>();
      for (const rank of this.#wantedRanks()) {
        const found = counting.locate(rank);
        let group = groups.get(found.bucket);
        if (!group) {
          group = { found, ranks: [] };
          groups.set(found.bucket, group);
        }
        group.ranks.push(rank);
      }
      for (const { found, ranks } of groups.values()) this.#plan(found.min, found.max, found.below, found.count, ranks);
      return;
    }
    const steps = this.#steps;
    this.#steps = [];
    for (const step of steps) {
      if (step.kind === 'collect') {
        if (step.filled !== step.values.length) throw new Error('the values changed between passes');
        step.values.sort();
        for (const rank of step.ranks) this.#found.set(rank, step.values[rank - step.below]!);
        continue;
      }
      let below = step.below;
      let next = 0;
      for (let slot = 0; slot < SPLIT_BUCKETS && next < step.ranks.length; slot += 1) {
        const count = step.counts[slot]!;
        const group: number[] = [];
        while (next < step.ranks.length && step.ranks[next]! < below + count) group.push(step.ranks[next++]!);
        if (group.length > 0) this.#plan(step.mins[slot]!, step.maxs[slot]!, below, count, group);
        below += count;
      }
    }
  }

  #wantedRanks(): number[] {
    if (this.#count === 0) return [];
    const ranks = new Set<number>();
    for (const fraction of this.#fractions) {
      const index = fraction * (this.#count - 1);
      ranks.add(Math.floor(index)).add(Math.ceil(index));
    }
    return [...ranks].sort((a, b) => a - b);
  }

  #plan(lo: number, hi: number, below: number, count: number, ranks: readonly number[]): void {
    if (lo === hi) {
      for (const rank of ranks) this.#found.set(rank, lo);
    } else if (count <= COLLECT_LIMIT) {
      this.#steps.push({ kind: 'collect', lo, hi, below, ranks, values: new Float64Array(count), filled: 0 });
    } else {
      const [counts, mins, maxs] = [new Uint32Array(SPLIT_BUCKETS), new Float64Array(SPLIT_BUCKETS), new Float64Array(SPLIT_BUCKETS)];
      this.#steps.push({ kind: 'split', lo, hi, below, ranks, counts, mins, maxs });
    }
  }

  /**
   * The statistics, once no pass is pending.
   * @returns Count, extremes, mean and the percentiles asked for.
   * @throws {Error} While a pass is still pending.
   */
  result(): ExactStats {
    if (this.pending) throw new Error('exact percentiles need another pass');
    const value = (rank: number) => this.#found.get(rank) ?? Number.NaN;
    const percentiles = this.#fractions.map((fraction) => {
      const index = fraction * (this.#count - 1);
      const lower = value(Math.floor(index));
      return lower + (value(Math.ceil(index)) - lower) * (index - Math.floor(index));
    });
    return {
      count: this.#count,
      min: this.#min,
      max: this.#max,
      avg: this.#count === 0 ? Number.NaN : this.#sum / this.#count,
      percentiles,
    };
  }
}
