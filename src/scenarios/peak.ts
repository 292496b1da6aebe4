import type { Options } from 'k6/options';
import { buildProfile, type ProfileOptions } from './profile.ts';
import type { Shape } from './stages.ts';

const SHAPE: Shape = {
  kind: 'ramping',
  startVUs: 0,
  stages: [
    { duration: '2m', target: 200 },
    { duration: '10m', target: 200 },
    { duration: '2m', target: 0 },
  ],
};

/**
 * A peak-load test (docs/requirements.md, 003): the highest expected daily load, 200 VUs held for 10 minutes.
 * @param options - Overrides: VUs, duration, scale, open-model rate, name, exec, start time, limits.
 * @returns k6 options with the `peak` scenario and its thresholds.
 * @throws {ForgeError} When an override is invalid; the message names it.
 */
export function peakProfile(options: ProfileOptions = {}): Options {
  return buildProfile('peak', SHAPE, options);
}
