import type { Options } from 'k6/options';
import { buildProfile, type ProfileOptions } from './profile.ts';
import type { Shape } from './stages.ts';

const SHAPE: Shape = {
  kind: 'ramping',
  startVUs: 0,
  stages: [
    { duration: '10s', target: 50 },
    { duration: '10s', target: 100 },
    { duration: '5s', target: 0 },
  ],
  gracefulRampDown: '0s',
};

/**
 * A flash sale (docs/requirements.md, 004): 0 to 50 VUs in 10 seconds, to 100 in 10 more, down to 0 in 5, with no graceful ramp-down.
 * @param options - Overrides: VUs, duration, scale, open-model rate, name, exec, start time, limits.
 * @returns k6 options with the `flash-sale` scenario and its thresholds.
 * @throws {ForgeError} When an override is invalid; the message names it.
 */
export function flashSaleProfile(options: ProfileOptions = {}): Options {
  return buildProfile('flash-sale', SHAPE, options);
}
