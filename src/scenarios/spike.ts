import type { Options } from 'k6/options';
import { buildProfile, type ProfileOptions } from './profile.ts';
import type { Shape } from './stages.ts';

const SHAPE: Shape = {
  kind: 'ramping',
  startVUs: 0,
  stages: [
    { duration: '1m', target: 100 },
    { duration: '2m', target: 100 },
    { duration: '10s', target: 1000 },
    { duration: '3m', target: 1000 },
    { duration: '10s', target: 100 },
    { duration: '3m', target: 100 },
    { duration: '1m', target: 0 },
  ],
};

/**
 * A spike test (docs/requirements.md, 001): a baseline of 100 VUs, a sudden jump to 1000 in 10 seconds held for 3 minutes, then 3 minutes back at 100 to watch recovery.
 * @param options - Overrides: VUs, duration, scale, open-model rate, name, exec, start time, limits.
 * @returns k6 options with the `spike` scenario and its thresholds.
 * @throws {ForgeError} When an override is invalid; the message names it.
 */
export function spikeProfile(options: ProfileOptions = {}): Options {
  return buildProfile('spike', SHAPE, options);
}
