// The work behind `catalog`: checking every endpoint spec and working out what its requests carry, and each
// endpoint's thresholds. `catalog` imports this lazily and runs it once per run (see ../once-per-run.ts); each VU then
// parses the plans of the endpoints it calls and builds their live objects (metrics, callbacks).

import { parseDuration } from '../duration.ts';
import type { EndpointSpec, EndpointSpecs, Method } from '../endpoint-spec.ts';
import { invalidOption } from '../errors.ts';
import { metricName } from '../metric-name.ts';
import { isName } from '../names.ts';
import { type RetrySchedule, retrySchedule } from '../retry.ts';
import { limitsToThresholds, type Thresholds } from '../thresholds.ts';
import { embeddedThresholds, type ThresholdsFile } from '../thresholds-file.ts';

/** What every request to one endpoint carries, worked out from its spec: plain JSON, the same in every VU. */
export interface EndpointPlan {
  /** The HTTP method. */
  readonly method: Method;
  /** The path template, such as `/deals/{id}`. */
  readonly path: string;
  /**
   * The path template split at its placeholders: text, key, text, key, ..., text; none for a path without placeholders
   * (the path itself), so that such an endpoint costs a VU no array.
   */
  readonly pathParts?: readonly string[];
  /** The request tags: `name` (the template), `endpoint`, `operation` and `service`. */
  readonly tags: Readonly<Record<string, string>>;
  /** The request timeout, when one is set. */
  readonly timeout?: string;
  /** Redirects to follow, when not k6's default. */
  readonly redirects?: number;
  /** The statuses that are not failures, when declared. */
  readonly expect?: readonly number[];
  /** The Trend that records the endpoint's latency, when named. */
  readonly trend?: string;
  /** The status check's name, unless the check is off. */
  readonly checkName?: string;
  /** Whether each request carries an idempotency key. */
  readonly idempotencyKey: boolean;
  /** Whether requests carry the catalog's auth headers. */
  readonly auth: boolean;
  /** The retry schedule, when the endpoint retries. */
  readonly retry?: RetrySchedule;
}

const IDEMPOTENT_METHODS: readonly Method[] = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];

/** `/deals/{id}/notes` as `['/deals/', 'id', '/notes']`: text and placeholder names in turn. */
function templateParts(path: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let open = path.indexOf('{'); open >= 0; open = path.indexOf('{', from)) {
    const close = path.indexOf('}', open);
    if (close < 0) break;
    parts.push(path.slice(from, open), path.slice(open + 1, close));
    from = close + 1;
  }
  parts.push(path.slice(from));
  return parts;
}

function plan(name: string, spec: EndpointSpec, defaultTimeout: string | undefined): EndpointPlan {
  const field = `endpoints.${name}`;
  if (!isName(name, 'identifier')) invalidOption(field, name, 'an endpoint name of letters, digits and _, starting with a letter or _');
  if (!spec.path.startsWith('/')) invalidOption(`${field}.path`, spec.path, 'a path template starting with /, such as /deals/{id}');
  const idempotencyKey = spec.idempotencyKey === true;
  if (spec.retry && !(IDEMPOTENT_METHODS.includes(spec.method) || idempotencyKey)) {
    invalidOption(
      `${field}.retry`,
      spec.retry,
      `retries only on idempotent requests: ${IDEMPOTENT_METHODS.join(', ')}, or set idempotencyKey`,
    );
  }
  const timeout = spec.timeout ?? defaultTimeout;
  if (timeout !== undefined) parseDuration(timeout, `${field}.timeout`);
  const { expect } = spec;
  const redirects = spec.redirects ?? (expect?.some((s) => s >= 300 && s < 400) ? 0 : undefined);
  return {
    method: spec.method,
    path: spec.path,
    ...(spec.path.includes('{') && { pathParts: templateParts(spec.path) }),
    tags: {
      name: spec.path,
      endpoint: name,
      operation: spec.operation ?? name,
      ...(spec.service !== undefined && { service: spec.service }),
    },
    ...(timeout !== undefined && { timeout }),
    ...(redirects !== undefined && { redirects }),
    ...(expect !== undefined && { expect: [...expect] }),
    ...(spec.trend !== undefined && { trend: metricName(spec.trend, `${field}.trend`) }),
    ...(spec.checkStatus !== false && { checkName: `${name} status is ${expect ? expect.join(' or ') : '2xx'}` }),
    idempotencyKey,
    auth: spec.auth !== false,
    ...(spec.retry && { retry: retrySchedule(spec.retry, `${field}.retry`) }),
  };
}

/**
 * The plans as the catalog shares them with every VU: a VU parses an endpoint's plan on its first request to it, so an
 * endpoint it never calls costs it a string, not an object (about 2 KB a VU under k6 v2.2.0).
 */
export interface SharedPlans {
  /** Each endpoint's {@link EndpointPlan} as JSON, by endpoint name, in the specs' order. */
  readonly plans: Readonly<Record<string, string>>;
  /** The Trend each endpoint that names one records, by endpoint name: k6 takes new metrics at init only. */
  readonly trends: Readonly<Record<string, string>>;
}

/**
 * Checks every endpoint spec and plans its requests.
 * @param specs - Endpoints by name.
 * @param defaultTimeout - The catalog's request timeout, when set.
 * @returns The plans as JSON and the Trends they name.
 * @throws {ForgeError} `invalid_option` for a bad name, path, metric name, timeout or a retry on a non-idempotent request.
 */
export function sharedPlans(specs: EndpointSpecs, defaultTimeout: string | undefined): SharedPlans {
  const plans: Record<string, string> = {};
  const trends: Record<string, string> = {};
  for (const name of Object.keys(specs)) {
    const endpoint = plan(name, specs[name]!, defaultTimeout);
    plans[name] = JSON.stringify(endpoint);
    if (endpoint.trend !== undefined) trends[name] = endpoint.trend;
  }
  return { plans, trends };
}

/**
 * Every endpoint's thresholds: its limits from the file (and its own) on `{endpoint:<name>}` sub-metrics, plus the empty
 * thresholds that make its latency, failures and throughput show in the summary.
 * @param specs - Endpoints by name.
 * @param file - The baselines. @default the thresholds file embedded by `k6-forge build`
 * @returns k6 thresholds.
 */
export function endpointThresholds(specs: EndpointSpecs, file: ThresholdsFile = embeddedThresholds()): Thresholds {
  const thresholds: Thresholds = {};
  for (const name of Object.keys(specs)) {
    const selector = `endpoint:${name}`;
    Object.assign(
      thresholds,
      { [`http_req_duration{${selector}}`]: [], [`http_req_failed{${selector}}`]: [], [`http_reqs{${selector}}`]: [] },
      limitsToThresholds({ ...file.endpoints?.[name], ...specs[name]!.thresholds }, selector),
    );
  }
  return thresholds;
}
