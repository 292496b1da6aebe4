// Sample helpers for the tests that check k6-forge's statistics against their own: k6's percentile and a seeded
// random source.

/**
 * k6's own percentile: sort, then linear between ranks ⌊p(n-1)⌋ and ⌈p(n-1)⌉.
 * @param values - The samples.
 * @param fraction - The percentile as a fraction, such as 0.95.
 * @returns The percentile.
 */
export function k6Percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = fraction * (sorted.length - 1);
  const lower = sorted[Math.floor(index)]!;
  return lower + (sorted[Math.ceil(index)]! - lower) * (index - Math.floor(index));
}

/**
 * A seeded random source, so every run of the tests sees the same data.
 * @param seed - The seed.
 * @returns Numbers in [0, 1), the same sequence for the same seed.
 */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
