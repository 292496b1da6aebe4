import { SharedArray } from 'k6/data';
import { ForgeError, shown } from '../lib/errors.ts';
import { isDigits } from '../lib/names.ts';

const MAX_SEED = 4294967295;

/**
 * Parses a seed as given in `SEED`: a whole number from 0 to 4294967295.
 * @param text - The variable's text.
 * @param field - The name shown in an error. @default "SEED"
 * @returns The seed.
 * @throws {ForgeError} `invalid_env` for anything else.
 */
export function parseSeed(text: string, field = 'SEED'): number {
  const seed = isDigits(text) && text.length <= 10 ? Number(text) : Number.NaN;
  if (!(seed <= MAX_SEED)) {
    throw new ForgeError('invalid_env', { field, given: shown(text), accepted: `a whole number from 0 to ${MAX_SEED}, such as 42` });
  }
  return seed;
}

/** `SEED` as set; k6 always defines `__ENV`, plain Node (unit tests of code that uses generators) may not. */
const SEED_TEXT = typeof __ENV === 'undefined' ? undefined : __ENV['SEED'];

// One random seed per run, for runs without SEED: k6 runs this callback once, in whichever init comes first, and
// shares the result with every VU; so it is also where that seed is announced, once per run. A run with SEED makes no
// SharedArray, which would cost each VU its wrapper.
const randomSeed =
  SEED_TEXT === undefined
    ? new SharedArray('k6-forge seed', () => {
        const seed = Math.floor(Math.random() * (MAX_SEED + 1));
        console.log(`k6-forge: SEED is not set; this run draws its data from SEED=${seed} (set it to replay the same records)`);
        return [seed];
      })
    : undefined;

/**
 * The run's seed: `SEED` when set, else one random seed shared by every VU of this k6 instance and logged once, when
 * the run starts, so setting `SEED` to it replays the run. Runs split over several instances should set `SEED`.
 * @returns The seed, a whole number from 0 to 4294967295.
 * @throws {ForgeError} `invalid_env` when `SEED` is not such a number.
 */
export function runSeed(): number {
  return SEED_TEXT === undefined ? randomSeed![0]! : parseSeed(SEED_TEXT);
}
