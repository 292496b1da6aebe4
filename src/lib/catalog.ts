import { check, sleep } from 'k6';
import http, { type Params, type RefinedResponse, type RequestBody, type ResponseType } from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import { idempotencyKey } from '../generators/unique-id.ts';
import { requestLogger, type DebugOptions, type RequestLogger } from './debug-log.ts';
import { parseDuration } from './duration.ts';
import { invalidOption } from './errors.ts';
import { metricName } from './metric-name.ts';
import { retrySchedule, type RetryPolicy, type RetrySchedule } from './retry.ts';
import { embeddedThresholds, type Limits, type ThresholdsFile } from './thresholds-file.ts';
import { limitsToThresholds, type Thresholds } from './thresholds.ts';

/** HTTP methods an endpoint may use. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** One endpoint, declared once. */
export interface EndpointSpec {
  /** The HTTP method. */
  readonly method: Method;
  /** The path template below `baseUrl`, such as `/deals/{id}`; it is also the `name` tag. */
  readonly path: string;
  /** The `service` tag, such as `deal`. */
  readonly service?: string;
  /** The `operation` tag. @default the endpoint's name */
  readonly operation?: string;
  /** Statuses that are not failures in `http_req_failed` (a 409 "sold out" is an answer). @default k6's 200–399 */
  readonly expect?: readonly number[];
  /** The Trend that records this endpoint's latency. @default `<name>_duration` */
  readonly trend?: string;
  /** Request timeout in k6 duration syntax. @default the catalog's, else k6's 60s */
  readonly timeout?: string;
  /** Send an idempotency key (the same one on every retry). @default false */
  readonly idempotencyKey?: boolean;
  /** Retries with backoff; only for idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS or with `idempotencyKey`). */
  readonly retry?: RetryPolicy;
  /** Send the catalog's auth headers. @default true */
  readonly auth?: boolean;
  /** Check every response against `expect` (or 2xx), as `<name> status is ...`. @default true */
  readonly checkStatus?: boolean;
  /** Redirects to follow. @default 0 when `expect` holds a 3xx status, else k6's 10 */
  readonly redirects?: number;
  /** Limits over the thresholds file's `endpoints.<name>`, key by key. */
  readonly thresholds?: Limits;
}

/** Endpoints by name; names are letters, digits and `_`, so they make valid metric names. */
export type EndpointSpecs = Readonly<Record<string, EndpointSpec>>;

/** Supplies auth headers for each request; it may call the catalog itself (to log in). */
export interface Auth {
  /**
   * The headers to add to a request.
   * @param api - The catalog, for login and refresh calls (made with `auth: false` endpoints).
   */
  headers(api: Sender): Readonly<Record<string, string>>;
}

/** Per-request choices. */
export interface SendOptions {
  /** Values for the path template's `{placeholders}`. */
  readonly path?: Readonly<Record<string, string | number>>;
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** The body: objects are sent as JSON, strings and binary as they are. */
  readonly body?: unknown;
  /** Headers over the catalog's and the auth headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Tags over the endpoint's. */
  readonly tags?: Readonly<Record<string, string>>;
  /** The idempotency key to send (for a retry of your own). @default a new key, unique across the run's VUs */
  readonly idempotencyKey?: string;
}

type Placeholders<P extends string> = P extends `${string}{${infer K}}${infer Rest}` ? K | Placeholders<Rest> : never;

/** The arguments of `send` for a path template: `path` values are required when it has placeholders. */
export type SendArgs<P extends string> = [Placeholders<P>] extends [never]
  ? [options?: SendOptions]
  : [options: SendOptions & { readonly path: Readonly<Record<Placeholders<P>, string | number>> }];

/** A k6 response. */
export type ApiResponse = RefinedResponse<ResponseType | undefined>;

/** What auth providers need of a catalog: sending by endpoint name. */
export interface Sender {
  /**
   * Sends a request to a declared endpoint.
   * @param name - The endpoint.
   * @param options - Path values, query, body, headers, tags.
   */
  send(name: string, options?: SendOptions): ApiResponse;
}

/** A typed catalog of endpoints. */
export interface Api<S extends EndpointSpecs> extends Sender {
  /**
   * Sends a request to a declared endpoint: resolved against `baseUrl`, tagged, timed, checked and counted.
   * @param name - The endpoint.
   * @param options - Path values (required when the template has placeholders), query, body, headers, tags.
   * @returns k6's response; non-2xx answers are returned, not thrown.
   */
  send<K extends keyof S & string>(name: K, ...options: SendArgs<S[K]['path']>): ApiResponse;
  /**
   * k6 thresholds for every endpoint: its limits from the thresholds file (and its own) on `{endpoint:<name>}`
   * sub-metrics, plus the empty thresholds that make each endpoint's latency, failures and throughput show in the summary.
   * @returns Thresholds to compose into the script's options.
   */
  thresholds(): Thresholds;
  /**
   * Records a business-level outcome (a 200 whose content is wrong) in the `business_errors` Rate.
   * @param name - The endpoint the outcome belongs to.
   * @param failed - Whether it was an error.
   */
  reportBusinessError(name: keyof S & string, failed: boolean): void;
}

/** Options shared by every endpoint of a catalog. */
export interface CatalogOptions {
  /** The base URL, such as `config.BASE_URL`. */
  readonly baseUrl: string;
  /** Headers on every request. @default `Accept: application/json` */
  readonly headers?: Readonly<Record<string, string>>;
  /** Default request timeout in k6 duration syntax. */
  readonly timeout?: string;
  /** Where auth headers come from: `bearerAuth(token)` or `sessionAuth(...)`. */
  readonly auth?: Auth;
  /** DEBUG mode: `config.DEBUG`, or sampling options. @default false */
  readonly debug?: boolean | DebugOptions;
  /** The idempotency header's name. @default "x-idempotency-key" */
  readonly idempotencyHeader?: string;
  /** The baselines to read endpoint limits from. @default the thresholds file embedded by `k6-forge build` */
  readonly thresholdsFile?: ThresholdsFile;
}

const IDEMPOTENT_METHODS: readonly Method[] = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];
const STATUS_CLASSES = ['failed', '1xx', '2xx', '3xx', '4xx', '5xx'] as const;
const ENDPOINT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Compiled {
  readonly name: string;
  readonly spec: EndpointSpec;
  readonly pathParts: readonly string[];
  readonly params: Params;
  readonly trend: Trend;
  readonly metricTags: { readonly endpoint: string };
  readonly statusCheck: Record<string, (res: ApiResponse) => boolean> | undefined;
  readonly retry: RetrySchedule | undefined;
  /** Params reused while the auth headers stay the same object: the common request allocates none. */
  reusable?: { readonly auth: object | undefined; readonly params: Params };
}

function compile(name: string, spec: EndpointSpec, options: CatalogOptions): Compiled {
  const field = `endpoints.${name}`;
  if (!ENDPOINT_NAME.test(name)) invalidOption(field, name, 'an endpoint name of letters, digits and _, starting with a letter or _');
  if (!spec.path.startsWith('/')) invalidOption(`${field}.path`, spec.path, 'a path template starting with /, such as /deals/{id}');
  const idempotent = IDEMPOTENT_METHODS.includes(spec.method) || spec.idempotencyKey === true;
  if (spec.retry && !idempotent) {
    invalidOption(`${field}.retry`, spec.retry, `retries only on idempotent requests: ${IDEMPOTENT_METHODS.join(', ')}, or set idempotencyKey`);
  }
  const timeout = spec.timeout ?? options.timeout;
  if (timeout !== undefined) parseDuration(timeout, `${field}.timeout`);
  const expect = spec.expect;
  const redirects = spec.redirects ?? (expect?.some((s) => s >= 300 && s < 400) ? 0 : undefined);
  const params: Params = {
    tags: { name: spec.path, endpoint: name, operation: spec.operation ?? name, ...(spec.service !== undefined && { service: spec.service }) },
    ...(expect !== undefined && { responseCallback: http.expectedStatuses(...expect) }),
    ...(timeout !== undefined && { timeout }),
    ...(redirects !== undefined && { redirects }),
  };
  const accepted = expect ?? [];
  const checkName = `${name} status is ${expect ? expect.join(' or ') : '2xx'}`;
  return {
    name,
    spec,
    pathParts: spec.path.split(/\{([^}]+)\}/),
    params,
    trend: new Trend(metricName(spec.trend ?? `${name}_duration`, `${field}.trend`), true),
    metricTags: { endpoint: name },
    statusCheck:
      spec.checkStatus === false
        ? undefined
        : { [checkName]: expect ? (res) => accepted.includes(res.status) : (res) => res.status >= 200 && res.status < 300 },
    retry: spec.retry && retrySchedule(spec.retry, `${field}.retry`),
  };
}

function fillPath(endpoint: Compiled, values: Readonly<Record<string, string | number>> = {}): string {
  let path = endpoint.pathParts[0]!;
  for (let i = 1; i < endpoint.pathParts.length; i += 2) {
    const key = endpoint.pathParts[i]!;
    const value = values[key];
    if (value === undefined) invalidOption(`${endpoint.name}.path.${key}`, value, `a value for {${key}} in ${endpoint.spec.path}`);
    path += encodeURIComponent(String(value)) + endpoint.pathParts[i + 1]!;
  }
  return path;
}

function queryString(query: SendOptions['query']): string {
  if (!query) return '';
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/**
 * Declares a team's endpoints once and returns the typed request API over `k6/http`. Call it in the init
 * context: it creates each endpoint's Trend, the status-class Counters and the `business_errors` Rate there.
 * @param specs - Endpoints by name.
 * @param options - Base URL, default headers and timeout, auth, DEBUG mode, idempotency header.
 * @returns The catalog: `send`, `thresholds`, `reportBusinessError`.
 * @throws {ForgeError} `invalid_option` for a bad name, path, metric name, timeout or a retry on a non-idempotent request.
 */
export function catalog<const S extends EndpointSpecs>(specs: S, options: CatalogOptions): Api<S> {
  const endpoints = new Map(Object.entries(specs).map(([name, spec]) => [name, compile(name, spec, options)]));
  const byClass = Object.fromEntries(STATUS_CLASSES.map((c) => [c, new Counter(`responses_${c}`)])) as Record<(typeof STATUS_CLASSES)[number], Counter>;
  const businessErrors = new Rate('business_errors');
  const baseHeaders = options.headers ?? { Accept: 'application/json' };
  const idempotencyHeader = options.idempotencyHeader ?? 'x-idempotency-key';
  const log: RequestLogger | undefined =
    options.debug === true ? requestLogger() : options.debug ? requestLogger(options.debug) : undefined;

  const endpoint = (name: string): Compiled =>
    endpoints.get(name) ?? invalidOption('endpoint', name, `a declared endpoint: ${[...endpoints.keys()].join(', ')}`);

  const api: Api<S> = {
    send(name: string, request: SendOptions = {}): ApiResponse {
      const ep = endpoint(name);
      const url = options.baseUrl + fillPath(ep, request.path) + queryString(request.query);
      const json = request.body !== undefined && typeof request.body === 'object' && !(request.body instanceof ArrayBuffer);
      const auth = ep.spec.auth !== false ? options.auth?.headers(api) : undefined;
      const body = (json ? JSON.stringify(request.body) : request.body) as RequestBody | null | undefined;
      let params: Params;
      if (!json && !ep.spec.idempotencyKey && !request.headers && !request.tags) {
        if (!ep.reusable || ep.reusable.auth !== auth) ep.reusable = { auth, params: { ...ep.params, headers: { ...baseHeaders, ...auth } } };
        params = ep.reusable!.params;
      } else {
        const headers: Record<string, string> = {
          ...baseHeaders,
          ...(json && { 'Content-Type': 'application/json' }),
          ...auth,
          ...(ep.spec.idempotencyKey && { [idempotencyHeader]: request.idempotencyKey ?? idempotencyKey() }),
          ...request.headers,
        };
        params = { ...ep.params, headers, ...(request.tags && { tags: { ...ep.params.tags, ...request.tags } }) };
      }
      let res = http.request(ep.spec.method, url, body ?? null, params);
      for (const wait of ep.retry?.waits ?? []) {
        if (!ep.retry!.on.includes(res.status)) break;
        sleep(wait);
        res = http.request(ep.spec.method, url, body ?? null, params);
      }
      ep.trend.add(res.timings.duration);
      byClass[res.status === 0 ? 'failed' : STATUS_CLASSES[Math.floor(res.status / 100)] ?? 'failed'].add(1, ep.metricTags);
      if (ep.statusCheck) check(res, ep.statusCheck, ep.metricTags);
      log?.(`${ep.spec.method} ${ep.spec.path}`, { url, headers: params.headers ?? {}, body }, res);
      return res;
    },

    thresholds(): Thresholds {
      const file = options.thresholdsFile ?? embeddedThresholds();
      const thresholds: Thresholds = {};
      for (const { name, spec } of endpoints.values()) {
        const selector = `endpoint:${name}`;
        Object.assign(
          thresholds,
          { [`http_req_duration{${selector}}`]: [], [`http_req_failed{${selector}}`]: [], [`http_reqs{${selector}}`]: [] },
          limitsToThresholds({ ...file.endpoints?.[name], ...spec.thresholds }, selector),
        );
      }
      return thresholds;
    },

    reportBusinessError(name: string, failed: boolean): void {
      businessErrors.add(failed, endpoint(name).metricTags);
    },
  } as Api<S>;
  return api;
}
