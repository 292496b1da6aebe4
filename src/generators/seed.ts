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

/**
 * The seed a run starts from, as its first init works it out: `SEED` parsed, or, when `SEED` is not set, a random seed,
 * announced in the log so that setting `SEED` to it replays the run.
 * @param text - `SEED` as set, or undefined.
 * @returns The seed, a whole number from 0 to 4294967295.
 * @throws {ForgeError} `invalid_env` when `SEED` is not such a number.
 */
export function startingSeed(text: string | undefined): number {
  if (text !== undefined) return parseSeed(text);
  const seed = Math.floor(Math.random() * (MAX_SEED + 1));
  console.log(`k6-forge: SEED is not set; this run draws its data from SEED=${seed} (set it to replay the same records)`);
  return seed;
}
