import { mix32, type Random, seededRandom } from './random.ts';

/** What makes one value unique in a run: the run's tag, the VU that made it and that VU's counter. */
export interface Serial {
  /** The run's tag: its seed, so two runs with different seeds never share a value. */
  readonly tag: number;
  /** The VU's `vu.idInTest` (0 in `setup()` and `teardown()`), unique across instances. */
  readonly vu: number;
  /** The VU's counter, from 1. */
  readonly n: number;
}

/** Where a generator draws from: a random stream and a source of run-unique serials. */
export interface Draw {
  /** The random stream. */
  readonly random: Random;
  /** The next serial, never the same twice. */
  serial(): Serial;
}

/**
 * A draw that depends only on a seed, for Node (build-time pools) and tests: the same seed, the same records.
 * Its serials carry VU 0 and a tag derived from the seed and the scope, apart from any run's tag.
 * @param seed - A whole number; only its low 32 bits count.
 * @param scope - Keeps draws of one seed apart, such as one per pool. @default 0
 * @returns The draw.
 */
export function seededDraw(seed: number, scope = 0): Draw {
  const tag = mix32(mix32(seed) ^ mix32(scope ^ 0x706f6f6c));
  let n = 0;
  return { random: seededRandom(seed, scope, 0x706f6f6c), serial: () => ({ tag, vu: 0, n: ++n }) };
}
