import { endpointSubmetric, WHOLE_RUN } from '../../lib/summary/endpoints.ts';
import { hasSamples } from '../../lib/summary/has-samples.ts';
import type { RunVerdict } from '../../lib/summary/types.ts';
import { byCodeUnits } from '../../lib/text-order.ts';
import { type SummaryFile, statOf } from './summary-file.ts';

/** The numbers compare judges for one endpoint, or for the whole run. */
export interface EndpointNumbers {
  /** `http_reqs` rate: requests per second. */
  readonly requestsPerSecond?: number;
  /** `http_req_duration` p(95), in milliseconds. */
  readonly p95?: number;
  /** `http_req_failed` rate: the share of failed requests. */
  readonly errorRate?: number;
}

/** A run's comparable numbers by endpoint; `WHOLE_RUN` (`*`) holds the whole run's. */
export type Comparable = Readonly<Record<string, EndpointNumbers>>;

/** A run to compare: where its numbers came from, its scenario when known, and the numbers. */
export interface ComparableRun {
  readonly path: string;
  readonly scenario: string | undefined;
  readonly endpoints: Comparable;
  /** The run's own verdict, from its k6-forge `meta`; absent without one. */
  readonly verdict?: RunVerdict | undefined;
}

const FIELD = { http_reqs: 'requestsPerSecond', http_req_duration: 'p95', http_req_failed: 'errorRate' } as const;

/**
 * Picks a summary's comparable numbers: the whole run's, then each endpoint's from sub-metrics tagged `endpoint`
 * (or, when there are none, `name`): `http_reqs{endpoint:x}` rate, `http_req_duration{endpoint:x}` p(95) and
 * `http_req_failed{endpoint:x}` rate. A sub-metric only exists when a threshold names it, so an endpoint may lack some;
 * a p95 or error rate without samples (an endpoint not called) is left out rather than read as 0.
 * @param summary - The run's summary.
 * @returns The numbers, whole run first, then endpoints by name.
 * @throws {ForgeError} `invalid_file` when the whole run's `http_reqs`, `http_req_duration` p(95) or `http_req_failed` is missing.
 */
export function comparableNumbers(summary: SummaryFile): Comparable {
  // A p95 or error rate without samples is no figure at all (k6 writes 0): left out, it fails in the run judged.
  const sampled = (metric: string, stat: string) => {
    const value = statOf(summary, metric, stat);
    return hasSamples(summary.metrics[metric]!) ? { [FIELD[metric as keyof typeof FIELD]]: value } : {};
  };
  const whole: EndpointNumbers = {
    requestsPerSecond: statOf(summary, 'http_reqs', 'rate'),
    ...sampled('http_req_duration', 'p(95)'),
    ...sampled('http_req_failed', 'rate'),
  };
  const byTag: Record<string, Map<string, Record<string, number>>> = { endpoint: new Map(), name: new Map() };
  for (const [metric, values] of Object.entries(summary.metrics)) {
    const { metric: base, tag, endpoint } = endpointSubmetric(metric) ?? {};
    if (base === undefined || !Object.hasOwn(FIELD, base) || tag === undefined || endpoint === undefined || endpoint === WHOLE_RUN)
      continue;
    const value = base === 'http_reqs' || hasSamples(values) ? values[base === 'http_req_duration' ? 'p(95)' : 'rate'] : undefined;
    const numbers = byTag[tag]!.get(endpoint) ?? {};
    if (value !== undefined) numbers[FIELD[base as keyof typeof FIELD]] = value;
    byTag[tag]!.set(endpoint, numbers);
  }
  const endpoints = byTag['endpoint']!.size > 0 ? byTag['endpoint']! : byTag['name']!;
  const sorted = [...endpoints].sort(([a], [b]) => byCodeUnits(a, b));
  return { [WHOLE_RUN]: whole, ...Object.fromEntries(sorted) };
}
