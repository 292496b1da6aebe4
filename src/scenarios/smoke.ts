import type { Options } from 'k6/options';
import { buildProfile, type ProfileOptions } from './profile.ts';
import type { Shape } from './stages.ts';

const SHAPE: Shape = { kind: 'constant', vus: 10, duration: '1m' };

/**
 * A smoke test (docs/requirements.md, 001): 10 VUs for 1 minute, a quick check that the system answers at all.
 * @param options - Overrides: VUs, duration, scale, open-model rate, name, exec, start time, limits.
 * @returns k6 options with the `smoke` scenario and its thresholds.
 * @throws {ForgeError} When an override is invalid; the message names it.
 */
export function smokeProfile(options: ProfileOptions = {}): Options {
  return buildProfile('smoke', SHAPE, options);
}
