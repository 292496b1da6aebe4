import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
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
function seedText(): string | undefined {
  return typeof __ENV === 'undefined' ? undefined : __ENV['SEED'];
}

// One random seed per run: k6 runs this callback once, in whichever VU initialises first, and shares the result
// with every other VU. It is only used when SEED is not set.
const randomSeed = new SharedArray('k6-forge seed', () => [Math.floor(Math.random() * (MAX_SEED + 1))]);

let announced = false;

/** Whether this is the run's first VU: it alone announces a random seed, once, when data is first drawn. */
function firstVu(): boolean {
  try {
    return exec.vu.idInTest <= 1;
  } catch {
    return false;
  }
}

/**
 * The run's seed: `SEED` when set, else one random seed shared by every VU of this k6 instance and logged when the
 * first VU first draws data (a run that draws none says nothing), so setting `SEED` to it replays the run. Runs split
 * over several instances should set `SEED`.
 * @returns The seed, a whole number from 0 to 4294967295.
 * @throws {ForgeError} `invalid_env` when `SEED` is not such a number.
 */
export function runSeed(): number {
  const text = seedText();
  if (text !== undefined) return parseSeed(text);
  const seed = randomSeed[0]!;
  if (!announced && firstVu())
    console.log(`k6-forge: SEED is not set; this run draws its data from SEED=${seed} (set it to replay the same records)`);
  announced = true;
  return seed;
}
