import type { Options } from 'k6/options';
import { buildProfile, type ProfileOptions } from './profile.ts';
import type { Shape } from './stages.ts';

const SHAPE: Shape = {
  kind: 'ramping',
  startVUs: 0,
  stages: [
    { duration: '1m', target: 50 },
    { duration: '3m', target: 100 },
    { duration: '5m', target: 100 },
    { duration: '1m', target: 0 },
  ],
};

/**
 * A load test (docs/requirements.md, 001): normal production traffic, ramping to 100 VUs over 4 minutes, 5 minutes at 100, 1 minute down.
 * @param options - Overrides: VUs, duration, scale, open-model rate, name, exec, start time, limits.
 * @returns k6 options with the `load` scenario and its thresholds.
 * @throws {ForgeError} When an override is invalid; the message names it.
 */
export function loadProfile(options: ProfileOptions = {}): Options {
  return buildProfile('load', SHAPE, options);
}
