import { type Random, uuid } from './random.ts';
import { vuRandom } from './vu-draw.ts';

/**
 * A version 4 UUID, such as `3b241101-e2bb-4255-8caf-4136c566a962`, drawn from this VU's seeded stream, so the same
 * `SEED` replays it. Unique in practice (122 random bits); {@link idempotencyKey} is unique by construction.
 * @param random - The stream to draw from. @default vuRandom()
 * @returns The UUID in lower case.
 */
export function uuidv4(random: Random = vuRandom()): string {
  return uuid(random);
}
