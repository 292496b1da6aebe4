import type { Options } from 'k6/options';
import { oncePerRun } from '../lib/once-per-run.ts';
import type { Limits, ThresholdsFile } from '../lib/thresholds-file.ts';
import { profileOptions } from './internal/profile-options.ts' with { lazy: 'true' };
import type { Shape } from './stages.ts';

/** The trend columns every profile asks k6 to summarise: k6's defaults plus p(99), which the baselines use. */
export const SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

/** Overrides every profile factory takes. Fields may be `undefined`, so config values pass straight through. */
export interface ProfileOptions {
  /** The k6 scenario name. @default the profile name, such as `smoke` */
  readonly name?: string | undefined;
  /** The exported function this scenario runs. @default "default" */
  readonly exec?: string | undefined;
  /** When the scenario starts, relative to the test start, in k6 duration syntax. @default "0s" */
  readonly startTime?: string | undefined;
  /** Closed model: the peak VUs, every stage scaled to it. Open model: the most VUs k6 may start (`maxVUs`). */
  readonly vus?: number | undefined;
  /** The total duration; stages are stretched in proportion to fill it. */
  readonly duration?: string | undefined;
  /** Multiplies every stage target (VUs, or the rate in the open model). Not with `vus` in the closed model. @default 1 */
  readonly scale?: number | undefined;
  /** Iterations per second at the peak: switches to the open model (arrival-rate executors). */
  readonly rate?: number | undefined;
  /** Open model: VUs k6 starts before the test. @default the peak rate per second, rounded up, at most `vus` */
  readonly preAllocatedVUs?: number | undefined;
  /** Tags added to every sample of this scenario. */
  readonly tags?: Readonly<Record<string, string>> | undefined;
  /** Environment variables for this scenario only. */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** Limits that replace the thresholds file's for this scenario, key by key. */
  readonly thresholds?: Limits | undefined;
  /** The baselines to read. @default the thresholds file embedded by `k6-forge build` */
  readonly thresholdsFile?: ThresholdsFile | undefined;
}

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
