import { check, sleep } from 'k6';
import http, { type Params, type RefinedResponse, type RequestBody, type ResponseType } from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import { isBinary } from './binary.ts';
import { requestLogger } from './debug-log.ts' with { lazy: 'true' };
import type { DebugOptions } from './debug-log.ts';
import type { EndpointSpecs } from './endpoint-spec.ts';
import { invalidOption } from './errors.ts';
import { automaticKey } from './idempotency-key.ts' with { lazy: 'true' };
import { type EndpointPlan, endpointThresholds, sharedPlans } from './internal/endpoint-plans.ts' with { lazy: 'true' };
import { oncePerRun } from './once-per-run.ts';
import type { Thresholds } from './thresholds.ts';
import type { ThresholdsFile } from './thresholds-file.ts';

export type { EndpointSpec, EndpointSpecs, Method } from './endpoint-spec.ts';

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

/** The options of a `send` given none, shared so that such a call allocates nothing for them. */
const NO_OPTIONS: SendOptions = {};

/** One endpoint as a VU sends to it: its plan, parsed on its first request in this VU, with its live objects added. */
interface Endpoint extends EndpointPlan {
  /** Its tags, status callback, timeout and redirects, with the catalog's headers: the params of a request without auth. */
  params: Params;
  /** The base URL and the path, or the path's text before its first placeholder: all a request's URL that is fixed. */
  url: string;
  /** The path's one placeholder when it ends the path, as `id` in `/products/{id}`: the common template, filled without a loop. */
  pathKey?: string;
  /**
   * Whether a request sent with nothing but its path needs nothing but its params, its status Counter and its check: no
   * auth headers, idempotency key, retries, Trend or DEBUG log.
   */
  lean: boolean;
  metricTags: { readonly endpoint: string };
  trendMetric: Trend | undefined;
  statusCheck?: Record<string, (res: ApiResponse) => boolean>;
  /** The auth headers {@link Endpoint.authParams} was made with: while auth returns the same object, requests reuse it. */
  authHeaders?: object;
  authParams?: Params;
}

function is2xx(res: ApiResponse): boolean {
  return res.status >= 200 && res.status < 300;
}

/**
 * Declares a team's endpoints once and returns the typed request API over `k6/http`. Call it in the init
 * context: it creates the named Trends, the status-class Counters and the `business_errors` Rate there. The specs are
 * checked and planned once per run, in k6's first init (see once-per-run.ts); each VU builds only its live objects.
 * @param specs - Endpoints by name.
 * @param options - Base URL, default headers and timeout, auth, DEBUG mode, idempotency header.
 * @returns The catalog: `send`, `thresholds`, `reportBusinessError`.
 * @throws {ForgeError} `invalid_option` for a bad name, path, metric name, timeout or a retry on a non-idempotent request.
 */
export function catalog<const S extends EndpointSpecs>(specs: S, options: CatalogOptions): Api<S> {
  const shared = oncePerRun('catalog', [specs, options.timeout ?? null], () => sharedPlans(specs, options.timeout));
  // The endpoints by name, without a prototype, so that a lookup by any name (`toString` too) finds only a declared
  // one: each is its plan's JSON until its first request in this VU makes it live. So an endpoint this VU never calls
  // (one of another scenario, or of setup(), which runs in VU 0) costs it a string. Every VU runs this, and builds each
  // built-in it first touches: hence a `__proto__: null` literal rather than Object.create and Object.hasOwn (0.6 KB a
  // method), and index loops, here and for retries, rather than an array iterator (about 4 KB under k6 v2.2.0) or
  // for-in (which makes the VU build every method of Object.prototype, to read whether each is enumerable).
  const endpoints = { __proto__: null } as unknown as Record<string, Endpoint | string | undefined>;
  const names = Object.keys(shared.plans);
  for (let i = 0; i < names.length; i += 1) endpoints[names[i]!] = shared.plans[names[i]!];
  // k6 takes new metrics at init only, so the named Trends are made here, ready for their endpoints' first requests.
  const trends = { __proto__: null } as unknown as Record<string, Trend | undefined>;
  const trendNames = Object.keys(shared.trends);
  for (let i = 0; i < trendNames.length; i += 1) trends[trendNames[i]!] = new Trend(shared.trends[trendNames[i]!]!, true);
  // Indexed by a status's hundreds; 0 is a failed request (no response).
  const byClass = [
    new Counter('responses_failed'),
    new Counter('responses_1xx'),
    new Counter('responses_2xx'),
    new Counter('responses_3xx'),
    new Counter('responses_4xx'),
    new Counter('responses_5xx'),
  ];
  const businessErrors = new Rate('business_errors');
  const baseHeaders = options.headers ?? { Accept: 'application/json' };
  const idempotencyHeader = options.idempotencyHeader ?? 'x-idempotency-key';
  const log = options.debug === true ? requestLogger({}) : options.debug ? requestLogger(options.debug) : undefined;
  const auth = options.auth;

  const api: Api<S> = {
    send(name: string, request: SendOptions = NO_OPTIONS): ApiResponse {
      let ep = endpoints[name] ?? invalidOption('endpoint', name, `a declared endpoint: ${names.join(', ')}`);
      // An endpoint's plan is parsed on its first request in this VU, and its live objects are added to it. They are
      // built here, and the path and the query filled below, rather than in helpers: each function a module declares
      // costs every VU about 0.7 KB (see "Per-VU cost under real k6" in the README). Plain assignments for the same
      // reason: Object.assign and a spread call would make each VU build more of the engine's built-ins.
      if (typeof ep === 'string') {
        const live = JSON.parse(ep) as Endpoint;
        const accepted = live.expect;
        const params: Params = { headers: baseHeaders, tags: live.tags };
        if (accepted !== undefined) params.responseCallback = http.expectedStatuses.apply(http, accepted as number[]);
        if (live.timeout !== undefined) params.timeout = live.timeout;
        if (live.redirects !== undefined) params.redirects = live.redirects;
        live.params = params;
        const parts = live.pathParts;
        live.url = options.baseUrl + (parts === undefined ? live.path : parts[0]);
        if (parts !== undefined && parts.length === 3 && parts[2] === '') live.pathKey = parts[1]!;
        live.metricTags = { endpoint: name };
        live.trendMetric = trends[name];
        if (live.checkName !== undefined) {
          // A loop rather than accepted.includes: Array.prototype.includes would be one more built-in for the VU to make.
          live.statusCheck = {
            [live.checkName]: accepted
              ? (res: ApiResponse) => {
                  for (let i = 0; i < accepted.length; i += 1) if (accepted[i] === res.status) return true;
                  return false;
                }
              : is2xx,
          };
        }
        live.lean =
          !live.idempotencyKey &&
          live.retry === undefined &&
          !(live.auth && auth !== undefined) &&
          live.trendMetric === undefined &&
          live.statusCheck !== undefined &&
          log === undefined;
        endpoints[name] = live;
        ep = live;
      }
      let url = ep.url;
      const key = ep.pathKey;
      const parts = ep.pathParts;
      if (key !== undefined) {
        // Without the loop below, which costs about 1% of the request loop's throughput under k6 v2.2.0.
        const value = request.path?.[key];
        if (value === undefined) invalidOption(`${name}.path.${key}`, value, `a value for {${key}} in ${ep.path}`);
        url += encodeURIComponent(value);
      } else if (parts !== undefined) {
        const values = request.path;
        for (let i = 1; i < parts.length; i += 2) {
          const value = values === undefined ? undefined : values[parts[i]!];
          if (value === undefined) invalidOption(`${name}.path.${parts[i]}`, value, `a value for {${parts[i]}} in ${ep.path}`);
          url += encodeURIComponent(value) + parts[i + 1]!;
        }
      }
      // A lean endpoint sent with nothing but its path takes the shortest way: under k6 each read and branch here costs
      // about 0.05% of the request loop's throughput (see "Per-VU cost under real k6" in the README), so this path reads
      // the options in its test and records the status class and the check itself, skipping the tests for a Trend and a log.
      if (
        ep.lean &&
        request.query === undefined &&
        request.body === undefined &&
        request.headers === undefined &&
        request.tags === undefined
      ) {
        const res = http.request(ep.method, url, null, ep.params);
        // `| 0` rather than Math.floor, which would make the VU build Math for a request's status class.
        (byClass[(res.status / 100) | 0] ?? byClass[0]!).add(1, ep.metricTags);
        check(res, ep.statusCheck!, ep.metricTags);
        return res;
      }
      const query = request.query;
      let body = request.body as RequestBody | object | null | undefined;
      const extraHeaders = request.headers;
      const extraTags = request.tags;
      let params = ep.params;
      if (query !== undefined) {
        const keys = Object.keys(query);
        let separator = '?';
        for (let i = 0; i < keys.length; i += 1) {
          const value = query[keys[i]!];
          if (value === undefined) continue;
          url += `${separator}${encodeURIComponent(keys[i]!)}=${encodeURIComponent(String(value))}`;
          separator = '&';
        }
      }
      const json = body !== undefined && typeof body === 'object' && !isBinary(body);
      if (json) body = JSON.stringify(body);
      const authHeaders = ep.auth && auth !== undefined ? auth.headers(api) : undefined;
      if (json || ep.idempotencyKey || extraHeaders || extraTags) {
        // Written field by field: every spread of a conditional part would allocate one more object per request.
        const headers: Record<string, string> = { ...baseHeaders };
        if (json) headers['Content-Type'] = 'application/json';
        if (authHeaders) Object.assign(headers, authHeaders);
        if (ep.idempotencyKey) headers[idempotencyHeader] = request.idempotencyKey ?? automaticKey();
        if (extraHeaders) Object.assign(headers, extraHeaders);
        params = { ...params, headers };
        if (extraTags) params.tags = { ...ep.tags, ...extraTags };
      } else if (authHeaders !== undefined) {
        if (ep.authHeaders !== authHeaders) {
          ep.authHeaders = authHeaders;
          ep.authParams = { ...params, headers: { ...baseHeaders, ...authHeaders } };
        }
        params = ep.authParams!;
      }
      const sent = (body ?? null) as RequestBody | null;
      let res = http.request(ep.method, url, sent, params);
      const retry = ep.retry;
      if (retry !== undefined) {
        for (let i = 0; i < retry.waits.length && retry.on.includes(res.status); i += 1) {
          sleep(retry.waits[i]!);
          res = http.request(ep.method, url, sent, params);
        }
      }
      ep.trendMetric?.add(res.timings.duration);
      (byClass[(res.status / 100) | 0] ?? byClass[0]!).add(1, ep.metricTags);
      if (ep.statusCheck) check(res, ep.statusCheck, ep.metricTags);
      if (log) log(`${ep.method} ${ep.path}`, { url, headers: params.headers ?? {}, body: sent }, res);
      return res;
    },

    thresholds(): Thresholds {
      const file = options.thresholdsFile;
      return oncePerRun('endpoint thresholds', [specs, file ?? null], () => endpointThresholds(specs, file));
    },

    reportBusinessError(name: string, failed: boolean): void {
      const entry = endpoints[name] ?? invalidOption('endpoint', name, `a declared endpoint: ${names.join(', ')}`);
      // An endpoint not yet sent to in this VU is tagged as its live objects would be, without building them.
      businessErrors.add(failed, typeof entry === 'string' ? { endpoint: name } : entry.metricTags);
    },
  } as Api<S>;
  return api;
}
