import type { Options } from 'k6/options';
import { oncePerRun } from '../lib/once-per-run.ts';
import { profileOptions } from './internal/profile-options.ts' with { lazy: 'true' };
import type { ProfileOptions } from './profile-overrides.ts';
import type { Shape } from './stages.ts';

/** The trend columns every profile asks k6 to summarise: k6's defaults plus p(99), which the baselines use. */
export const SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

export type { ProfileOptions } from './profile-overrides.ts';

/**
 * Builds k6 options for one profile: its scenario (closed or open model) and its thresholds. The work runs once per
 * run, in k6's first init, and every VU gets a copy (see once-per-run.ts).
 * @param profile - The profile name, which keys its limits in the thresholds file.
 * @param shape - The profile's default closed-model shape.
 * @param options - The caller's overrides.
 * @returns k6 `Options` with one scenario, its thresholds and the trend columns to summarise.
 * @throws {ForgeError} `invalid_option` or `invalid_duration` naming the bad override; `invalid_env` naming
 *   `ALLOW_PRODUCTION_LOAD` for a profile other than smoke when `ENVIRONMENT` is `production` and that variable does
 *   not name the host of `BASE_URL`.
 */
export function buildProfile(profile: string, shape: Shape, options: ProfileOptions = {}): Options {
  // The production guard costs a VU one string comparison unless the run is against production.
  const env = __ENV;
  const production =
    env['ENVIRONMENT'] === 'production' && profile !== 'smoke'
      ? { allow: env['ALLOW_PRODUCTION_LOAD'], baseUrl: env['BASE_URL'] }
      : undefined;
  const built = oncePerRun('profile', [profile, shape, options, production], () => profileOptions(profile, shape, options, production));
  return { ...built, summaryTrendStats: [...SUMMARY_TREND_STATS] };
}
