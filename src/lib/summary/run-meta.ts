import { targetHost } from '../target-host.ts';
import { runVerdict, thresholdVerdicts } from './run-verdict.ts';
import type { RunMeta, SummaryData } from './types.ts';

/** What `runMeta` reads beside k6's data. */
export interface RunMetaInput {
  /** The scenario or script name. */
  readonly scenario: string;
  /** The run's variables, such as k6's `__ENV`: `ENVIRONMENT`, `BASE_URL`, `GIT_REVISION`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** When the run ended (handleSummary runs right after). */
  readonly end: Date;
  /** The scenarios k6 ran, from `exec.test.options.scenarios`; undefined when k6 did not tell. */
  readonly scenarios?: readonly string[] | undefined;
}

/**
 * Builds the run metadata k6-forge records beside k6's numbers.
 * @param data - k6's summary metrics and state (for the run's duration).
 * @param input - The scenario, the variables and the end time.
 * @returns The run's metadata and verdict; the start is the end minus k6's `testRunDurationMs`.
 */
export function runMeta(data: Pick<SummaryData, 'metrics' | 'state'>, input: RunMetaInput): RunMeta {
  const { scenario, env, end, scenarios } = input;
  const start = new Date(end.getTime() - Math.round(data.state.testRunDurationMs));
  const gitRevision = env['GIT_REVISION'];
  const meta = {
    scenario,
    environment: env['ENVIRONMENT'] || 'development',
    targetHost: targetHost(env['BASE_URL']),
    startTime: start.toISOString(),
    endTime: end.toISOString(),
    k6ForgeVersion: typeof __K6_FORGE_VERSION__ === 'string' ? __K6_FORGE_VERSION__ : 'unknown',
    ...(gitRevision ? { gitRevision } : {}),
  };
  const thresholds = thresholdVerdicts(data.metrics);
  const ran = scenarios === undefined ? {} : { scenarios: [...scenarios] };
  return { ...meta, thresholds, ...ran, verdict: runVerdict({ scenario, thresholds, ...ran }) };
}
