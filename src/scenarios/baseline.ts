import type { Options } from 'k6/options';
import { buildProfile, type ProfileOptions } from './profile.ts';
import type { Shape } from './stages.ts';

const SHAPE: Shape = {
  kind: 'ramping',
  startVUs: 0,
  stages: [
    { duration: '1m', target: 20 },
    { duration: '5m', target: 20 },
    { duration: '1m', target: 0 },
  ],
};

/**
 * A baseline test (docs/requirements.md, 000 and 003): steady, moderate load of 20 VUs for 5 minutes, the reference that regressions are measured against.
 * @param options - Overrides: VUs, duration, scale, open-model rate, name, exec, start time, limits.
 * @returns k6 options with the `baseline` scenario and its thresholds.
 * @throws {ForgeError} When an override is invalid; the message names it.
 */
export function baselineProfile(options: ProfileOptions = {}): Options {
  return buildProfile('baseline', SHAPE, options);
}
