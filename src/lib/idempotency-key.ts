// The catalog's own idempotency keys. `catalog` imports this lazily: a VU whose endpoints send no key never creates
// these functions (nor the serial UUID helpers), and one that does keeps them with its tag and count.
import { serialUuid } from '../generators/internal/serial.ts';

/** This VU's tag for the catalog's own idempotency keys: random, drawn on the first key. */
let keyTag: number | undefined;
/** The catalog's keys sent so far by this VU. */
let keyCount = 0;

/**
 * A fresh idempotency key, a UUID v4 from a random tag per VU, the VU (k6's `__VU`) and a counter: unique across the
 * run's requests without the generators' seeded state, which a script that draws no data does not load. Unlike
 * `idempotencyKey()`, `SEED` does not replay it.
 * @returns The key.
 */
export function automaticKey(): string {
  keyTag ??= Math.floor(Math.random() * 2 ** 32);
  keyCount += 1;
  return serialUuid({ tag: keyTag, vu: __VU, n: keyCount });
}
