import type { Options } from 'k6/options';
import { buildProfile, type ProfileOptions } from './profile.ts';
import type { Shape } from './stages.ts';

const SHAPE: Shape = { kind: 'constant', vus: 50, duration: '2h' };

/**
 * A soak test (docs/requirements.md, 001): 50 VUs for 2 hours, to find leaks and slow degradation.
 * @param options - Overrides: VUs, duration, scale, open-model rate, name, exec, start time, limits.
 * @returns k6 options with the `soak` scenario and its thresholds.
 * @throws {ForgeError} When an override is invalid; the message names it.
 */
export function soakProfile(options: ProfileOptions = {}): Options {
  return buildProfile('soak', SHAPE, options);
}
