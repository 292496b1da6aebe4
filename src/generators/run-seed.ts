import { oncePerRun } from '../lib/once-per-run.ts';
import { startingSeed } from './seed.ts' with { lazy: 'true' };

/** `SEED` as set; k6 always defines `__ENV`, plain Node (unit tests of code that uses generators) may not. */
const SEED_TEXT = typeof __ENV === 'undefined' ? undefined : __ENV['SEED'];

// Worked out once per run, in k6's first init, and shared with every VU (see once-per-run.ts): the other VUs read a
// number and check no text, which would make each build the String built-ins (about 5 KB a VU under k6 v2.2.0). So a
// run without SEED draws its seed and announces it once; a malformed SEED stops the run at init.
const RUN_SEED = oncePerRun('seed', SEED_TEXT ?? null, () => startingSeed(SEED_TEXT));

/**
 * The run's seed: `SEED` when set, else one random seed shared by every VU of this k6 instance and logged once, when
 * the run starts, so setting `SEED` to it replays the run. Runs split over several instances should set `SEED`.
 * @returns The seed, a whole number from 0 to 4294967295.
 */
export function runSeed(): number {
  return RUN_SEED;
}
