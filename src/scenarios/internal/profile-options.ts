// The work behind every profile factory: checking the overrides and building the scenario and its thresholds.
// `buildProfile` imports this lazily and runs it once per run (see ../../lib/once-per-run.ts).
import type { Options, Scenario } from 'k6/options';
import { parseDuration } from '../../lib/duration.ts';
import { ForgeError, invalidOption, shown } from '../../lib/errors.ts';
import { isName } from '../../lib/names.ts';
import { hostName, targetHost } from '../../lib/target-host.ts';
import { thresholdsFor } from '../../lib/thresholds.ts';
import type { ProfileOptions } from '../profile-overrides.ts';
import { arrivalRate } from '../rate.ts';
import { peakOf, type Shape, scaleTarget, stretchStages } from '../stages.ts';

/** How many preallocated VUs the open model may grow to by default. */
const MAX_VUS_PER_PREALLOCATED = 4;

function checkOptions(options: ProfileOptions): void {
  const { name, exec, vus, scale, rate, preAllocatedVUs } = options;
  if (name !== undefined && !isName(name, 'scenario')) invalidOption('name', name, 'a k6 scenario name of letters, digits, _ and -');
  if (exec !== undefined && !isName(exec, 'function')) invalidOption('exec', exec, 'the name of an exported function');
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

/** What the production guard reads when `ENVIRONMENT` is `production`. */
export interface ProductionTarget {
  /** `ALLOW_PRODUCTION_LOAD` as set. */
  readonly allow: string | undefined;
  /** `BASE_URL` as set. */
  readonly baseUrl: string | undefined;
}

/**
 * Refuses a profile heavier than smoke against production unless `ALLOW_PRODUCTION_LOAD` names the target's host
 * (`api.example.com`, or with its port `api.example.com:8443`), so that load on production is always a decision.
 * @param profile - The profile, such as `stress`.
 * @param production - `ALLOW_PRODUCTION_LOAD` and `BASE_URL`.
 * @throws {ForgeError} `invalid_env` naming `ALLOW_PRODUCTION_LOAD` and the host to set it to.
 */
function assertProductionLoadAllowed(profile: string, { allow, baseUrl }: ProductionTarget): void {
  const hostAndPort = targetHost(baseUrl);
  const host = hostName(hostAndPort);
  const given = allow?.toLowerCase();
  if (host !== '' && (given === host || given === hostAndPort)) return;
  throw new ForgeError('invalid_env', {
    field: 'ALLOW_PRODUCTION_LOAD',
    given: shown(allow),
    accepted: `${host || 'the host of a BASE_URL that is set'}, the target's host, to run the ${profile} profile with ENVIRONMENT=production (only smoke runs there without it)`,
  });
}

/**
 * The k6 options of one profile: its scenario (closed or open model) and its thresholds.
 * @param profile - The profile name, which keys its limits in the thresholds file.
 * @param shape - The profile's default closed-model shape.
 * @param options - The caller's overrides.
 * @param production - What the production guard reads, when `ENVIRONMENT` is `production` and the profile is not smoke.
 * @returns k6 `Options` with one scenario and its thresholds.
 * @throws {ForgeError} `invalid_option` or `invalid_duration` naming the bad override; `invalid_env` naming
 *   `ALLOW_PRODUCTION_LOAD` when production load is not confirmed for the target's host.
 */
export function profileOptions(profile: string, shape: Shape, options: ProfileOptions, production?: ProductionTarget): Options {
  if (production !== undefined) assertProductionLoadAllowed(profile, production);
  checkOptions(options);
  const name = options.name ?? profile;
  const executor = options.rate === undefined ? closedScenario(shape, options) : openScenario(shape, { ...options, rate: options.rate });
  const scenario: Scenario = {
    ...executor,
    ...(options.exec !== undefined && { exec: options.exec }),
    ...(options.startTime !== undefined && { startTime: options.startTime }),
    ...(options.tags !== undefined && { tags: { ...options.tags } }),
    ...(options.env !== undefined && { env: { ...options.env } }),
  };
  return {
    scenarios: { [name]: scenario },
    thresholds: {
      ...thresholdsFor(profile, {
        scenario: name,
        ...(options.thresholds !== undefined && { limits: options.thresholds }),
        ...(options.thresholdsFile !== undefined && { file: options.thresholdsFile }),
      }),
      // k6 fails the run (exit 99) when the scenario completed no iteration: it never ran (k6's --vus/--duration
      // replaced it) or every iteration stalled, where the latency and error-rate thresholds have no samples and pass.
      [`iterations{scenario:${name}}`]: ['count>0'],
    },
  };
}
