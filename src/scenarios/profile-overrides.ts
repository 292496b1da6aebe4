// The overrides every profile factory takes: their own module, so that profile.ts and the work it imports lazily
// (internal/profile-options.ts) both name them without importing each other.
import type { Limits, ThresholdsFile } from '../lib/thresholds-file.ts';

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
