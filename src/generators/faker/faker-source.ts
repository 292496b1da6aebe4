import type { Source } from '../source.ts';
import { vuDraw } from '../vu-draw.ts';
import type { FakerBuild, FakerLike } from './faker-like.ts';

/**
 * A source of records built with faker bundled into the k6 script: opt-in, because every VU evaluates faker.
 * Measured with k6 v1.3.0 at 500 VUs (docs/design.md): a script bundling faker's `en` locale (446 KB) peaked at 2,035 MB
 * against 94 MB for a plain script, about 4 MB more per VU and 22 times the memory, and took 17 s instead of 5 s.
 * Prefer a build-time pool (`k6-forge/pool?domain=...`, 1.3 to 1.5 times a plain script) or the runtime generators.
 * faker is reseeded from the VU's stream before each record, so the same `SEED` replays the same records.
 * @param faker - A faker instance, such as `import { fakerDE } from '@faker-js/faker'` (import one locale, not `allFakers`).
 * @param build - Builds one record, such as `fakerCustomer`.
 * @returns The source.
 */
export function fakerSource<T>(faker: FakerLike, build: FakerBuild<T>): Source<T> {
  return {
    next() {
      const draw = vuDraw();
      faker.seed?.(Math.floor(draw.random() * 4294967296));
      return build(faker, draw);
    },
  };
}
