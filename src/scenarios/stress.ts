import type { Options } from 'k6/options';
import { buildProfile, type ProfileOptions } from './profile.ts';
import type { Shape } from './stages.ts';

const SHAPE: Shape = {
  kind: 'ramping',
  startVUs: 0,
  stages: [
    { duration: '2m', target: 100 },
    { duration: '3m', target: 200 },
    { duration: '3m', target: 300 },
    { duration: '3m', target: 400 },
    { duration: '2m', target: 500 },
    { duration: '2m', target: 0 },
  ],
};

/**
 * A stress test (docs/requirements.md, 001): steps of 100 VUs up to 500 over 13 minutes to find the breaking point, then 2 minutes of recovery.
 * @param options - Overrides: VUs, duration, scale, open-model rate, name, exec, start time, limits.
 * @returns k6 options with the `stress` scenario and its thresholds.
 * @throws {ForgeError} When an override is invalid; the message names it.
 */
export function stressProfile(options: ProfileOptions = {}): Options {
  return buildProfile('stress', SHAPE, options);
}
