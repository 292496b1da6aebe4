/** Buckets per power of two: a bucket is at most 1/64 of its lower bound wide. */
const SUB_BUCKETS = 64;
const SUB_BITS = 6;
/** Values below 2^-30 ms (about a picosecond), zero and negatives included, share bucket 0. */
const MIN_EXPONENT = -30;
/** Values from 2^60 ms up share the last bucket. */
const MAX_EXPONENT = 60;
const MIN_VALUE = 2 ** MIN_EXPONENT;
const MAX_VALUE = 2 ** MAX_EXPONENT;
const LAST_BUCKET = (MAX_EXPONENT - MIN_EXPONENT) * SUB_BUCKETS + 1;
const bits = new DataView(new ArrayBuffer(8));

/**
 * The relative precision of {@link LogHistogram.percentile}: a bucket's midpoint is within 1/128 (0.78%) of every
 * value in the bucket, for values from 2^-30 to 2^60 milliseconds.
 */
export const HISTOGRAM_PRECISION = 1 / (2 * SUB_BUCKETS);

/**
 * The bucket of a value: the exponent and top six mantissa bits of its IEEE 754 form, so bucket order is value
 * order exactly (no logarithm, no rounding).
 * @param value - A latency in milliseconds.
 * @returns 0 for values below 2^-30, up to the last bucket for 2^60 and above.
 */
export function bucketOf(value: number): number {
  if (!(value >= MIN_VALUE)) return 0;
  if (value >= MAX_VALUE) return LAST_BUCKET;
  bits.setFloat64(0, value);
  const high = bits.getUint32(0);
  const exponent = (high >>> 20) - 1023;
  return (exponent - MIN_EXPONENT) * SUB_BUCKETS + ((high >>> (20 - SUB_BITS)) & (SUB_BUCKETS - 1)) + 1;
}

function midpointOf(bucket: number): number {
  if (bucket === 0) return 0;
  if (bucket === LAST_BUCKET) return MAX_VALUE;
  const exponent = Math.floor((bucket - 1) / SUB_BUCKETS) + MIN_EXPONENT;
  return 2 ** exponent * (1 + (((bucket - 1) % SUB_BUCKETS) + 0.5) / SUB_BUCKETS);
}

/** Where a rank falls in a histogram: its bucket, the values below it, and the bucket's own count and extremes. */
export interface RankBucket {
  readonly bucket: number;
  /** How many values lie in lower buckets. */
  readonly below: number;
  /** How many values the bucket holds. */
  readonly count: number;
  /** The smallest and largest value in the bucket (only from a histogram that tracks bounds). */
  readonly min: number;
  readonly max: number;
}

/**
 * A histogram of latencies in log-linear buckets (64 per power of two) whose memory grows with the range of values
 * seen, never with their number: percentiles within {@link HISTOGRAM_PRECISION}, and, with `bounds`, the smallest
 * and largest value of each bucket for exact selection.
 */
export class LogHistogram {
  readonly #bounds: boolean;
  #first = 0;
  #counts = new Uint32Array(0);
  #mins = new Float64Array(0);
  #maxs = new Float64Array(0);
  #count = 0;
  #min = Infinity;
  #max = -Infinity;

  /**
   * @param options - `bounds`: also keep each bucket's smallest and largest value. @default { bounds: false }
   */
  constructor(options: { readonly bounds?: boolean } = {}) {
    this.#bounds = options.bounds ?? false;
  }

  /** How many values were added. */
  get count(): number {
    return this.#count;
  }

  /** The smallest value added; Infinity when empty. */
  get min(): number {
    return this.#min;
  }

  /** The largest value added; -Infinity when empty. */
  get max(): number {
    return this.#max;
  }

  /**
   * Counts one value.
   * @param value - A latency in milliseconds.
   */
  add(value: number): void {
    const bucket = bucketOf(value);
    if (bucket < this.#first || bucket >= this.#first + this.#counts.length) this.#grow(bucket);
    const slot = bucket - this.#first;
    this.#counts[slot]! += 1;
    this.#count += 1;
    if (value < this.#min) this.#min = value;
    if (value > this.#max) this.#max = value;
    if (this.#bounds) {
      if (this.#counts[slot] === 1 || value < this.#mins[slot]!) this.#mins[slot] = value;
      if (this.#counts[slot] === 1 || value > this.#maxs[slot]!) this.#maxs[slot] = value;
    }
  }

  #grow(bucket: number): void {
    const empty = this.#counts.length === 0;
    const end = this.#first + this.#counts.length;
    let first = empty ? bucket : Math.min(this.#first, bucket);
    let stop = empty ? bucket + 1 : Math.max(end, bucket + 1);
    // Room to spare on the side that grew, so a widening distribution reallocates a few times only.
    const spare = Math.max(16, stop - first);
    if (empty || bucket < this.#first) first = Math.max(0, first - spare);
    if (empty || bucket >= end) stop = Math.min(LAST_BUCKET + 1, stop + spare);
    const moved = <T extends Uint32Array | Float64Array>(old: T, fresh: T): T => {
      if (old.length > 0) fresh.set(old, this.#first - first);
      return fresh;
    };
    this.#counts = moved(this.#counts, new Uint32Array(stop - first));
    if (this.#bounds) {
      this.#mins = moved(this.#mins, new Float64Array(stop - first));
      this.#maxs = moved(this.#maxs, new Float64Array(stop - first));
    }
    this.#first = first;
  }

  /**
   * Finds the bucket holding a rank.
   * @param rank - A 0-based rank in sorted order, below `count`.
   * @returns The bucket, the count below it, and its count and extremes.
   */
  locate(rank: number): RankBucket {
    let below = 0;
    for (let slot = 0; slot < this.#counts.length; slot += 1) {
      const count = this.#counts[slot]!;
      if (rank < below + count) {
        return { bucket: this.#first + slot, below, count, min: this.#mins[slot] ?? Number.NaN, max: this.#maxs[slot] ?? Number.NaN };
      }
      below += count;
    }
    throw new RangeError(`rank ${rank} is not below the count ${this.#count}`);
  }

  /**
   * Estimates a percentile the way k6 computes it (linear between the values at ranks ⌊p(n-1)⌋ and ⌈p(n-1)⌉),
   * with each value taken as its bucket's midpoint, kept within the smallest and largest value added.
   * @param fraction - The percentile as a fraction, such as 0.95.
   * @returns The estimate, within {@link HISTOGRAM_PRECISION} relative; NaN when empty.
   */
  percentile(fraction: number): number {
    if (this.#count === 0) return Number.NaN;
    const at = (rank: number) => Math.min(this.#max, Math.max(this.#min, midpointOf(this.locate(rank).bucket)));
    const index = fraction * (this.#count - 1);
    const lower = at(Math.floor(index));
    return lower + (at(Math.ceil(index)) - lower) * (index - Math.floor(index));
  }
}
