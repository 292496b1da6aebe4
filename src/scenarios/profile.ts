import type { Options, Scenario } from 'k6/options';
import { parseDuration } from '../lib/duration.ts';
import { invalidOption } from '../lib/errors.ts';
import type { Limits, ThresholdsFile } from '../lib/thresholds-file.ts';
import { thresholdsFor } from '../lib/thresholds.ts';
import { arrivalRate } from './rate.ts';
import { peakOf, scaleTarget, stretchStages, type Shape } from './stages.ts';

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

/** How many preallocated VUs the open model may grow to by default. */
const MAX_VUS_PER_PREALLOCATED = 4;

function checkOptions(options: ProfileOptions): void {
  const { name, exec, vus, scale, rate, preAllocatedVUs } = options;
  if (name !== undefined && !/^[0-9a-zA-Z_-]+$/.test(name)) invalidOption('name', name, 'a k6 scenario name of letters, digits, _ and -');
  if (exec !== undefined && !/^[A-Za-z_$][\w$]*$/.test(exec)) invalidOption('exec', exec, 'the name of an exported function');
  if (vus !== undefined && !(Number.isInteger(vus) && vus > 0)) invalidOption('vus', vus, 'a whole number greater than 0');
  if (preAllocatedVUs !== undefined && !(Number.isInteger(preAllocatedVUs) && preAllocatedVUs > 0)) {
    invalidOption('preAllocatedVUs', preAllocatedVUs, 'a whole number greater than 0');
  }
  if (scale !== undefined && !(Number.isFinite(scale) && scale > 0)) invalidOption('scale', scale, 'a number greater than 0');
  if (rate !== undefined && !(Number.isFinite(rate) && rate > 0)) invalidOption('rate', rate, 'iterations per second, greater than 0');
  if (rate === undefined && vus !== undefined && scale !== undefined) {
    invalidOption('scale', scale, 'no scale when vus is set: vus already fixes the peak');
  }
  if (rate === undefined && preAllocatedVUs !== undefined) {
    invalidOption('preAllocatedVUs', preAllocatedVUs, 'no preAllocatedVUs without rate: it belongs to the open model');
  }
  if (options.duration !== undefined) parseDuration(options.duration, 'duration');
  if (options.startTime !== undefined) parseDuration(options.startTime, 'startTime', true);
}

function closedScenario(shape: Shape, options: ProfileOptions): Scenario {
  const factor = options.vus !== undefined ? options.vus / peakOf(shape) : (options.scale ?? 1);
  if (shape.kind === 'constant') {
    return { executor: 'constant-vus', vus: scaleTarget(shape.vus, factor), duration: options.duration ?? shape.duration };
  }
  const stages = options.duration === undefined ? shape.stages : stretchStages(shape.stages, parseDuration(options.duration));
  return {
    executor: 'ramping-vus',
    startVUs: scaleTarget(shape.startVUs, factor),
    stages: stages.map((s) => ({ duration: s.duration, target: scaleTarget(s.target, factor) })),
    ...(shape.gracefulRampDown !== undefined && { gracefulRampDown: shape.gracefulRampDown }),
  };
}

function openScenario(shape: Shape, options: ProfileOptions & { rate: number }): Scenario {
  const peakRate = options.rate * (options.scale ?? 1);
  const preAllocatedVUs = options.preAllocatedVUs ?? Math.min(Math.max(1, Math.ceil(peakRate)), options.vus ?? Infinity);
  const maxVUs = options.vus ?? preAllocatedVUs * MAX_VUS_PER_PREALLOCATED;
  if (maxVUs < preAllocatedVUs) invalidOption('vus', maxVUs, `at least preAllocatedVUs (${preAllocatedVUs}) in the open model`);
  const rate = arrivalRate(peakRate);
  const peak = peakOf(shape);
  if (shape.kind === 'constant') {
    return {
      executor: 'constant-arrival-rate',
      rate: rate.at(1),
      timeUnit: rate.timeUnit,
      duration: options.duration ?? shape.duration,
      preAllocatedVUs,
      maxVUs,
    };
  }
  const stages = options.duration === undefined ? shape.stages : stretchStages(shape.stages, parseDuration(options.duration));
  return {
    executor: 'ramping-arrival-rate',
    startRate: rate.at(shape.startVUs / peak),
    timeUnit: rate.timeUnit,
    preAllocatedVUs,
    maxVUs,
    stages: stages.map((s) => ({ duration: s.duration, target: rate.at(s.target / peak) })),
  };
}

/**
 * Builds k6 options for one profile: its scenario (closed or open model) and its thresholds.
 * @param profile - The profile name, which keys its limits in the thresholds file.
 * @param shape - The profile's default closed-model shape.
 * @param options - The caller's overrides.
 * @returns k6 `Options` with one scenario, its thresholds and the trend columns to summarise.
 * @throws {ForgeError} `invalid_option` or `invalid_duration` naming the bad override.
 */
export function buildProfile(profile: string, shape: Shape, options: ProfileOptions = {}): Options {
  checkOptions(options);
  const name = options.name ?? profile;
  const executor =
    options.rate === undefined ? closedScenario(shape, options) : openScenario(shape, { ...options, rate: options.rate });
  const scenario: Scenario = {
    ...executor,
    ...(options.exec !== undefined && { exec: options.exec }),
    ...(options.startTime !== undefined && { startTime: options.startTime }),
    ...(options.tags !== undefined && { tags: { ...options.tags } }),
    ...(options.env !== undefined && { env: { ...options.env } }),
  };
  return {
    scenarios: { [name]: scenario },
    thresholds: thresholdsFor(profile, {
      scenario: name,
      ...(options.thresholds !== undefined && { limits: options.thresholds }),
      ...(options.thresholdsFile !== undefined && { file: options.thresholdsFile }),
    }),
    summaryTrendStats: [...SUMMARY_TREND_STATS],
  };
}
