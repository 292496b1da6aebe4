// <define:__K6_FORGE_THRESHOLDS__>
var define_K6_FORGE_THRESHOLDS_default = { global: { p95: 500, p99: 1e3, errorRate: 0.01 }, scenarios: { smoke: { p95: 1e3, errorRate: 0.01, abortOnFail: true, delayAbortEval: "10s" }, load: { p95: 500, errorRate: 0.01 }, stress: { p95: 1e3, p99: 2e3, errorRate: 0.05 }, spike: { p95: 2e3, p99: 4e3, errorRate: 0.1 }, soak: { p95: 500, errorRate: 0.01 }, baseline: { p95: 400, p99: 900, errorRate: 0.01 }, peak: { p95: 500, p99: 1e3, errorRate: 0.01 }, "flash-sale": { p95: 500, p99: 1e3, errorRate: 0.01 } }, endpoints: { login: { p95: 500, p99: 1e3 }, token_refresh: { p95: 100, p99: 200 }, register: { p95: 600, p99: 1200 }, deal_list: { p95: 300, p99: 600 }, deal_create: { p95: 400, p99: 800 }, deal_get: { p95: 150, p99: 300 }, deal_update: { p95: 300, p99: 600 }, customer_list: { p95: 400, p99: 800 }, customer_search: { p95: 500, p99: 1e3 }, customer_create: { p95: 500, p99: 1e3 }, tax_calculate: { p95: 100, p99: 200 }, tax_batch: { p95: 500, p99: 1e3 } }, gates: { baseline: { p95: 400, p99: 900, errorRate: 0.01 }, spike: { p95: 500, p99: 1200, errorRate: 0.02 } } };

// src/lib/errors.ts
var ForgeError = class extends Error {
  /**
   * @param code - The kind of bad input.
   * @param details - The field, the value given and the accepted form.
   */
  constructor(code, details) {
    super(`${details.field}: ${details.given} is not accepted; expected ${details.accepted}`);
    this.code = code;
    this.details = details;
  }
  code;
  details;
  name = "ForgeError";
};
function shown(value) {
  if (value === void 0) return "nothing";
  const text2 = JSON.stringify(value) ?? String(value);
  return text2.length > 80 ? `${text2.slice(0, 77)}...` : text2;
}

// src/lib/duration.ts
var UNIT_MS = { d: 864e5, h: 36e5, m: 6e4, s: 1e3, ms: 1 };
var PART = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/;
var WHOLE_DURATION = /^(?:\d+(?:\.\d+)?(?:ms|d|h|m|s))+$/;
var ORDER = ["d", "h", "m", "s", "ms"];
function parseDuration(text2, field2 = "duration", allowZero = false) {
  const fail2 = () => {
    throw new ForgeError("invalid_duration", {
      field: field2,
      given: shown(text2),
      accepted: `a k6 duration${allowZero ? "" : " greater than zero"}, such as 30s, 1m30s, 500ms or 2h`
    });
  };
  if (typeof text2 !== "string" || !WHOLE_DURATION.test(text2)) return fail2();
  const part = new RegExp(PART, "g");
  let total = 0;
  let rank = -1;
  for (let match = part.exec(text2); match; match = part.exec(text2)) {
    const unit = match[2];
    const unitRank = ORDER.indexOf(unit);
    if (unitRank <= rank) return fail2();
    rank = unitRank;
    total += Number(match[1]) * UNIT_MS[unit];
  }
  total = Math.round(total);
  return total > 0 || allowZero ? total : fail2();
}
function isDuration(value) {
  try {
    return typeof value === "string" && parseDuration(value) > 0;
  } catch {
    return false;
  }
}
function formatDuration(ms) {
  let rest = Math.round(ms);
  let text2 = "";
  for (const unit of ["h", "m", "s", "ms"]) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    if (count > 0) text2 += `${count}${unit}`;
    rest -= count * UNIT_MS[unit];
  }
  return text2 || "0s";
}

// src/lib/env.ts
var HOST = String.raw`(?:[a-z0-9_][a-z0-9_-]*(?:\.[a-z0-9_][a-z0-9_-]*)*\.?|\[[0-9a-f:.]+\])`;
var URL_FORM = new RegExp(String.raw`^https?://(?:[^\s/?#@]+@)?${HOST}(?::\d{1,5})?(?:[/?#]\S*)?$`, "i");
var WHOLE = /^[0-9]+$/;
var BOOLEANS = /* @__PURE__ */ new Map([
  ["true", true],
  ["false", false],
  ["1", true],
  ["0", false],
  ["yes", true],
  ["no", false]
]);
var FORMS = {
  text: { accepted: "any non-empty text", parse: (text2) => text2 },
  secret: { accepted: "any non-empty secret", parse: (text2) => text2 },
  url: {
    accepted: "an http:// or https:// URL with a host, such as https://api.example.com",
    parse: (text2) => URL_FORM.test(text2) ? text2.replace(/\/+$/, "") : void 0
  },
  positiveInteger: { accepted: "a whole number greater than 0, such as 10", parse: parsePositiveInteger },
  boolean: {
    accepted: "one of true, false, 1, 0, yes or no, in any case",
    parse: (text2) => BOOLEANS.get(text2.toLowerCase())
  },
  duration: { accepted: "a k6 duration greater than zero, such as 30s, 1m30s, 500ms or 2h", parse: (text2) => isDuration(text2) ? text2 : void 0 }
};
function parsePositiveInteger(text2) {
  const value = WHOLE.test(text2) ? Number(text2) : 0;
  return value > 0 && Number.isSafeInteger(value) ? value : void 0;
}
function declare(kind, options2) {
  return Object.freeze({ kind, ...options2 });
}
function text(options2) {
  return declare("text", options2);
}
function secret(options2) {
  return declare("secret", options2);
}
function url(options2) {
  return declare("url", options2);
}
function positiveInteger(options2) {
  return declare("positiveInteger", options2);
}
function boolean(options2) {
  return declare("boolean", options2);
}
function duration(options2) {
  return declare("duration", options2);
}
function oneOf(values, options2) {
  if (values.length === 0 || values.includes("")) {
    throw new ForgeError("invalid_option", {
      field: "oneOf values",
      given: shown(values),
      accepted: "a list of at least one non-empty string"
    });
  }
  return Object.freeze({ kind: "oneOf", values: Object.freeze([...values]), ...options2 });
}
function formOf(variable) {
  if (variable.kind !== "oneOf") return FORMS[variable.kind];
  const { values } = variable;
  return {
    accepted: `one of ${values.map(shown).join(", ")}`,
    parse: (text2) => values.includes(text2) ? text2 : void 0
  };
}
function fallback(name, variable, accepted, environment) {
  const byEnvironment = variable.byEnvironment;
  if (environment !== void 0 && byEnvironment && Object.prototype.hasOwnProperty.call(byEnvironment, environment)) {
    return byEnvironment[environment];
  }
  if (variable.default !== void 0) return variable.default;
  if (!variable.required) return void 0;
  const when = environment === void 0 ? "required" : `required when ENVIRONMENT is ${environment}`;
  throw new ForgeError("invalid_env", { field: name, given: shown(void 0), accepted: `${accepted} (${when})` });
}
function valueOf(name, variable, { source, environment }) {
  const given = source[name];
  const form = formOf(variable);
  if (given === void 0) return fallback(name, variable, form.accepted, environment);
  const value = given === "" ? void 0 : form.parse(given, name);
  if (value !== void 0) return value;
  throw new ForgeError("invalid_env", {
    field: name,
    given: variable.kind === "secret" ? "(hidden)" : shown(given),
    accepted: form.accepted
  });
}
function readEnv(schema, options2) {
  const config2 = {};
  for (const [name, variable] of Object.entries(schema)) {
    Object.defineProperty(config2, name, {
      value: valueOf(name, variable, options2),
      enumerable: variable.kind !== "secret"
    });
  }
  return Object.freeze(config2);
}

// src/lib/config.ts
var STANDARD_ENVIRONMENTS = ["development", "staging", "production"];
function standardVars(environments) {
  const development = (value) => ({ byEnvironment: { development: value } });
  return {
    ENVIRONMENT: oneOf([...STANDARD_ENVIRONMENTS, ...environments], { default: "development" }),
    BASE_URL: url({ required: true, ...development("http://127.0.0.1:3000") }),
    VUS: positiveInteger(),
    DURATION: duration(),
    DEBUG: boolean({ default: false }),
    TEST_USERNAME: text(development("loadtest@example.com")),
    TEST_PASSWORD: secret(development("LoadTest123!")),
    BEARER_TOKEN: secret(development("demo-token")),
    ACCOUNT_ID: text(development("acc-demo"))
  };
}
var STANDARD_NAMES = Object.keys(standardVars([]));
function assertNoStandardNames(vars) {
  const taken = Object.keys(vars).find((name) => STANDARD_NAMES.includes(name));
  if (taken === void 0) return;
  throw new ForgeError("invalid_option", {
    field: "vars",
    given: shown(taken),
    accepted: `a name that is not a standard variable (${STANDARD_NAMES.join(", ")})`
  });
}
function loadConfig(options2 = {}) {
  const { environments = [], vars = {}, source = __ENV } = options2;
  assertNoStandardNames(vars);
  const standard = standardVars(environments);
  const { ENVIRONMENT } = readEnv({ ENVIRONMENT: standard.ENVIRONMENT }, { source });
  return readEnv({ ...standard, ...vars }, { source, environment: ENVIRONMENT });
}

// src/lib/thresholds-file.ts
var SECTIONS = ["global", "scenarios", "endpoints", "gates"];
var LATENCY_KEY = /^(avg|med|max|p\d{1,2}(\.\d+)?)$/;
var ACCEPTED_KEYS = "avg, med, max, pN (such as p95 or p99.9), errorRate, abortOnFail or delayAbortEval";
function fail(source, path, given, accepted) {
  throw new ForgeError("invalid_thresholds", { field: `${source} at ${path}`, given: shown(given), accepted });
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function checkLimits(source, path, value, abortAllowed) {
  if (!isRecord(value)) fail(source, path, value, "an object of limits");
  for (const [key, limit] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (LATENCY_KEY.test(key)) {
      if (key.startsWith("p") && !(Number(key.slice(1)) > 0)) fail(source, at, key, "a percentile above p0, such as p95");
      if (typeof limit !== "number" || !Number.isFinite(limit) || limit <= 0) {
        fail(source, at, limit, "a number of milliseconds greater than 0");
      }
    } else if (key === "errorRate") {
      if (typeof limit !== "number" || !(limit > 0 && limit <= 1)) {
        fail(source, at, limit, "a share above 0 and at most 1, such as 0.01 for 1%");
      }
    } else if (key === "abortOnFail" || key === "delayAbortEval") {
      if (!abortAllowed) fail(source, at, limit, "no abort settings in a release gate");
      if (key === "abortOnFail" && typeof limit !== "boolean") fail(source, at, limit, "true or false");
      if (key === "delayAbortEval" && !isDuration(limit)) fail(source, at, limit, "a k6 duration such as 10s");
    } else {
      fail(source, at, key, `one of ${ACCEPTED_KEYS}`);
    }
  }
  return value;
}
function checkNamedLimits(source, path, value, abortAllowed) {
  if (!isRecord(value)) fail(source, path, value, "an object of named limits");
  for (const [name, limits] of Object.entries(value)) {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) fail(source, `${path}.${name}`, name, "a name of letters, digits, _ and -");
    checkLimits(source, `${path}.${name}`, limits, abortAllowed);
  }
  return value;
}
function parseThresholdsFile(value, source = "thresholds.json") {
  if (!isRecord(value)) fail(source, "$", value, "an object with global, scenarios, endpoints and gates");
  for (const [key, section] of Object.entries(value)) {
    const path = `$.${key}`;
    if (!SECTIONS.includes(key)) fail(source, path, key, `one of ${SECTIONS.join(", ")}`);
    if (key === "global") checkLimits(source, path, section, true);
    else checkNamedLimits(source, path, section, key !== "gates");
  }
  return value;
}
var embedded;
function embeddedThresholds() {
  if (embedded) return embedded;
  if (typeof define_K6_FORGE_THRESHOLDS_default === "undefined") {
    throw new ForgeError("invalid_thresholds", {
      field: "thresholds.json",
      given: "nothing embedded in this bundle",
      accepted: "a bundle made by `k6-forge build`, or a thresholds file passed to the factory"
    });
  }
  embedded = parseThresholdsFile(define_K6_FORGE_THRESHOLDS_default);
  return embedded;
}

// src/lib/thresholds.ts
var TREND_ORDER = ["avg", "med", "max"];
function latencyKeys(limits) {
  const percentiles = Object.keys(limits).filter((key) => /^p\d/.test(key)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  return [...TREND_ORDER.filter((key) => key in limits), ...percentiles];
}
function aggregation(key) {
  return key.startsWith("p") ? `p(${key.slice(1)})` : key;
}
function limitsToThresholds(limits, selector = "") {
  const tagged = (metric) => selector ? `${metric}{${selector}}` : metric;
  const expression = (text2) => limits.abortOnFail ? { threshold: text2, abortOnFail: true, delayAbortEval: limits.delayAbortEval ?? "10s" } : text2;
  const thresholds = {};
  const latency = latencyKeys(limits).map((key) => expression(`${aggregation(key)}<${limits[key]}`));
  if (latency.length > 0) thresholds[tagged("http_req_duration")] = latency;
  if (limits.errorRate !== void 0) thresholds[tagged("http_req_failed")] = [expression(`rate<${limits.errorRate}`)];
  return thresholds;
}
function thresholdsFor(profile, options2 = {}) {
  const file = options2.file ?? embeddedThresholds();
  const limits = { ...file.global, ...file.scenarios?.[profile], ...options2.limits };
  return limitsToThresholds(limits, `scenario:${options2.scenario ?? profile}`);
}

// src/lib/catalog.ts
import { check, sleep } from "k6";
import http from "k6/http";
import { Counter, Rate, Trend } from "k6/metrics";

// src/generators/uuid.ts
var HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function uuidv4() {
  const b = Array.from({ length: 16 }, () => Math.floor(Math.random() * 256));
  b[6] = b[6] & 15 | 64;
  b[8] = b[8] & 63 | 128;
  const h = b.map((byte) => HEX[byte]);
  return `${h.slice(0, 4).join("")}-${h.slice(4, 6).join("")}-${h.slice(6, 8).join("")}-${h.slice(8, 10).join("")}-${h.slice(10).join("")}`;
}

// src/lib/debug-log.ts
import exec from "k6/execution";

// src/lib/redact.ts
var REDACTED = "[redacted]";
var SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;
var SECRET_FIELD = /pass(word)?|token|secret|authori[sz]ation|cookie|api[-_]?key|credential/i;
function redactHeaders(headers) {
  const safe = {};
  for (const [name, value] of Object.entries(headers)) safe[name] = SECRET_HEADER.test(name) ? REDACTED : String(value);
  return safe;
}
function redactJson(value) {
  if (Array.isArray(value)) return value.map(redactJson);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field2]) => [key, SECRET_FIELD.test(key) ? REDACTED : redactJson(field2)])
  );
}
function redactBody(body, limit = 500) {
  if (body === null || body === void 0 || body === "") return "";
  let text2;
  if (typeof body !== "string") {
    text2 = typeof body === "object" && !(body instanceof ArrayBuffer) ? JSON.stringify(redactJson(body)) : "[binary]";
  } else {
    try {
      text2 = JSON.stringify(redactJson(JSON.parse(body)));
    } catch {
      text2 = /pass(word)?=|token=|secret=/i.test(body) ? REDACTED : body;
    }
  }
  return text2.length > limit ? `${text2.slice(0, limit)}...` : text2;
}
function redactUrl(url2) {
  return url2.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i, `$1${REDACTED}@`).replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, sep, key) => SECRET_FIELD.test(key) ? `${sep}${key}=${REDACTED}` : whole);
}

// src/lib/debug-log.ts
function requestLogger(options2 = {}) {
  const { vus = 2, first = 20, every = 100, log = (line) => console.log(line) } = options2;
  let seen = 0;
  return (label, sent, res) => {
    if (exec.vu.idInTest > vus) return;
    seen += 1;
    if (seen > first && (seen - first) % every !== 0) return;
    log(`[k6-forge debug] -> ${label} ${redactUrl(sent.url)} headers=${JSON.stringify(redactHeaders(sent.headers))} body=${redactBody(sent.body)}`);
    log(
      `[k6-forge debug] <- ${label} ${res.status} in ${res.timings.duration.toFixed(1)}ms headers=${JSON.stringify(redactHeaders(res.headers))} body=${redactBody(res.body)}`
    );
  };
}

// src/lib/metric-name.ts
var METRIC_NAME = /^[a-zA-Z_][a-zA-Z0-9_]{1,128}$/;
function metricName(name, field2) {
  if (METRIC_NAME.test(name)) return name;
  throw new ForgeError("invalid_option", {
    field: field2,
    given: shown(name),
    accepted: "a k6 metric name: a letter or _, then 1 to 128 letters, digits or _"
  });
}

// src/lib/retry.ts
function retrySchedule(policy, field2) {
  const { attempts, backoff = "100ms", factor = 2, on = [0, 502, 503, 504] } = policy;
  if (!(Number.isInteger(attempts) && attempts >= 2 && attempts <= 10)) {
    throw new ForgeError("invalid_option", { field: `${field2}.attempts`, given: shown(attempts), accepted: "a whole number from 2 to 10" });
  }
  if (!(Number.isFinite(factor) && factor >= 1)) {
    throw new ForgeError("invalid_option", { field: `${field2}.factor`, given: shown(factor), accepted: "a number of 1 or more" });
  }
  const firstMs = parseDuration(backoff, `${field2}.backoff`);
  return { on: [...on], waits: Array.from({ length: attempts - 1 }, (_, i) => Math.round(firstMs * factor ** i) / 1e3) };
}

// src/lib/catalog.ts
var IDEMPOTENT_METHODS = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"];
var STATUS_CLASSES = ["failed", "1xx", "2xx", "3xx", "4xx", "5xx"];
var ENDPOINT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function invalid(field2, given, accepted) {
  throw new ForgeError("invalid_option", { field: field2, given: shown(given), accepted });
}
function compile(name, spec, options2) {
  const field2 = `endpoints.${name}`;
  if (!ENDPOINT_NAME.test(name)) invalid(field2, name, "an endpoint name of letters, digits and _, starting with a letter or _");
  if (!spec.path.startsWith("/")) invalid(`${field2}.path`, spec.path, "a path template starting with /, such as /deals/{id}");
  const idempotent = IDEMPOTENT_METHODS.includes(spec.method) || spec.idempotencyKey === true;
  if (spec.retry && !idempotent) {
    invalid(`${field2}.retry`, spec.retry, `retries only on idempotent requests: ${IDEMPOTENT_METHODS.join(", ")}, or set idempotencyKey`);
  }
  const timeout = spec.timeout ?? options2.timeout;
  if (timeout !== void 0) parseDuration(timeout, `${field2}.timeout`);
  const expect = spec.expect;
  const redirects = spec.redirects ?? (expect?.some((s) => s >= 300 && s < 400) ? 0 : void 0);
  const params = {
    tags: { name: spec.path, endpoint: name, operation: spec.operation ?? name, ...spec.service !== void 0 && { service: spec.service } },
    ...expect !== void 0 && { responseCallback: http.expectedStatuses(...expect) },
    ...timeout !== void 0 && { timeout },
    ...redirects !== void 0 && { redirects }
  };
  const accepted = expect ?? [];
  const checkName = `${name} status is ${expect ? expect.join(" or ") : "2xx"}`;
  return {
    name,
    spec,
    pathParts: spec.path.split(/\{([^}]+)\}/),
    params,
    trend: new Trend(metricName(spec.trend ?? `${name}_duration`, `${field2}.trend`), true),
    metricTags: { endpoint: name },
    statusCheck: spec.checkStatus === false ? void 0 : { [checkName]: expect ? (res) => accepted.includes(res.status) : (res) => res.status >= 200 && res.status < 300 },
    retry: spec.retry && retrySchedule(spec.retry, `${field2}.retry`)
  };
}
function fillPath(endpoint, values = {}) {
  let path = endpoint.pathParts[0];
  for (let i = 1; i < endpoint.pathParts.length; i += 2) {
    const key = endpoint.pathParts[i];
    const value = values[key];
    if (value === void 0) invalid(`${endpoint.name}.path.${key}`, value, `a value for {${key}} in ${endpoint.spec.path}`);
    path += encodeURIComponent(String(value)) + endpoint.pathParts[i + 1];
  }
  return path;
}
function queryString(query) {
  if (!query) return "";
  const pairs = Object.entries(query).filter(([, value]) => value !== void 0).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join("&")}` : "";
}
function catalog(specs, options2) {
  const endpoints = new Map(Object.entries(specs).map(([name, spec]) => [name, compile(name, spec, options2)]));
  const byClass = Object.fromEntries(STATUS_CLASSES.map((c) => [c, new Counter(`responses_${c}`)]));
  const businessErrors = new Rate("business_errors");
  const baseHeaders = options2.headers ?? { Accept: "application/json" };
  const idempotencyHeader = options2.idempotencyHeader ?? "x-idempotency-key";
  const log = options2.debug === true ? requestLogger() : options2.debug ? requestLogger(options2.debug) : void 0;
  const endpoint = (name) => endpoints.get(name) ?? invalid("endpoint", name, `a declared endpoint: ${[...endpoints.keys()].join(", ")}`);
  const api = {
    send(name, request = {}) {
      const ep = endpoint(name);
      const url2 = options2.baseUrl + fillPath(ep, request.path) + queryString(request.query);
      const json = request.body !== void 0 && typeof request.body === "object" && !(request.body instanceof ArrayBuffer);
      const headers = {
        ...baseHeaders,
        ...json && { "Content-Type": "application/json" },
        ...ep.spec.auth !== false && options2.auth?.headers(api),
        ...ep.spec.idempotencyKey && { [idempotencyHeader]: request.idempotencyKey ?? uuidv4() },
        ...request.headers
      };
      const body = json ? JSON.stringify(request.body) : request.body;
      const params = { ...ep.params, headers, ...request.tags && { tags: { ...ep.params.tags, ...request.tags } } };
      let res = http.request(ep.spec.method, url2, body ?? null, params);
      for (const wait of ep.retry?.waits ?? []) {
        if (!ep.retry.on.includes(res.status)) break;
        sleep(wait);
        res = http.request(ep.spec.method, url2, body ?? null, params);
      }
      ep.trend.add(res.timings.duration);
      byClass[res.status === 0 ? "failed" : STATUS_CLASSES[Math.floor(res.status / 100)] ?? "failed"].add(1, ep.metricTags);
      if (ep.statusCheck) check(res, ep.statusCheck, ep.metricTags);
      log?.(`${ep.spec.method} ${ep.spec.path}`, { url: url2, headers, body }, res);
      return res;
    },
    thresholds() {
      const file = options2.thresholdsFile ?? embeddedThresholds();
      const thresholds = {};
      for (const { name, spec } of endpoints.values()) {
        const selector = `endpoint:${name}`;
        Object.assign(
          thresholds,
          { [`http_req_duration{${selector}}`]: [], [`http_req_failed{${selector}}`]: [], [`http_reqs{${selector}}`]: [] },
          limitsToThresholds({ ...file.endpoints?.[name], ...spec.thresholds }, selector)
        );
      }
      return thresholds;
    },
    reportBusinessError(name, failed) {
      businessErrors.add(failed, endpoint(name).metricTags);
    }
  };
  return api;
}

// src/lib/auth.ts
function bearerAuth(token) {
  if (!token) throw new ForgeError("invalid_option", { field: "BEARER_TOKEN", given: "nothing", accepted: "a bearer token" });
  const headers = Object.freeze({ Authorization: `Bearer ${token}` });
  return { headers: () => headers };
}

// src/lib/checks.ts
function field(res, path) {
  try {
    return res.json(path);
  } catch {
    return void 0;
  }
}
function jsonHas(path) {
  return { [`json has ${path}`]: (res) => field(res, path) !== void 0 && field(res, path) !== null };
}

// src/scenarios/rate.ts
var SECONDS_PER_DAY = 86400;
function dailyRate({ perDay, burst = 1 }) {
  for (const [field2, value] of [["perDay", perDay], ["burst", burst]]) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new ForgeError("invalid_option", { field: field2, given: shown(value), accepted: "a number greater than 0" });
    }
  }
  return perDay / SECONDS_PER_DAY * burst;
}
function arrivalRate(perSecond) {
  const timeUnit = Number.isInteger(perSecond) ? "1s" : "1m";
  const perUnit = timeUnit === "1s" ? perSecond : perSecond * 60;
  return { timeUnit, at: (share) => share === 0 ? 0 : Math.max(1, Math.round(perUnit * share)) };
}

// src/scenarios/stages.ts
function peakOf(shape) {
  return shape.kind === "constant" ? shape.vus : Math.max(shape.startVUs, ...shape.stages.map((s) => s.target));
}
function scaleTarget(target, factor) {
  return target === 0 ? 0 : Math.max(1, Math.round(target * factor));
}
function stretchStages(stages, totalMs) {
  const lengths = stages.map((s) => parseDuration(s.duration));
  const factor = totalMs / lengths.reduce((a, b) => a + b, 0);
  const scaled = lengths.map((ms) => Math.round(ms * factor));
  scaled[scaled.length - 1] += totalMs - scaled.reduce((a, b) => a + b, 0);
  return stages.map((s, i) => ({ duration: formatDuration(scaled[i]), target: s.target }));
}

// src/scenarios/profile.ts
var SUMMARY_TREND_STATS = ["avg", "min", "med", "max", "p(90)", "p(95)", "p(99)"];
var MAX_VUS_PER_PREALLOCATED = 4;
function invalid2(field2, given, accepted) {
  throw new ForgeError("invalid_option", { field: field2, given: shown(given), accepted });
}
function checkOptions(options2) {
  const { name, exec: exec3, vus, scale, rate, preAllocatedVUs } = options2;
  if (name !== void 0 && !/^[0-9a-zA-Z_-]+$/.test(name)) invalid2("name", name, "a k6 scenario name of letters, digits, _ and -");
  if (exec3 !== void 0 && !/^[A-Za-z_$][\w$]*$/.test(exec3)) invalid2("exec", exec3, "the name of an exported function");
  if (vus !== void 0 && !(Number.isInteger(vus) && vus > 0)) invalid2("vus", vus, "a whole number greater than 0");
  if (preAllocatedVUs !== void 0 && !(Number.isInteger(preAllocatedVUs) && preAllocatedVUs > 0)) {
    invalid2("preAllocatedVUs", preAllocatedVUs, "a whole number greater than 0");
  }
  if (scale !== void 0 && !(Number.isFinite(scale) && scale > 0)) invalid2("scale", scale, "a number greater than 0");
  if (rate !== void 0 && !(Number.isFinite(rate) && rate > 0)) invalid2("rate", rate, "iterations per second, greater than 0");
  if (rate === void 0 && vus !== void 0 && scale !== void 0) {
    invalid2("scale", scale, "no scale when vus is set: vus already fixes the peak");
  }
  if (rate === void 0 && preAllocatedVUs !== void 0) {
    invalid2("preAllocatedVUs", preAllocatedVUs, "no preAllocatedVUs without rate: it belongs to the open model");
  }
  if (options2.duration !== void 0) parseDuration(options2.duration, "duration");
  if (options2.startTime !== void 0) parseDuration(options2.startTime, "startTime", true);
}
function closedScenario(shape, options2) {
  const factor = options2.vus !== void 0 ? options2.vus / peakOf(shape) : options2.scale ?? 1;
  if (shape.kind === "constant") {
    return { executor: "constant-vus", vus: scaleTarget(shape.vus, factor), duration: options2.duration ?? shape.duration };
  }
  const stages = options2.duration === void 0 ? shape.stages : stretchStages(shape.stages, parseDuration(options2.duration));
  return {
    executor: "ramping-vus",
    startVUs: scaleTarget(shape.startVUs, factor),
    stages: stages.map((s) => ({ duration: s.duration, target: scaleTarget(s.target, factor) })),
    ...shape.gracefulRampDown !== void 0 && { gracefulRampDown: shape.gracefulRampDown }
  };
}
function openScenario(shape, options2) {
  const peakRate = options2.rate * (options2.scale ?? 1);
  const preAllocatedVUs = options2.preAllocatedVUs ?? Math.min(Math.max(1, Math.ceil(peakRate)), options2.vus ?? Infinity);
  const maxVUs = options2.vus ?? preAllocatedVUs * MAX_VUS_PER_PREALLOCATED;
  if (maxVUs < preAllocatedVUs) invalid2("vus", maxVUs, `at least preAllocatedVUs (${preAllocatedVUs}) in the open model`);
  const rate = arrivalRate(peakRate);
  const peak = peakOf(shape);
  if (shape.kind === "constant") {
    return {
      executor: "constant-arrival-rate",
      rate: rate.at(1),
      timeUnit: rate.timeUnit,
      duration: options2.duration ?? shape.duration,
      preAllocatedVUs,
      maxVUs
    };
  }
  const stages = options2.duration === void 0 ? shape.stages : stretchStages(shape.stages, parseDuration(options2.duration));
  return {
    executor: "ramping-arrival-rate",
    startRate: rate.at(shape.startVUs / peak),
    timeUnit: rate.timeUnit,
    preAllocatedVUs,
    maxVUs,
    stages: stages.map((s) => ({ duration: s.duration, target: rate.at(s.target / peak) }))
  };
}
function buildProfile(profile, shape, options2 = {}) {
  checkOptions(options2);
  const name = options2.name ?? profile;
  const executor = options2.rate === void 0 ? closedScenario(shape, options2) : openScenario(shape, { ...options2, rate: options2.rate });
  const scenario = {
    ...executor,
    ...options2.exec !== void 0 && { exec: options2.exec },
    ...options2.startTime !== void 0 && { startTime: options2.startTime },
    ...options2.tags !== void 0 && { tags: { ...options2.tags } },
    ...options2.env !== void 0 && { env: { ...options2.env } }
  };
  return {
    scenarios: { [name]: scenario },
    thresholds: thresholdsFor(profile, {
      scenario: name,
      ...options2.thresholds !== void 0 && { limits: options2.thresholds },
      ...options2.thresholdsFile !== void 0 && { file: options2.thresholdsFile }
    }),
    summaryTrendStats: [...SUMMARY_TREND_STATS]
  };
}

// src/scenarios/compose.ts
function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function composeOptions(...parts) {
  const scenarios = {};
  const thresholds = {};
  const trendStats = /* @__PURE__ */ new Set();
  const rest = {};
  for (const part of parts) {
    const { scenarios: partScenarios = {}, thresholds: partThresholds = {}, summaryTrendStats = [], ...others } = part;
    for (const [name, scenario] of Object.entries(partScenarios)) {
      if (name in scenarios) {
        throw new ForgeError("invalid_option", {
          field: `scenarios.${name}`,
          given: "two scenarios with this name",
          accepted: "a distinct name per scenario (set `name` in the factory options)"
        });
      }
      scenarios[name] = scenario;
    }
    for (const [metric, expressions] of Object.entries(partThresholds)) {
      const merged = thresholds[metric] ?? [];
      for (const expression of expressions) if (!merged.some((e) => sameJson(e, expression))) merged.push(expression);
      thresholds[metric] = merged;
    }
    for (const stat of summaryTrendStats) trendStats.add(stat);
    for (const [key, value] of Object.entries(others)) {
      if (key in rest && !sameJson(rest[key], value)) {
        throw new ForgeError("invalid_option", { field: key, given: shown(value), accepted: `the same value in every part, ${shown(rest[key])}` });
      }
      rest[key] = value;
    }
  }
  return { ...rest, scenarios, thresholds, ...trendStats.size > 0 && { summaryTrendStats: [...trendStats] } };
}

// src/scenarios/spike.ts
var SHAPE = {
  kind: "ramping",
  startVUs: 0,
  stages: [
    { duration: "1m", target: 100 },
    { duration: "2m", target: 100 },
    { duration: "10s", target: 1e3 },
    { duration: "3m", target: 1e3 },
    { duration: "10s", target: 100 },
    { duration: "3m", target: 100 },
    { duration: "1m", target: 0 }
  ]
};
function spikeProfile(options2 = {}) {
  return buildProfile("spike", SHAPE, options2);
}

// examples/shared/gateway.ts
import { check as check2 } from "k6";
import exec2 from "k6/execution";
import { Counter as Counter2 } from "k6/metrics";
var config = loadConfig();
var gateway = catalog(
  {
    account_get: { method: "GET", path: "/accounts/{id}", service: "gateway", operation: "balance", retry: { attempts: 3 } },
    transfer_create: {
      method: "POST",
      path: "/transfers",
      service: "ledger",
      operation: "transfer",
      expect: [201],
      idempotencyKey: true,
      retry: { attempts: 3, backoff: "200ms" }
    }
  },
  { baseUrl: config.BASE_URL, auth: bearerAuth(config.BEARER_TOKEN), debug: config.DEBUG }
);
var transfersCreated = new Counter2("transfers_created");
var transfersReplayed = new Counter2("transfers_replayed");
function transfer() {
  const balance = gateway.send("account_get", { path: { id: config.ACCOUNT_ID ?? "" } });
  check2(balance, jsonHas("balanceMinor"));
  const res = gateway.send("transfer_create", {
    body: {
      fromAccount: config.ACCOUNT_ID,
      toAccount: `acc-sink-${exec2.vu.idInTest}`,
      amountMinor: 100 + exec2.scenario.iterationInTest % 900,
      currency: "EUR"
    }
  });
  if (res.status !== 201) return;
  if (res.headers["Idempotent-Replay"] === "true") transfersReplayed.add(1);
  else transfersCreated.add(1);
  gateway.reportBusinessError("transfer_create", typeof res.json("transferId") !== "string");
}

// examples/gateway-spike.ts
var options = composeOptions(
  spikeProfile({
    rate: dailyRate({ perDay: 1e6, burst: 20 }),
    vus: config.VUS,
    duration: config.DURATION,
    thresholds: embeddedThresholds().gates?.["spike"]
  }),
  { thresholds: { ...gateway.thresholds(), business_errors: ["rate<0.02"] } }
);
export {
  transfer as default,
  options
};
//# sourceMappingURL=gateway-spike.js.map
