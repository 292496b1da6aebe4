import exec from 'k6/execution';
import { ForgeError } from '../lib/errors.ts';
import type { Draw, Serial } from './draw.ts';
import { type Random, seededRandom } from './random.ts';
import { runSeed } from './run-seed.ts';

// Module state is per VU: k6 evaluates the bundle once in every VU.
// This VU's `vu.idInTest`, once known. Only the number is kept: the `exec.vu` object k6 builds on each read holds a
// getter function per field, about 6 KB that every VU kept while it was kept.
let vuId: number | undefined;
// The run's seed, read when the VU initialises: a malformed SEED stops the run at init, as any bad variable does, and
// the seed's functions run only at init, so the build's dispatcher keeps none of them in a VU.
const seed = runSeed();
let stream: Random | undefined;
// Read only once `stream` is set: no NaN sentinel, since `Number.NaN` would build the Number global in every VU.
let streamIteration = 0;
let counter = 0;

/** This VU's `vu.idInTest`; undefined in the init context, where k6 has no VU yet. */
function idInTest(): number | undefined {
  if (vuId === undefined) {
    try {
      vuId = exec.vu.idInTest;
    } catch {
      return undefined;
    }
  }
  return vuId;
}

/**
 * This VU's random stream for the current iteration, seeded from the run's seed, `vu.idInTest` and
 * `vu.iterationInInstance` (k6's `__ITER`; 0 in `setup()` and `teardown()`): the same `SEED` gives the same numbers in
 * the same VU and iteration, whatever ran before. Call it inside the iteration (not once at init), so each iteration
 * gets its own stream; in the init context every VU gets one shared stream (VU 0, iteration -1).
 * @returns The stream.
 */
export function vuRandom(): Random {
  const id = idInTest();
  const iteration = id === undefined ? -1 : typeof __ITER === 'number' ? __ITER : 0;
  if (stream === undefined || iteration !== streamIteration) {
    stream = seededRandom(seed, id ?? 0, iteration);
    streamIteration = iteration;
  }
  return stream;
}

/**
 * The next serial of this VU: the run's seed as tag, `vu.idInTest` (unique across instances with execution segments)
 * and a per-VU counter, so no two calls anywhere in the run return the same serial.
 * @returns The serial.
 * @throws {ForgeError} `invalid_script` in the init context, where k6 does not say which VU is running.
 */
export function vuSerial(): Serial {
  const id = idInTest();
  if (id === undefined) {
    throw new ForgeError('invalid_script', {
      field: 'unique values',
      given: 'a call in the init context',
      accepted: 'calls inside default(), a scenario function, setup() or teardown(), where k6/execution knows the VU',
    });
  }
  counter += 1;
  return { tag: seed, vu: id, n: counter };
}

/**
 * What the runtime generators draw from in this VU: {@link vuRandom} and {@link vuSerial}.
 * @returns The draw for the current iteration.
 */
export function vuDraw(): Draw {
  return { random: vuRandom(), serial: vuSerial };
}
