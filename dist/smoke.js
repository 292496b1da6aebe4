let oncePerRun, printable, isBinary, jsonHas;
// src/lib/once-per-run.ts
import { SharedArray } from "k6/data";
function k6ForgeLazy(k6ForgeLazyCase) {
  switch (k6ForgeLazyCase) {
    case 0: {
return function oncePerRun(name, inputs, compute) {
  let failure;
  let shared;
  try {
    shared = new SharedArray(`k6-forge ${name} ${JSON.stringify(inputs)}`, () => {
      try {
        return [JSON.stringify(compute())];
      } catch (error) {
        failure = { error };
        throw error;
      }
    });
  } catch {
    if (failure) throw failure.error;
    return compute();
  }
  return JSON.parse(shared[0]);
};
    }
    case 1: {
return function printable(text) {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 32 && (code < 127 || code > 159)) continue;
    out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, "0")}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
};
    }
    case 2: {
return function invalidOption(field, given, accepted) {
  throw new ForgeError("invalid_option", { field, given: shown(given), accepted });
};
    }
    case 3: {

  return (/* @__PURE__ */ (() => {
    function sameJson(a, b) {
      return a === b || JSON.stringify(a) === JSON.stringify(b);
    }
    function composeOptions(...parts) {
      const rest = {};
      const scenarios = {};
      const thresholds = {};
      const trendStats = [];
      for (let p = 0; p < parts.length; p += 1) {
        const part = parts[p];
        const keys = Object.keys(part);
        for (let k = 0; k < keys.length; k += 1) {
          const key = keys[k];
          const value = part[key];
          if (value === void 0) continue;
          if (key === "scenarios") addScenarios(scenarios, value);
          else if (key === "thresholds") addThresholds(thresholds, value);
          else if (key === "summaryTrendStats") {
            for (const stat of value) if (!trendStats.includes(stat)) trendStats.push(stat);
          } else {
            if (key in rest && !sameJson(rest[key], value)) {
              throw new ForgeError("invalid_option", {
                field: key,
                given: shown(value),
                accepted: `the same value in every part, ${shown(rest[key])}`
              });
            }
            rest[key] = value;
          }
        }
      }
      return { ...rest, scenarios, thresholds, ...trendStats.length > 0 && { summaryTrendStats: trendStats } };
    }
    function addScenarios(into, scenarios) {
      const names = Object.keys(scenarios);
      for (let i = 0; i < names.length; i += 1) {
        const name = names[i];
        if (name in into) {
          throw new ForgeError("invalid_option", {
            field: `scenarios.${name}`,
            given: "two scenarios with this name",
            accepted: "a distinct name per scenario (set `name` in the factory options)"
          });
        }
        into[name] = scenarios[name];
      }
    }
    function addThresholds(into, thresholds) {
      const metrics = Object.keys(thresholds);
      for (let i = 0; i < metrics.length; i += 1) {
        const metric = metrics[i];
        const expressions = thresholds[metric];
        const merged = into[metric];
        if (merged === void 0) into[metric] = expressions.slice();
        else for (const expression of expressions) if (!merged.some((e) => sameJson(e, expression))) merged.push(expression);
      }
    }
    return { "composeOptions": composeOptions };
  })())["composeOptions"];
    }
    case 4: {

  return (/* @__PURE__ */ (() => {
    var loaded5;
    function k6ForgeLazy09(...args2) {
      if (loaded5 === void 0) loaded5 = /* @__PURE__ */ (() => {
        var define_K6_FORGE_THRESHOLDS_default2 = { global: { p95: 500, p99: 1e3, errorRate: 0.01 }, scenarios: { smoke: { p95: 1e3, errorRate: 0.01, abortOnFail: true, delayAbortEval: "10s" }, load: { p95: 500, errorRate: 0.01 }, stress: { p95: 1e3, p99: 2e3, errorRate: 0.05 }, spike: { p95: 2e3, p99: 4e3, errorRate: 0.1 }, soak: { p95: 500, errorRate: 0.01 }, baseline: { p95: 400, p99: 900, errorRate: 0.01 }, peak: { p95: 500, p99: 1e3, errorRate: 0.01 }, "flash-sale": { p95: 500, p99: 1e3, errorRate: 0.01 } }, endpoints: { login: { p95: 500, p99: 1e3 }, token_refresh: { p95: 100, p99: 200 }, register: { p95: 600, p99: 1200 }, deal_list: { p95: 300, p99: 600 }, deal_create: { p95: 400, p99: 800 }, deal_get: { p95: 150, p99: 300 }, deal_update: { p95: 300, p99: 600 }, customer_list: { p95: 400, p99: 800 }, customer_search: { p95: 500, p99: 1e3 }, customer_create: { p95: 500, p99: 1e3 }, tax_calculate: { p95: 100, p99: 200 }, tax_batch: { p95: 500, p99: 1e3 } }, gates: { baseline: { p95: 400, p99: 900, errorRate: 0.01 }, spike: { p95: 500, p99: 1200, errorRate: 0.02 } } };
        var UNITS = [
          ["d", 864e5],
          ["h", 36e5],
          ["m", 6e4],
          ["s", 1e3],
          ["ms", 1]
        ];
        function durationMs(text) {
          let total = 0;
          let rank = -1;
          let i = 0;
          if (text.length === 0) return Number.NaN;
          while (i < text.length) {
            const start = i;
            while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
            if (i === start) return Number.NaN;
            if (text[i] === ".") {
              i += 1;
              const decimals = i;
              while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
              if (i === decimals) return Number.NaN;
            }
            const amount = Number(text.slice(start, i));
            const unit = text[i] === "m" && text[i + 1] === "s" ? "ms" : text[i];
            let unitRank = rank + 1;
            while (unitRank < UNITS.length && UNITS[unitRank][0] !== unit) unitRank += 1;
            if (unitRank === UNITS.length) return Number.NaN;
            rank = unitRank;
            total += amount * UNITS[unitRank][1];
            i += unit.length;
          }
          return Math.round(total);
        }
        function parseDuration(text, field = "duration", allowZero = false) {
          const ms = typeof text === "string" ? durationMs(text) : Number.NaN;
          if (ms > 0 || allowZero && ms === 0) return ms;
          throw new ForgeError("invalid_duration", {
            field,
            given: shown(text),
            accepted: `a k6 duration${allowZero ? "" : " greater than zero"}, such as 30s, 1m30s, 500ms or 2h`
          });
        }
        function formatDuration(ms) {
          let rest = Math.round(ms);
          let text = "";
          for (let u = 1; u < UNITS.length; u += 1) {
            const [unit, size] = UNITS[u];
            const count = Math.floor(rest / size);
            if (count > 0) text += `${count}${unit}`;
            rest -= count * size;
          }
          return text || "0s";
        }
        function isAsciiLetter(code) {
          return code >= 65 && code <= 90 || code >= 97 && code <= 122;
        }
        function isName(text, rule) {
          if (typeof text !== "string" || text.length === 0) return false;
          if (rule === "metric" && (text.length < 2 || text.length > 129)) return false;
          for (let i = 0; i < text.length; i += 1) {
            const code = text.charCodeAt(i);
            const digit = code >= 48 && code <= 57;
            const ok = isAsciiLetter(code) || code === 95 || digit && (i > 0 || rule === "scenario") || code === 45 && rule === "scenario" || code === 36 && rule === "function";
            if (!ok) return false;
          }
          return true;
        }
        var AUTHORITY = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/?#]*@)?([^/?#]*)/i;
        var HOST_AND_PORT = /^(?:\[[0-9a-f:.]+\]|[a-z0-9._~%-]+)(?::\d{1,5})?$/i;
        function targetHost(baseUrl) {
          const host = AUTHORITY.exec(baseUrl ?? "")?.[1] ?? "";
          return HOST_AND_PORT.test(host) ? host.toLowerCase() : "";
        }
        function hostName(hostAndPort) {
          const colon = hostAndPort.startsWith("[") ? hostAndPort.indexOf("]:") + 1 : hostAndPort.lastIndexOf(":");
          return colon > 0 ? hostAndPort.slice(0, colon) : hostAndPort;
        }
        function embeddedThresholds() {
          if (typeof define_K6_FORGE_THRESHOLDS_default2 === "undefined") {
            throw new ForgeError("invalid_thresholds", {
              field: "thresholds.json",
              given: "nothing embedded in this bundle",
              accepted: "a bundle made by `k6-forge build`, or a thresholds file passed to the factory"
            });
          }
          return define_K6_FORGE_THRESHOLDS_default2;
        }
        var TREND_ORDER = ["avg", "med", "max"];
        function latencyExpressions(limits) {
          const expressions = [];
          for (const key of TREND_ORDER) if (limits[key] !== void 0) expressions.push(`${key}<${limits[key]}`);
          const percentiles = Object.keys(limits).filter((key) => key[0] === "p");
          percentiles.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
          for (const key of percentiles) expressions.push(`p(${key.slice(1)})<${limits[key]}`);
          return expressions;
        }
        function limitsToThresholds(limits, selector = "") {
          const tagged = (metric) => selector ? `${metric}{${selector}}` : metric;
          const expression = (text) => limits.abortOnFail ? { threshold: text, abortOnFail: true, delayAbortEval: limits.delayAbortEval ?? "10s" } : text;
          const thresholds = {};
          const latency = latencyExpressions(limits).map(expression);
          if (latency.length > 0) thresholds[tagged("http_req_duration")] = latency;
          if (limits.errorRate !== void 0) thresholds[tagged("http_req_failed")] = [expression(`rate<${limits.errorRate}`)];
          return thresholds;
        }
        function scenarioLimits(file, scenario) {
          return { ...file.global, ...file.scenarios?.[scenario] };
        }
        function thresholdsFor(profile, options2 = {}) {
          const file = options2.file ?? embeddedThresholds();
          const limits = { ...scenarioLimits(file, profile), ...options2.limits };
          return limitsToThresholds(limits, `scenario:${options2.scenario ?? profile}`);
        }
        function arrivalRate(perSecond) {
          const timeUnit = Number.isInteger(perSecond) ? "1s" : "1m";
          const perUnit = timeUnit === "1s" ? perSecond : perSecond * 60;
          return { timeUnit, at: (share) => share === 0 ? 0 : Math.max(1, Math.round(perUnit * share)) };
        }
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
        var MAX_VUS_PER_PREALLOCATED = 4;
        function checkOptions(options2) {
          const { name, exec, vus, scale, rate, preAllocatedVUs } = options2;
          if (name !== void 0 && !isName(name, "scenario")) k6ForgeLazy(2)("name", name, "a k6 scenario name of letters, digits, _ and -");
          if (exec !== void 0 && !isName(exec, "function")) k6ForgeLazy(2)("exec", exec, "the name of an exported function");
          if (vus !== void 0 && !(Number.isInteger(vus) && vus > 0)) k6ForgeLazy(2)("vus", vus, "a whole number greater than 0");
          if (preAllocatedVUs !== void 0 && !(Number.isInteger(preAllocatedVUs) && preAllocatedVUs > 0)) {
            k6ForgeLazy(2)("preAllocatedVUs", preAllocatedVUs, "a whole number greater than 0");
          }
          if (scale !== void 0 && !(Number.isFinite(scale) && scale > 0)) k6ForgeLazy(2)("scale", scale, "a number greater than 0");
          if (rate !== void 0 && !(Number.isFinite(rate) && rate > 0)) k6ForgeLazy(2)("rate", rate, "iterations per second, greater than 0");
          if (rate === void 0 && vus !== void 0 && scale !== void 0) {
            k6ForgeLazy(2)("scale", scale, "no scale when vus is set: vus already fixes the peak");
          }
          if (rate === void 0 && preAllocatedVUs !== void 0) {
            k6ForgeLazy(2)("preAllocatedVUs", preAllocatedVUs, "no preAllocatedVUs without rate: it belongs to the open model");
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
          if (maxVUs < preAllocatedVUs) k6ForgeLazy(2)("vus", maxVUs, `at least preAllocatedVUs (${preAllocatedVUs}) in the open model`);
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
        function assertProductionLoadAllowed(profile, { allow, baseUrl }) {
          const hostAndPort = targetHost(baseUrl);
          const host = hostName(hostAndPort);
          const given = allow?.toLowerCase();
          if (host !== "" && (given === host || given === hostAndPort)) return;
          throw new ForgeError("invalid_env", {
            field: "ALLOW_PRODUCTION_LOAD",
            given: shown(allow),
            accepted: `${host || "the host of a BASE_URL that is set"}, the target's host, to run the ${profile} profile with ENVIRONMENT=production (only smoke runs there without it)`
          });
        }
        function profileOptions(profile, shape, options2, production) {
          if (production !== void 0) assertProductionLoadAllowed(profile, production);
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
            thresholds: {
              ...thresholdsFor(profile, {
                scenario: name,
                ...options2.thresholds !== void 0 && { limits: options2.thresholds },
                ...options2.thresholdsFile !== void 0 && { file: options2.thresholdsFile }
              }),
              // k6 fails the run (exit 99) when the scenario completed no iteration: it never ran (k6's --vus/--duration
              // replaced it) or every iteration stalled, where the latency and error-rate thresholds have no samples and pass.
              [`iterations{scenario:${name}}`]: ["count>0"]
            }
          };
        }
        return { "profileOptions": profileOptions };
      })();
      return loaded5["profileOptions"](...args2);
    }
    var SUMMARY_TREND_STATS = ["avg", "min", "med", "max", "p(90)", "p(95)", "p(99)"];
    function buildProfile(profile, shape, options2 = {}) {
      const env = __ENV;
      const production = env["ENVIRONMENT"] === "production" && profile !== "smoke" ? { allow: env["ALLOW_PRODUCTION_LOAD"], baseUrl: env["BASE_URL"] } : void 0;
      const built = (oncePerRun || (oncePerRun = k6ForgeLazy(0)))("profile", [profile, shape, options2, production], () => k6ForgeLazy09(profile, shape, options2, production));
      return { ...built, summaryTrendStats: [...SUMMARY_TREND_STATS] };
    }
    var SHAPE = { kind: "constant", vus: 10, duration: "1m" };
    function smokeProfile(options2 = {}) {
      return buildProfile("smoke", SHAPE, options2);
    }
    return { "smokeProfile": smokeProfile };
  })())["smokeProfile"];
    }
    case 5: {
return function isBinary(body) {
  return typeof body === "object" && body !== null && typeof body.byteLength === "number";
};
    }
    case 6: {

  if (loaded === void 0) loaded = /* @__PURE__ */ (() => {
    function isBinary2(body) {
      return typeof body === "object" && body !== null && typeof body.byteLength === "number";
    }
    var REDACTED = "[redacted]";
    var secretHeader = () => /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;
    var secretField = () => /pass(word)?|token|secret|authori[sz]ation|cookie|api[-_]?key|credential/i;
    function redactHeaders(headers) {
      const safe = {};
      const secret = secretHeader();
      for (const [name, value] of Object.entries(headers)) safe[name] = secret.test(name) ? REDACTED : String(value);
      return safe;
    }
    function redactJson(value) {
      if (Array.isArray(value)) return value.map(redactJson);
      if (typeof value !== "object" || value === null) return value;
      const secret = secretField();
      return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, secret.test(key) ? REDACTED : redactJson(field)]));
    }
    function redactBody(body, limit = 500) {
      if (body === null || body === void 0 || body === "") return "";
      let text;
      if (typeof body !== "string") {
        text = typeof body === "object" && !isBinary2(body) ? JSON.stringify(redactJson(body)) : "[binary]";
      } else {
        try {
          text = JSON.stringify(redactJson(JSON.parse(body)));
        } catch {
          text = /pass(word)?=|token=|secret=/i.test(body) ? REDACTED : body;
        }
      }
      return text.length > limit ? `${text.slice(0, limit)}...` : text;
    }
    function redactUrl(url) {
      return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^?#]*@/i, (_whole, scheme) => `${scheme ?? ""}${REDACTED}@`).replace(
        /([?&])([^=&#]*)=([^&#]*)/g,
        (whole, sep, key) => secretField().test(key) ? `${sep}${key}=${REDACTED}` : whole
      );
    }
    function requestLogger(options2) {
      const { vus = 2, first = 20, every = 100, log = (line) => console.log(line) } = options2;
      let seen = 0;
      return (label, sent, res) => {
        if (__VU > vus) return;
        seen += 1;
        if (seen > first && (seen - first) % every !== 0) return;
        log(
          `[k6-forge debug] -> ${label} ${redactUrl(sent.url)} headers=${JSON.stringify(redactHeaders(sent.headers))} body=${redactBody(sent.body)}`
        );
        log(
          `[k6-forge debug] <- ${label} ${res.status} in ${res.timings.duration.toFixed(1)}ms headers=${JSON.stringify(redactHeaders(res.headers))} body=${redactBody(res.body)}`
        );
      };
    }
    return { "requestLogger": requestLogger };
  })();
  return loaded["requestLogger"];
    }
    case 7: {

  if (loaded2 === void 0) loaded2 = /* @__PURE__ */ (() => {
    function hex(value, width) {
      return (value + 16 ** width).toString(16).slice(1);
    }
    function serialUuid(serial) {
      const vu = serial.vu >>> 0;
      const high = serial.n / 2 ** 48 | 0;
      const low = serial.n - high * 2 ** 48;
      return `${hex(serial.tag >>> 0, 8)}-${hex(vu >>> 12 & 65535, 4)}-4${hex(vu & 4095, 3)}-8${hex(high, 3)}-${hex(low, 12)}`;
    }
    var keyTag;
    var keyCount = 0;
    function automaticKey() {
      keyTag ??= Math.floor(Math.random() * 2 ** 32);
      keyCount += 1;
      return serialUuid({ tag: keyTag, vu: __VU, n: keyCount });
    }
    return { "automaticKey": automaticKey };
  })();
  return loaded2["automaticKey"];
    }
    case 8: {

  if (loaded3 === void 0) loaded3 = /* @__PURE__ */ (() => {
    var define_K6_FORGE_THRESHOLDS_default2 = { global: { p95: 500, p99: 1e3, errorRate: 0.01 }, scenarios: { smoke: { p95: 1e3, errorRate: 0.01, abortOnFail: true, delayAbortEval: "10s" }, load: { p95: 500, errorRate: 0.01 }, stress: { p95: 1e3, p99: 2e3, errorRate: 0.05 }, spike: { p95: 2e3, p99: 4e3, errorRate: 0.1 }, soak: { p95: 500, errorRate: 0.01 }, baseline: { p95: 400, p99: 900, errorRate: 0.01 }, peak: { p95: 500, p99: 1e3, errorRate: 0.01 }, "flash-sale": { p95: 500, p99: 1e3, errorRate: 0.01 } }, endpoints: { login: { p95: 500, p99: 1e3 }, token_refresh: { p95: 100, p99: 200 }, register: { p95: 600, p99: 1200 }, deal_list: { p95: 300, p99: 600 }, deal_create: { p95: 400, p99: 800 }, deal_get: { p95: 150, p99: 300 }, deal_update: { p95: 300, p99: 600 }, customer_list: { p95: 400, p99: 800 }, customer_search: { p95: 500, p99: 1e3 }, customer_create: { p95: 500, p99: 1e3 }, tax_calculate: { p95: 100, p99: 200 }, tax_batch: { p95: 500, p99: 1e3 } }, gates: { baseline: { p95: 400, p99: 900, errorRate: 0.01 }, spike: { p95: 500, p99: 1200, errorRate: 0.02 } } };
    var UNITS = [
      ["d", 864e5],
      ["h", 36e5],
      ["m", 6e4],
      ["s", 1e3],
      ["ms", 1]
    ];
    function durationMs(text) {
      let total = 0;
      let rank = -1;
      let i = 0;
      if (text.length === 0) return Number.NaN;
      while (i < text.length) {
        const start = i;
        while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
        if (i === start) return Number.NaN;
        if (text[i] === ".") {
          i += 1;
          const decimals = i;
          while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
          if (i === decimals) return Number.NaN;
        }
        const amount = Number(text.slice(start, i));
        const unit = text[i] === "m" && text[i + 1] === "s" ? "ms" : text[i];
        let unitRank = rank + 1;
        while (unitRank < UNITS.length && UNITS[unitRank][0] !== unit) unitRank += 1;
        if (unitRank === UNITS.length) return Number.NaN;
        rank = unitRank;
        total += amount * UNITS[unitRank][1];
        i += unit.length;
      }
      return Math.round(total);
    }
    function parseDuration(text, field = "duration", allowZero = false) {
      const ms = typeof text === "string" ? durationMs(text) : Number.NaN;
      if (ms > 0 || allowZero && ms === 0) return ms;
      throw new ForgeError("invalid_duration", {
        field,
        given: shown(text),
        accepted: `a k6 duration${allowZero ? "" : " greater than zero"}, such as 30s, 1m30s, 500ms or 2h`
      });
    }
    function isAsciiLetter(code) {
      return code >= 65 && code <= 90 || code >= 97 && code <= 122;
    }
    function isName(text, rule) {
      if (typeof text !== "string" || text.length === 0) return false;
      if (rule === "metric" && (text.length < 2 || text.length > 129)) return false;
      for (let i = 0; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        const digit = code >= 48 && code <= 57;
        const ok = isAsciiLetter(code) || code === 95 || digit && (i > 0 || rule === "scenario") || code === 45 && rule === "scenario" || code === 36 && rule === "function";
        if (!ok) return false;
      }
      return true;
    }
    function metricName(name, field) {
      if (isName(name, "metric")) return name;
      throw new ForgeError("invalid_option", {
        field,
        given: shown(name),
        accepted: "a k6 metric name: a letter or _, then 1 to 128 letters, digits or _"
      });
    }
    function retrySchedule(policy, field) {
      const { attempts, backoff = "100ms", factor = 2, on = [0, 502, 503, 504] } = policy;
      if (!(Number.isInteger(attempts) && attempts >= 2 && attempts <= 10)) {
        k6ForgeLazy(2)(`${field}.attempts`, attempts, "a whole number from 2 to 10");
      }
      if (!(Number.isFinite(factor) && factor >= 1)) {
        k6ForgeLazy(2)(`${field}.factor`, factor, "a number of 1 or more");
      }
      const firstMs = parseDuration(backoff, `${field}.backoff`);
      return { on: [...on], waits: Array.from({ length: attempts - 1 }, (_, i) => Math.round(firstMs * factor ** i) / 1e3) };
    }
    function embeddedThresholds() {
      if (typeof define_K6_FORGE_THRESHOLDS_default2 === "undefined") {
        throw new ForgeError("invalid_thresholds", {
          field: "thresholds.json",
          given: "nothing embedded in this bundle",
          accepted: "a bundle made by `k6-forge build`, or a thresholds file passed to the factory"
        });
      }
      return define_K6_FORGE_THRESHOLDS_default2;
    }
    var TREND_ORDER = ["avg", "med", "max"];
    function latencyExpressions(limits) {
      const expressions = [];
      for (const key of TREND_ORDER) if (limits[key] !== void 0) expressions.push(`${key}<${limits[key]}`);
      const percentiles = Object.keys(limits).filter((key) => key[0] === "p");
      percentiles.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
      for (const key of percentiles) expressions.push(`p(${key.slice(1)})<${limits[key]}`);
      return expressions;
    }
    function limitsToThresholds(limits, selector = "") {
      const tagged = (metric) => selector ? `${metric}{${selector}}` : metric;
      const expression = (text) => limits.abortOnFail ? { threshold: text, abortOnFail: true, delayAbortEval: limits.delayAbortEval ?? "10s" } : text;
      const thresholds = {};
      const latency = latencyExpressions(limits).map(expression);
      if (latency.length > 0) thresholds[tagged("http_req_duration")] = latency;
      if (limits.errorRate !== void 0) thresholds[tagged("http_req_failed")] = [expression(`rate<${limits.errorRate}`)];
      return thresholds;
    }
    var IDEMPOTENT_METHODS = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"];
    function templateParts(path) {
      const parts = [];
      let from = 0;
      for (let open2 = path.indexOf("{"); open2 >= 0; open2 = path.indexOf("{", from)) {
        const close = path.indexOf("}", open2);
        if (close < 0) break;
        parts.push(path.slice(from, open2), path.slice(open2 + 1, close));
        from = close + 1;
      }
      parts.push(path.slice(from));
      return parts;
    }
    function plan(name, spec, defaultTimeout) {
      const field = `endpoints.${name}`;
      if (!isName(name, "identifier")) k6ForgeLazy(2)(field, name, "an endpoint name of letters, digits and _, starting with a letter or _");
      if (!spec.path.startsWith("/")) k6ForgeLazy(2)(`${field}.path`, spec.path, "a path template starting with /, such as /deals/{id}");
      const idempotencyKey = spec.idempotencyKey === true;
      if (spec.retry && !(IDEMPOTENT_METHODS.includes(spec.method) || idempotencyKey)) {
        k6ForgeLazy(2)(
          `${field}.retry`,
          spec.retry,
          `retries only on idempotent requests: ${IDEMPOTENT_METHODS.join(", ")}, or set idempotencyKey`
        );
      }
      const timeout = spec.timeout ?? defaultTimeout;
      if (timeout !== void 0) parseDuration(timeout, `${field}.timeout`);
      const { expect } = spec;
      const redirects = spec.redirects ?? (expect?.some((s) => s >= 300 && s < 400) ? 0 : void 0);
      return {
        method: spec.method,
        path: spec.path,
        ...spec.path.includes("{") && { pathParts: templateParts(spec.path) },
        tags: {
          name: spec.path,
          endpoint: name,
          operation: spec.operation ?? name,
          ...spec.service !== void 0 && { service: spec.service }
        },
        ...timeout !== void 0 && { timeout },
        ...redirects !== void 0 && { redirects },
        ...expect !== void 0 && { expect: [...expect] },
        ...spec.trend !== void 0 && { trend: metricName(spec.trend, `${field}.trend`) },
        ...spec.checkStatus !== false && { checkName: `${name} status is ${expect ? expect.join(" or ") : "2xx"}` },
        idempotencyKey,
        auth: spec.auth !== false,
        ...spec.retry && { retry: retrySchedule(spec.retry, `${field}.retry`) }
      };
    }
    function sharedPlans(specs, defaultTimeout) {
      const plans = {};
      const trends = {};
      for (const name of Object.keys(specs)) {
        const endpoint = plan(name, specs[name], defaultTimeout);
        plans[name] = JSON.stringify(endpoint);
        if (endpoint.trend !== void 0) trends[name] = endpoint.trend;
      }
      return { plans, trends };
    }
    function endpointThresholds(specs, file = embeddedThresholds()) {
      const thresholds = {};
      for (const name of Object.keys(specs)) {
        const selector = `endpoint:${name}`;
        Object.assign(
          thresholds,
          { [`http_req_duration{${selector}}`]: [], [`http_req_failed{${selector}}`]: [], [`http_reqs{${selector}}`]: [] },
          limitsToThresholds({ ...file.endpoints?.[name], ...specs[name].thresholds }, selector)
        );
      }
      return thresholds;
    }
    return { "endpointThresholds": endpointThresholds, "sharedPlans": sharedPlans };
  })();

    break;
    }
    case 9: {

  k6ForgeLazy(8);
  return loaded3["endpointThresholds"];
    }
    case 10: {

  k6ForgeLazy(8);
  return loaded3["sharedPlans"];
    }
    case 11: {
return function catalog(specs, options2) {
  const shared = k6ForgeLazy(0)("catalog", [specs, options2.timeout ?? null], () => k6ForgeLazy(10)(specs, options2.timeout));
  const endpoints = { __proto__: null };
  const names = Object.keys(shared.plans);
  for (let i = 0; i < names.length; i += 1) endpoints[names[i]] = shared.plans[names[i]];
  const trends = { __proto__: null };
  const trendNames = Object.keys(shared.trends);
  for (let i = 0; i < trendNames.length; i += 1) trends[trendNames[i]] = new Trend(shared.trends[trendNames[i]], true);
  const byClass = [
    new Counter("responses_failed"),
    new Counter("responses_1xx"),
    new Counter("responses_2xx"),
    new Counter("responses_3xx"),
    new Counter("responses_4xx"),
    new Counter("responses_5xx")
  ];
  const businessErrors = new Rate("business_errors");
  const baseHeaders = options2.headers ?? { Accept: "application/json" };
  const idempotencyHeader = options2.idempotencyHeader ?? "x-idempotency-key";
  const log = options2.debug === true ? k6ForgeLazy(6)({}) : options2.debug ? k6ForgeLazy(6)(options2.debug) : void 0;
  const auth = options2.auth;
  const api = {
    send(name, request = NO_OPTIONS) {
      let ep = endpoints[name] ?? k6ForgeLazy(2)("endpoint", name, `a declared endpoint: ${names.join(", ")}`);
      if (typeof ep === "string") {
        const live = JSON.parse(ep);
        const accepted = live.expect;
        const params2 = { headers: baseHeaders, tags: live.tags };
        if (accepted !== void 0) params2.responseCallback = http.expectedStatuses.apply(http, accepted);
        if (live.timeout !== void 0) params2.timeout = live.timeout;
        if (live.redirects !== void 0) params2.redirects = live.redirects;
        live.params = params2;
        const parts2 = live.pathParts;
        live.url = options2.baseUrl + (parts2 === void 0 ? live.path : parts2[0]);
        if (parts2 !== void 0 && parts2.length === 3 && parts2[2] === "") live.pathKey = parts2[1];
        live.metricTags = { endpoint: name };
        live.trendMetric = trends[name];
        if (live.checkName !== void 0) {
          live.statusCheck = {
            [live.checkName]: accepted ? (res2) => {
              for (let i = 0; i < accepted.length; i += 1) if (accepted[i] === res2.status) return true;
              return false;
            } : is2xx
          };
        }
        live.lean = !live.idempotencyKey && live.retry === void 0 && !(live.auth && auth !== void 0) && live.trendMetric === void 0 && live.statusCheck !== void 0 && log === void 0;
        endpoints[name] = live;
        ep = live;
      }
      let url = ep.url;
      const key = ep.pathKey;
      const parts = ep.pathParts;
      if (key !== void 0) {
        const value = request.path?.[key];
        if (value === void 0) k6ForgeLazy(2)(`${name}.path.${key}`, value, `a value for {${key}} in ${ep.path}`);
        url += encodeURIComponent(value);
      } else if (parts !== void 0) {
        const values = request.path;
        for (let i = 1; i < parts.length; i += 2) {
          const value = values === void 0 ? void 0 : values[parts[i]];
          if (value === void 0) k6ForgeLazy(2)(`${name}.path.${parts[i]}`, value, `a value for {${parts[i]}} in ${ep.path}`);
          url += encodeURIComponent(value) + parts[i + 1];
        }
      }
      if (ep.lean && request.query === void 0 && request.body === void 0 && request.headers === void 0 && request.tags === void 0) {
        const res2 = http.request(ep.method, url, null, ep.params);
        (byClass[res2.status / 100 | 0] ?? byClass[0]).add(1, ep.metricTags);
        check(res2, ep.statusCheck, ep.metricTags);
        return res2;
      }
      const query = request.query;
      let body = request.body;
      const extraHeaders = request.headers;
      const extraTags = request.tags;
      let params = ep.params;
      if (query !== void 0) {
        const keys = Object.keys(query);
        let separator = "?";
        for (let i = 0; i < keys.length; i += 1) {
          const value = query[keys[i]];
          if (value === void 0) continue;
          url += `${separator}${encodeURIComponent(keys[i])}=${encodeURIComponent(String(value))}`;
          separator = "&";
        }
      }
      const json = body !== void 0 && typeof body === "object" && !(isBinary || (isBinary = k6ForgeLazy(5)))(body);
      if (json) body = JSON.stringify(body);
      const authHeaders = ep.auth && auth !== void 0 ? auth.headers(api) : void 0;
      if (json || ep.idempotencyKey || extraHeaders || extraTags) {
        const headers = { ...baseHeaders };
        if (json) headers["Content-Type"] = "application/json";
        if (authHeaders) Object.assign(headers, authHeaders);
        if (ep.idempotencyKey) headers[idempotencyHeader] = request.idempotencyKey ?? k6ForgeLazy(7)();
        if (extraHeaders) Object.assign(headers, extraHeaders);
        params = { ...params, headers };
        if (extraTags) params.tags = { ...ep.tags, ...extraTags };
      } else if (authHeaders !== void 0) {
        if (ep.authHeaders !== authHeaders) {
          ep.authHeaders = authHeaders;
          ep.authParams = { ...params, headers: { ...baseHeaders, ...authHeaders } };
        }
        params = ep.authParams;
      }
      const sent = body ?? null;
      let res = http.request(ep.method, url, sent, params);
      const retry = ep.retry;
      if (retry !== void 0) {
        for (let i = 0; i < retry.waits.length && retry.on.includes(res.status); i += 1) {
          sleep(retry.waits[i]);
          res = http.request(ep.method, url, sent, params);
        }
      }
      ep.trendMetric?.add(res.timings.duration);
      (byClass[res.status / 100 | 0] ?? byClass[0]).add(1, ep.metricTags);
      if (ep.statusCheck) check(res, ep.statusCheck, ep.metricTags);
      if (log) log(`${ep.method} ${ep.path}`, { url, headers: params.headers ?? {}, body: sent }, res);
      return res;
    },
    thresholds() {
      const file = options2.thresholdsFile;
      return (oncePerRun || (oncePerRun = k6ForgeLazy(0)))("endpoint thresholds", [specs, file ?? null], () => k6ForgeLazy(9)(specs, file));
    },
    reportBusinessError(name, failed) {
      const entry = endpoints[name] ?? k6ForgeLazy(2)("endpoint", name, `a declared endpoint: ${names.join(", ")}`);
      businessErrors.add(failed, typeof entry === "string" ? { endpoint: name } : entry.metricTags);
    }
  };
  return api;
};
    }
    case 12: {
return function jsonHas(path) {
  return {
    [`json has ${path}`]: (res) => {
      try {
        return res.json(path) != null;
      } catch {
        return false;
      }
    }
  };
};
    }
    case 13: {

  return (/* @__PURE__ */ (() => {
    var loaded5;
    function k6ForgeLazy09(...args2) {
      if (loaded5 === void 0) loaded5 = /* @__PURE__ */ (() => {
        var UNITS = [
          ["d", 864e5],
          ["h", 36e5],
          ["m", 6e4],
          ["s", 1e3],
          ["ms", 1]
        ];
        function durationMs(text2) {
          let total = 0;
          let rank = -1;
          let i = 0;
          if (text2.length === 0) return Number.NaN;
          while (i < text2.length) {
            const start = i;
            while (i < text2.length && text2.charCodeAt(i) >= 48 && text2.charCodeAt(i) <= 57) i += 1;
            if (i === start) return Number.NaN;
            if (text2[i] === ".") {
              i += 1;
              const decimals = i;
              while (i < text2.length && text2.charCodeAt(i) >= 48 && text2.charCodeAt(i) <= 57) i += 1;
              if (i === decimals) return Number.NaN;
            }
            const amount = Number(text2.slice(start, i));
            const unit = text2[i] === "m" && text2[i + 1] === "s" ? "ms" : text2[i];
            let unitRank = rank + 1;
            while (unitRank < UNITS.length && UNITS[unitRank][0] !== unit) unitRank += 1;
            if (unitRank === UNITS.length) return Number.NaN;
            rank = unitRank;
            total += amount * UNITS[unitRank][1];
            i += unit.length;
          }
          return Math.round(total);
        }
        function isDuration(value) {
          return typeof value === "string" && durationMs(value) > 0;
        }
        function isDigits(text2) {
          if (text2.length === 0) return false;
          for (let i = 0; i < text2.length; i += 1) {
            const code = text2.charCodeAt(i);
            if (code < 48 || code > 57) return false;
          }
          return true;
        }
        var REDACTED = "[redacted]";
        var secretField = () => /pass(word)?|token|secret|authori[sz]ation|cookie|api[-_]?key|credential/i;
        function redactUrl(url2) {
          return url2.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^?#]*@/i, (_whole, scheme) => `${scheme ?? ""}${REDACTED}@`).replace(
            /([?&])([^=&#]*)=([^&#]*)/g,
            (whole, sep, key) => secretField().test(key) ? `${sep}${key}=${REDACTED}` : whole
          );
        }
        var ACCEPTED = {
          text: "any non-empty text",
          secret: "any non-empty secret",
          url: "an http:// or https:// URL with a host, such as https://api.example.com",
          positiveInteger: "a whole number greater than 0, such as 10",
          boolean: "one of true, false, 1, 0, yes or no, in any case",
          duration: "a k6 duration greater than zero, such as 30s, 1m30s, 500ms or 2h"
        };
        function isHttpUrl(text2) {
          const lower = text2.toLowerCase();
          const afterScheme = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
          if (afterScheme < 0) return false;
          let end = afterScheme;
          while (end < text2.length && text2[end] !== "/" && text2[end] !== "?" && text2[end] !== "#") end += 1;
          for (let i = end; i < text2.length; i += 1) if (text2.charCodeAt(i) <= 32) return false;
          let authority = lower.slice(afterScheme, end);
          const at = authority.lastIndexOf("@");
          if (at >= 0) {
            for (let i = 0; i < at; i += 1) if (authority.charCodeAt(i) <= 32) return false;
            if (at === 0 || authority.indexOf("@") !== at) return false;
            authority = authority.slice(at + 1);
          }
          const colon = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(":");
          const host = colon > 0 ? authority.slice(0, colon) : authority;
          if (colon > 0 && !(isDigits(authority.slice(colon + 1)) && authority.length - colon - 1 <= 5)) return false;
          return host.startsWith("[") ? isIpLiteral(host) : isHostName(host);
        }
        function isIpLiteral(host) {
          if (host.length < 3 || !host.endsWith("]")) return false;
          for (let i = 1; i < host.length - 1; i += 1) {
            const c = host[i];
            if (!(c >= "0" && c <= "9" || c >= "a" && c <= "f" || c === ":" || c === ".")) return false;
          }
          return true;
        }
        function isHostName(host) {
          const labels = (host.endsWith(".") ? host.slice(0, -1) : host).split(".");
          for (let l = 0; l < labels.length; l += 1) {
            const label = labels[l];
            if (label.length === 0 || label[0] === "-") return false;
            for (let i = 0; i < label.length; i += 1) {
              const c = label[i];
              if (!(c >= "a" && c <= "z" || c >= "0" && c <= "9" || c === "_" || c === "-")) return false;
            }
          }
          return true;
        }
        function parseAs(kind, text2) {
          switch (kind) {
            case "url": {
              if (!isHttpUrl(text2)) return void 0;
              let end = text2.length;
              while (end > 0 && text2[end - 1] === "/") end -= 1;
              return text2.slice(0, end);
            }
            case "positiveInteger": {
              const value = isDigits(text2) ? Number(text2) : 0;
              return value > 0 && Number.isSafeInteger(value) ? value : void 0;
            }
            case "boolean": {
              const lower = text2.toLowerCase();
              return lower === "true" || lower === "1" || lower === "yes" ? true : lower === "false" || lower === "0" || lower === "no" ? false : void 0;
            }
            case "duration":
              return isDuration(text2) ? text2 : void 0;
            default:
              return text2;
          }
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
          return Object.freeze({ kind: "oneOf", values: Object.freeze(values.slice()), ...options2 });
        }
        function acceptedFor(variable) {
          return variable.kind === "oneOf" ? `one of ${variable.values.map(shown).join(", ")}` : ACCEPTED[variable.kind];
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
        function variableValue(name, variable, { source, environment }) {
          const given = source[name];
          if (given === void 0) return fallback(name, variable, acceptedFor(variable), environment);
          const value = given === "" ? void 0 : variable.kind === "oneOf" ? variable.values.includes(given) ? given : void 0 : parseAs(variable.kind, given);
          if (value !== void 0) return value;
          throw new ForgeError("invalid_env", {
            field: name,
            given: variable.kind === "secret" ? "(hidden)" : shown(variable.kind === "url" ? redactUrl(given) : given),
            accepted: acceptedFor(variable)
          });
        }
        function readEnv(schema, options2) {
          const config2 = {};
          const names = Object.keys(schema);
          for (let i = 0; i < names.length; i += 1) {
            const name = names[i];
            const variable = schema[name];
            Object.defineProperty(config2, name, { value: variableValue(name, variable, options2), enumerable: variable.kind !== "secret" });
          }
          return Object.freeze(config2);
        }
        var AUTHORITY = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/?#]*@)?([^/?#]*)/i;
        var HOST_AND_PORT = /^(?:\[[0-9a-f:.]+\]|[a-z0-9._~%-]+)(?::\d{1,5})?$/i;
        function targetHost(baseUrl) {
          const host = AUTHORITY.exec(baseUrl ?? "")?.[1] ?? "";
          return HOST_AND_PORT.test(host) ? host.toLowerCase() : "";
        }
        function hostName(hostAndPort) {
          const colon = hostAndPort.startsWith("[") ? hostAndPort.indexOf("]:") + 1 : hostAndPort.lastIndexOf(":");
          return colon > 0 ? hostAndPort.slice(0, colon) : hostAndPort;
        }
        var DEFAULT_VUS_LIMIT = 2e3;
        function isLocalHost(hostAndPort) {
          const host = hostName(hostAndPort);
          return host === "localhost" || host.endsWith(".localhost") || host.startsWith("127.") || host === "[::1]" || host === "0.0.0.0" || host === "host.docker.internal";
        }
        function readConfig(environments, vars, source) {
          const development = (value) => ({ byEnvironment: { development: value } });
          const standard = {
            ENVIRONMENT: oneOf(["development", "staging", "production", ...environments], { default: "development" }),
            BASE_URL: url({ required: true, ...development("http://127.0.0.1:3000") }),
            VUS: positiveInteger(),
            VUS_LIMIT: positiveInteger({ default: DEFAULT_VUS_LIMIT }),
            DURATION: duration(),
            DEBUG: boolean({ default: false }),
            TEST_USERNAME: text(development("loadtest@example.com")),
            TEST_PASSWORD: secret(development("LoadTest123!")),
            BEARER_TOKEN: secret(development("demo-token")),
            ACCOUNT_ID: text(development("acc-demo"))
          };
          for (const name of Object.keys(vars)) {
            if (name in standard) {
              throw new ForgeError("invalid_option", {
                field: "vars",
                given: shown(name),
                accepted: `a name that is not a standard variable (${Object.keys(standard).join(", ")})`
              });
            }
          }
          const { ENVIRONMENT } = readEnv({ ENVIRONMENT: standard.ENVIRONMENT }, { source });
          const schema = { ...standard, ...vars };
          const read = readEnv(schema, { source, environment: ENVIRONMENT });
          const host = targetHost(source["BASE_URL"]);
          if (source["ENVIRONMENT"] === void 0 && host !== "" && !isLocalHost(host)) {
            throw new ForgeError("invalid_env", {
              field: "ENVIRONMENT",
              given: shown(void 0),
              accepted: `one of development, staging, production${environments.map((name) => `, ${name}`).join("")}, set because BASE_URL names ${host}, which is not this machine (development, the default, is for a local target)`
            });
          }
          const vus = read["VUS"];
          const limit = read["VUS_LIMIT"];
          if (vus !== void 0 && vus > limit) {
            throw new ForgeError("invalid_env", {
              field: "VUS",
              given: shown(source["VUS"]),
              accepted: `a whole number from 1 to ${limit}, the VUS_LIMIT (default ${DEFAULT_VUS_LIMIT}); set VUS_LIMIT to allow more`
            });
          }
          const values = {};
          const secrets = {};
          for (const name of Object.keys(schema)) {
            values[name] = read[name];
            if (schema[name].kind === "secret") secrets[name] = true;
          }
          return { values, secrets };
        }
        return { "readConfig": readConfig };
      })();
      return loaded5["readConfig"](...args2);
    }
    var STANDARD_NAMES = [
      "ENVIRONMENT",
      "BASE_URL",
      "VUS",
      "VUS_LIMIT",
      "DURATION",
      "DEBUG",
      "TEST_USERNAME",
      "TEST_PASSWORD",
      "BEARER_TOKEN",
      "ACCOUNT_ID"
    ];
    function loadConfig(options2 = {}) {
      const { environments = [], vars = {}, source = __ENV } = options2;
      const team = Object.keys(vars);
      const given = {};
      for (let i = 0; i < STANDARD_NAMES.length; i += 1) given[STANDARD_NAMES[i]] = source[STANDARD_NAMES[i]];
      for (let i = 0; i < team.length; i += 1) given[team[i]] = source[team[i]];
      const { values, secrets } = (oncePerRun || (oncePerRun = k6ForgeLazy(0)))("config", { environments, vars, given }, () => k6ForgeLazy09(environments, vars, given));
      const config2 = {};
      const names = Object.keys(given);
      for (let i = 0; i < names.length; i += 1) {
        Object.defineProperty(config2, names[i], { value: values[names[i]], enumerable: secrets[names[i]] !== true });
      }
      return Object.freeze(config2);
    }
    return { "loadConfig": loadConfig };
  })())["loadConfig"];
    }
    case 14: {

  return (/* @__PURE__ */ (() => {
    var UNITS = [
      ["d", 864e5],
      ["h", 36e5],
      ["m", 6e4],
      ["s", 1e3],
      ["ms", 1]
    ];
    function durationMs(text2) {
      let total = 0;
      let rank = -1;
      let i = 0;
      if (text2.length === 0) return Number.NaN;
      while (i < text2.length) {
        const start = i;
        while (i < text2.length && text2.charCodeAt(i) >= 48 && text2.charCodeAt(i) <= 57) i += 1;
        if (i === start) return Number.NaN;
        if (text2[i] === ".") {
          i += 1;
          const decimals = i;
          while (i < text2.length && text2.charCodeAt(i) >= 48 && text2.charCodeAt(i) <= 57) i += 1;
          if (i === decimals) return Number.NaN;
        }
        const amount = Number(text2.slice(start, i));
        const unit = text2[i] === "m" && text2[i + 1] === "s" ? "ms" : text2[i];
        let unitRank = rank + 1;
        while (unitRank < UNITS.length && UNITS[unitRank][0] !== unit) unitRank += 1;
        if (unitRank === UNITS.length) return Number.NaN;
        rank = unitRank;
        total += amount * UNITS[unitRank][1];
        i += unit.length;
      }
      return Math.round(total);
    }
    function isDuration(value) {
      return typeof value === "string" && durationMs(value) > 0;
    }
    function isDigits(text2) {
      if (text2.length === 0) return false;
      for (let i = 0; i < text2.length; i += 1) {
        const code = text2.charCodeAt(i);
        if (code < 48 || code > 57) return false;
      }
      return true;
    }
    var REDACTED = "[redacted]";
    var secretField = () => /pass(word)?|token|secret|authori[sz]ation|cookie|api[-_]?key|credential/i;
    function redactUrl(url2) {
      return url2.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^?#]*@/i, (_whole, scheme) => `${scheme ?? ""}${REDACTED}@`).replace(
        /([?&])([^=&#]*)=([^&#]*)/g,
        (whole, sep, key) => secretField().test(key) ? `${sep}${key}=${REDACTED}` : whole
      );
    }
    var ACCEPTED = {
      text: "any non-empty text",
      secret: "any non-empty secret",
      url: "an http:// or https:// URL with a host, such as https://api.example.com",
      positiveInteger: "a whole number greater than 0, such as 10",
      boolean: "one of true, false, 1, 0, yes or no, in any case",
      duration: "a k6 duration greater than zero, such as 30s, 1m30s, 500ms or 2h"
    };
    function isHttpUrl(text2) {
      const lower = text2.toLowerCase();
      const afterScheme = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
      if (afterScheme < 0) return false;
      let end = afterScheme;
      while (end < text2.length && text2[end] !== "/" && text2[end] !== "?" && text2[end] !== "#") end += 1;
      for (let i = end; i < text2.length; i += 1) if (text2.charCodeAt(i) <= 32) return false;
      let authority = lower.slice(afterScheme, end);
      const at = authority.lastIndexOf("@");
      if (at >= 0) {
        for (let i = 0; i < at; i += 1) if (authority.charCodeAt(i) <= 32) return false;
        if (at === 0 || authority.indexOf("@") !== at) return false;
        authority = authority.slice(at + 1);
      }
      const colon = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(":");
      const host = colon > 0 ? authority.slice(0, colon) : authority;
      if (colon > 0 && !(isDigits(authority.slice(colon + 1)) && authority.length - colon - 1 <= 5)) return false;
      return host.startsWith("[") ? isIpLiteral(host) : isHostName(host);
    }
    function isIpLiteral(host) {
      if (host.length < 3 || !host.endsWith("]")) return false;
      for (let i = 1; i < host.length - 1; i += 1) {
        const c = host[i];
        if (!(c >= "0" && c <= "9" || c >= "a" && c <= "f" || c === ":" || c === ".")) return false;
      }
      return true;
    }
    function isHostName(host) {
      const labels = (host.endsWith(".") ? host.slice(0, -1) : host).split(".");
      for (let l = 0; l < labels.length; l += 1) {
        const label = labels[l];
        if (label.length === 0 || label[0] === "-") return false;
        for (let i = 0; i < label.length; i += 1) {
          const c = label[i];
          if (!(c >= "a" && c <= "z" || c >= "0" && c <= "9" || c === "_" || c === "-")) return false;
        }
      }
      return true;
    }
    function parseAs(kind, text2) {
      switch (kind) {
        case "url": {
          if (!isHttpUrl(text2)) return void 0;
          let end = text2.length;
          while (end > 0 && text2[end - 1] === "/") end -= 1;
          return text2.slice(0, end);
        }
        case "positiveInteger": {
          const value = isDigits(text2) ? Number(text2) : 0;
          return value > 0 && Number.isSafeInteger(value) ? value : void 0;
        }
        case "boolean": {
          const lower = text2.toLowerCase();
          return lower === "true" || lower === "1" || lower === "yes" ? true : lower === "false" || lower === "0" || lower === "no" ? false : void 0;
        }
        case "duration":
          return isDuration(text2) ? text2 : void 0;
        default:
          return text2;
      }
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
      return Object.freeze({ kind: "oneOf", values: Object.freeze(values.slice()), ...options2 });
    }
    function acceptedFor(variable) {
      return variable.kind === "oneOf" ? `one of ${variable.values.map(shown).join(", ")}` : ACCEPTED[variable.kind];
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
    function variableValue(name, variable, { source, environment }) {
      const given = source[name];
      if (given === void 0) return fallback(name, variable, acceptedFor(variable), environment);
      const value = given === "" ? void 0 : variable.kind === "oneOf" ? variable.values.includes(given) ? given : void 0 : parseAs(variable.kind, given);
      if (value !== void 0) return value;
      throw new ForgeError("invalid_env", {
        field: name,
        given: variable.kind === "secret" ? "(hidden)" : shown(variable.kind === "url" ? redactUrl(given) : given),
        accepted: acceptedFor(variable)
      });
    }
    function readEnv(schema, options2) {
      const config2 = {};
      const names = Object.keys(schema);
      for (let i = 0; i < names.length; i += 1) {
        const name = names[i];
        const variable = schema[name];
        Object.defineProperty(config2, name, { value: variableValue(name, variable, options2), enumerable: variable.kind !== "secret" });
      }
      return Object.freeze(config2);
    }
    return { "boolean": boolean, "duration": duration, "oneOf": oneOf, "positiveInteger": positiveInteger, "readEnv": readEnv, "secret": secret, "text": text, "url": url };
  })())["boolean"];
    }
    case 15: {

  if (loaded4 === void 0) loaded4 = /* @__PURE__ */ (() => {
    function isAsciiLetter(code) {
      return code >= 65 && code <= 90 || code >= 97 && code <= 122;
    }
    function isName(text, rule) {
      if (typeof text !== "string" || text.length === 0) return false;
      if (rule === "metric" && (text.length < 2 || text.length > 129)) return false;
      for (let i = 0; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        const digit = code >= 48 && code <= 57;
        const ok = isAsciiLetter(code) || code === 95 || digit && (i > 0 || rule === "scenario") || code === 45 && rule === "scenario" || code === 36 && rule === "function";
        if (!ok) return false;
      }
      return true;
    }
    function checkResults(root) {
      const results = [];
      const visit = (group, groups) => {
        for (const check3 of group.checks) results.push({ groups, name: check3.name, passes: check3.passes, fails: check3.fails });
        for (const sub of group.groups) visit(sub, [...groups, sub.name]);
      };
      visit(root, []);
      return results;
    }
    function byCodeUnits(a, b) {
      return a < b ? -1 : a > b ? 1 : 0;
    }
    var WHOLE_RUN = "*";
    var ENDPOINT_TAGS = ["endpoint", "name"];
    function endpointSubmetric(name) {
      const [, metric, tag, endpoint] = /^([A-Za-z_][A-Za-z0-9_]*)\{\s*(endpoint|name)\s*:\s*([^,{}]+?)\s*\}$/.exec(name) ?? [];
      if (metric === void 0 || endpoint === void 0) return void 0;
      return { metric, tag, endpoint };
    }
    function hasSamples(values) {
      const { passes, fails, count } = values;
      if (passes !== void 0 && fails !== void 0) return passes + fails > 0;
      if (count !== void 0) return count > 0;
      if (values["value"] !== void 0) return true;
      return Object.values(values).some((value) => value !== 0);
    }
    function trimmed(value, digits = 2) {
      return String(Number(value.toFixed(digits)));
    }
    var FIXED_TIME_UNITS = {
      s: [1e-3, "s"],
      ms: [1, "ms"],
      us: [1e3, "µs"]
    };
    var BYTE_UNITS = ["B", "kB", "MB", "GB", "TB", "PB"];
    function truncated(value, digits) {
      const scale = 10 ** digits;
      return trimmed(Math.trunc(Number((value * scale).toPrecision(15))) / scale, digits);
    }
    function humanizeDuration(ms, timeUnit = "") {
      const fixed = FIXED_TIME_UNITS[timeUnit];
      if (fixed) return `${(ms * fixed[0]).toFixed(2)}${fixed[1]}`;
      if (ms === 0) return "0s";
      if (ms < 1e-3) return `${Math.trunc(ms * 1e6)}ns`;
      if (ms < 1) return `${truncated(ms * 1e3, 2)}µs`;
      if (ms < 1e3) return `${truncated(ms, 2)}ms`;
      const minutes = Math.trunc(ms / 6e4);
      const seconds = `${truncated(ms % 6e4 / 1e3, minutes > 0 ? 0 : 2)}s`;
      if (minutes === 0) return seconds;
      const hours = Math.trunc(minutes / 60);
      return hours === 0 ? `${minutes}m${seconds}` : `${hours}h${minutes % 60}m${seconds}`;
    }
    function humanizeBytes(bytes) {
      if (bytes < 10) return `${trimmed(bytes, 2)} B`;
      const power = Math.min(Math.floor(Math.log(bytes) / Math.log(1e3)), BYTE_UNITS.length - 1);
      const value = Math.floor(bytes / 1e3 ** power * 10 + 0.5) / 10;
      return `${value.toFixed(value < 10 ? 1 : 0)} ${BYTE_UNITS[power] ?? ""}`;
    }
    function humanizeValue(value, metric, timeUnit = "") {
      if (value === void 0) return "-";
      if (metric.type === "rate") return `${(Math.trunc(Number((value * 1e4).toPrecision(15))) / 100).toFixed(2)}%`;
      if (metric.contains === "time") return humanizeDuration(value, timeUnit);
      if (metric.contains === "data") return humanizeBytes(value);
      return trimmed(value, 6);
    }
    function endpointLatencies(metrics) {
      for (const tag of ENDPOINT_TAGS) {
        const rows = [];
        for (const [metric, data] of Object.entries(metrics)) {
          const submetric = endpointSubmetric(metric);
          if (submetric?.metric !== "http_req_duration" || submetric.tag !== tag) continue;
          rows.push({ endpoint: submetric.endpoint, metric, values: data.values, called: hasSamples(data.values) });
        }
        if (rows.length > 0) return rows.sort((a, b) => byCodeUnits(a.endpoint, b.endpoint));
      }
      const whole = metrics["http_req_duration"];
      return whole ? [{ endpoint: WHOLE_RUN, metric: "http_req_duration", values: whole.values, called: hasSamples(whole.values) }] : [];
    }
    function endpointLabel(row2) {
      return row2.called ? row2.endpoint : `${row2.endpoint} (not called)`;
    }
    function latencyText(row2, stat, timeUnit) {
      const value = row2.called ? row2.values[stat] : void 0;
      if (stat === "count") return value === void 0 ? "-" : String(value);
      return humanizeValue(value, { type: "trend", contains: "time" }, timeUnit);
    }
    var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    var FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
    function escapeXml(text) {
      return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char).replace(FORBIDDEN, "�");
    }
    function parentMetric(name) {
      const brace = name.indexOf("{");
      return brace < 0 ? name : name.slice(0, brace);
    }
    function compareMetricNames(a, b) {
      return byCodeUnits(parentMetric(a), parentMetric(b)) || byCodeUnits(a, b);
    }
    function metricRows(data) {
      const trends = [];
      const values = [];
      const { summaryTrendStats, summaryTimeUnit } = data.options;
      for (const metric of Object.keys(data.metrics).sort(compareMetricNames)) {
        const summarised = data.metrics[metric];
        const number = summarised.values;
        const show = (value) => humanizeValue(value, summarised, summaryTimeUnit);
        const count = (value) => value === void 0 ? "-" : String(value);
        switch (summarised.type) {
          case "trend":
            trends.push({ metric, stats: summaryTrendStats.map((stat) => stat === "count" ? count(number[stat]) : show(number[stat])) });
            break;
          case "counter":
            values.push({ metric, type: "counter", value: show(number["count"]), detail: `${show(number["rate"])}/s` });
            break;
          case "rate":
            values.push({
              metric,
              type: "rate",
              value: show(number["rate"]),
              detail: `✓ ${count(number["passes"])} ✗ ${count(number["fails"])}`
            });
            break;
          case "gauge":
            values.push({
              metric,
              type: "gauge",
              value: show(number["value"]),
              detail: `min=${show(number["min"])} max=${show(number["max"])}`
            });
            break;
        }
      }
      return { trends, values };
    }
    var UNITS = [
      ["d", 864e5],
      ["h", 36e5],
      ["m", 6e4],
      ["s", 1e3],
      ["ms", 1]
    ];
    function formatDuration(ms) {
      let rest = Math.round(ms);
      let text = "";
      for (let u = 1; u < UNITS.length; u += 1) {
        const [unit, size] = UNITS[u];
        const count = Math.floor(rest / size);
        if (count > 0) text += `${count}${unit}`;
        rest -= count * size;
      }
      return text || "0s";
    }
    function runFacts(meta) {
      const lengthMs = Date.parse(meta.endTime) - Date.parse(meta.startTime);
      return [
        meta.environment,
        `target ${meta.targetHost || "unknown"}`,
        `started ${meta.startTime.slice(0, 19).replace("T", " ")} UTC`,
        `ran ${formatDuration(Math.round(lengthMs / 1e3) * 1e3)}`,
        `k6-forge ${meta.k6ForgeVersion}`,
        ...meta.gitRevision ? [`git ${meta.gitRevision}`] : []
      ];
    }
    var WIDTH = 640;
    var LABEL_WIDTH = 200;
    var BAR_AREA = 340;
    var ROW = 24;
    function shortened(label, max) {
      return label.length > max ? `${label.slice(0, max - 1)}…` : label;
    }
    function barChart(title, bars) {
      const height = 28 + bars.length * ROW;
      const longest = bars.reduce((most, bar) => Math.max(most, bar.value), 0) || 1;
      const rows = bars.map((bar, index) => {
        const y = 28 + index * ROW;
        const width2 = Math.max(1, Math.round(bar.value / longest * BAR_AREA));
        return `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" text-anchor="end">${escapeXml(shortened(bar.label, 30))}</text><rect class="bar" x="${LABEL_WIDTH}" y="${y + 2}" width="${width2}" height="16"></rect><text x="${LABEL_WIDTH + width2 + 6}" y="${y + 14}">${escapeXml(bar.text)}</text>`;
      });
      return `<svg class="chart" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}"><text class="title" x="0" y="16">${escapeXml(title)}</text>${rows.join("")}</svg>`;
    }
    function lineChart(series) {
      const [left, top, plotWidth, plotHeight] = [64, 28, WIDTH - 80, 140];
      const height = top + plotHeight + 28;
      let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, 0, 0];
      for (const [x, y] of series.points) {
        [xMin, xMax, yMin, yMax] = [Math.min(xMin, x), Math.max(xMax, x), Math.min(yMin, y), Math.max(yMax, y)];
      }
      const xSpan = xMax - xMin || 1;
      const ySpan = yMax - yMin || 1;
      const at = ([x, y]) => `${trimmed(left + (x - xMin) / xSpan * plotWidth, 1)},${trimmed(top + plotHeight - (y - yMin) / ySpan * plotHeight, 1)}`;
      const title = `${series.name} (${series.unit})`;
      const bottom = top + plotHeight;
      const axes = `<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${bottom}"></line><line class="axis" x1="${left}" y1="${bottom}" x2="${left + plotWidth}" y2="${bottom}"></line><text x="${left - 6}" y="${top + 4}" text-anchor="end">${trimmed(yMax, 2)}</text><text x="${left - 6}" y="${bottom}" text-anchor="end">${trimmed(yMin, 2)}</text>`;
      const ticks = series.points.length === 0 ? "" : `<text x="${left}" y="${bottom + 18}">${trimmed(xMin, 1)}s</text><text x="${left + plotWidth}" y="${bottom + 18}" text-anchor="end">${trimmed(xMax, 1)}s</text>`;
      return `<svg class="chart" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}"><text class="title" x="0" y="16">${escapeXml(title)}</text>${axes}${ticks}<polyline class="line" points="${series.points.map(at).join(" ")}"></polyline></svg>`;
    }
    var AGGREGATION = /^\s*([a-z]+(?:\(\d+(?:\.\d+)?\))?)\s*[<>=!]/;
    function measuredValue(metric, expression) {
      const aggregation = AGGREGATION.exec(expression)?.[1];
      if (aggregation === void 0) return "unreadable expression";
      const value = metric?.values[aggregation];
      if (value === void 0) return `${aggregation} not in the summary`;
      if (metric?.contains === "time" && aggregation !== "count" && aggregation !== "rate") return `${trimmed(value, 2)}ms`;
      if (metric?.type === "counter" && aggregation === "rate") return `${trimmed(value, 6)}/s`;
      return trimmed(value, 6);
    }
    function thresholdRows(summary) {
      return summary.meta.thresholds.map((verdict) => ({
        ...verdict,
        // Not ok yet no data: k6's machine-readable summary lacked the value, which measuredValue says.
        measured: verdict.result === "no data" && verdict.ok ? "no samples" : measuredValue(summary.metrics[verdict.metric], verdict.expression)
      }));
    }
    var STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:980px;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}h1.pass{color:#1a7f37}h1.fail{color:#cf222e}h1.nodata{color:#59636e}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.fail td{background:#ffebe9}
.facts{color:#59636e}code{font-size:.9em}svg.chart{display:block;margin:1rem 0;font-size:12px}
svg .title{font-weight:600}svg .bar{fill:#0969da}svg .axis{stroke:#59636e}svg .line{fill:none;stroke:#0969da;stroke-width:1.5}`;
    var VERDICTS = {
      pass: { cell: "<td>✅ pass</td>", className: "pass", mark: "✅" },
      fail: { cell: "<td>❌ fail</td>", className: "fail", mark: "❌" },
      "no data": { cell: "<td>⚪ no data</td>", className: "nodata", mark: "⚪" }
    };
    var WARNING = "<td>⚠️ warning</td>";
    function table(head, rows) {
      return `<table><thead><tr>${head.map((cell2) => `<th>${escapeXml(cell2)}</th>`).join("")}</tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
    }
    function row(cells, failed = false) {
      return `<tr${failed ? ' class="fail"' : ""}>${cells.join("")}</tr>`;
    }
    var cell = (value, className) => `<td${className ? ` class="${className}"` : ""}>${escapeXml(value)}</td>`;
    var codeCell = (value) => `<td><code>${escapeXml(value)}</code></td>`;
    function latencySection(summary) {
      const stats = summary.options.summaryTrendStats;
      const latencies = endpointLatencies(summary.metrics);
      if (latencies.length === 0) return "<p>No HTTP request was timed.</p>";
      const timeUnit = summary.options.summaryTimeUnit;
      const rows = latencies.map(
        (latency) => row([cell(endpointLabel(latency)), ...stats.map((stat) => cell(latencyText(latency, stat, timeUnit), "num"))])
      );
      const bars = latencies.flatMap((latency) => {
        const value = latency.values["p(95)"];
        return value === void 0 || !latency.called ? [] : [{ label: latency.endpoint, value, text: latencyText(latency, "p(95)", timeUnit) }];
      });
      const chart = bars.length > 0 ? barChart("p(95) per endpoint", bars) : "<p>p(95) is not among summaryTrendStats, so there is no chart.</p>";
      return `${table(["endpoint", ...stats], rows)}
${chart}`;
    }
    function thresholdSection(summary) {
      const rows = thresholdRows(summary).map(
        (threshold) => row(
          [codeCell(threshold.metric), codeCell(threshold.expression), cell(threshold.measured, "num"), VERDICTS[threshold.result].cell],
          threshold.result === "fail"
        )
      );
      return rows.length === 0 ? "<p>No thresholds were set.</p>" : table(["metric", "expression", "measured", "result"], rows);
    }
    function metricSection(summary) {
      const { trends, values } = metricRows(summary);
      if (trends.length === 0 && values.length === 0) return "<p>No metric was recorded.</p>";
      const valueRows = values.map(
        (metric) => row([codeCell(metric.metric), cell(metric.type), cell(metric.value, "num"), cell(metric.detail, "num")])
      );
      const trendRows = trends.map((trend) => row([codeCell(trend.metric), ...trend.stats.map((stat) => cell(stat, "num"))]));
      return [
        ...valueRows.length > 0 ? [table(["metric", "type", "value", "rate, share or range"], valueRows)] : [],
        ...trendRows.length > 0 ? [table(["trend", ...summary.options.summaryTrendStats], trendRows)] : []
      ].join("\n");
    }
    function checkSection(summary) {
      const rows = checkResults(summary.root_group).map(
        (check3) => row([
          cell(check3.groups.join(" › ") || "–"),
          cell(check3.name),
          cell(String(check3.passes), "num"),
          cell(String(check3.fails), "num"),
          check3.fails === 0 ? VERDICTS.pass.cell : WARNING
        ])
      );
      return rows.length === 0 ? "<p>No checks ran.</p>" : table(["group", "check", "passes", "fails", "result"], rows);
    }
    function htmlReport(summary, series = []) {
      const { result, text, problems } = summary.meta.verdict;
      const { className, mark } = VERDICTS[result];
      const sections = [
        `<section><h2>Latency per endpoint</h2>
${latencySection(summary)}
</section>`,
        `<section><h2>Thresholds</h2>
${thresholdSection(summary)}
</section>`,
        `<section><h2>Metrics</h2>
${metricSection(summary)}
</section>`,
        `<section><h2>Checks</h2>
${checkSection(summary)}
</section>`,
        ...series.length > 0 ? [`<section><h2>Over time</h2>
${series.map(lineChart).join("\n")}
</section>`] : []
      ];
      return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        `<head><meta charset="utf-8"><title>${escapeXml(`k6-forge: ${text}`)}</title><style>${STYLE}</style></head>`,
        "<body>",
        `<header><h1 class="${className}">${mark} ${escapeXml(text)}</h1>`,
        `<p class="facts">${escapeXml(runFacts(summary.meta).join(" · "))}</p>`,
        ...problems.length > 0 ? [`<ul>${problems.map((problem) => `<li>❌ ${escapeXml(problem)}</li>`).join("")}</ul>`] : [],
        "</header>",
        ...sections,
        "</body>",
        "</html>",
        ""
      ].join("\n");
    }
    function sortedKeys(_key, value) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => byCodeUnits(a, b)));
    }
    function jsonReport(summary) {
      const { meta, metrics, root_group, options: options2, state } = summary;
      return `${JSON.stringify({ meta, metrics, root_group, options: options2, state }, sortedKeys, 2)}
`;
    }
    function caseXml(classname, type, { name, failure, skipped, warning }) {
      const open2 = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(name)}"`;
      if (failure) {
        return `${open2}>
      <failure type="${type}" message="${escapeXml(failure.message)}">${escapeXml(failure.detail)}</failure>
    </testcase>`;
      }
      if (skipped !== void 0) return `${open2}>
      <skipped message="${escapeXml(skipped)}"/>
    </testcase>`;
      if (warning !== void 0) return `${open2}>
      <system-out>${escapeXml(warning)}</system-out>
    </testcase>`;
      return `${open2}/>`;
    }
    function suite(name, classname, cases, summary, seconds) {
      const failures = cases.filter((c) => c.failure).length;
      const skipped = cases.filter((c) => !c.failure && c.skipped !== void 0).length;
      const timestamp = summary.meta.startTime.slice(0, 19);
      return [
        `  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds}" timestamp="${timestamp}">`,
        ...cases.map((c) => caseXml(classname, name, c)),
        "  </testsuite>"
      ].join("\n");
    }
    function junitReport(summary) {
      const { scenario, verdict } = summary.meta;
      const seconds = (summary.state.testRunDurationMs / 1e3).toFixed(3);
      const thresholds = thresholdRows(summary).map((row2) => ({
        name: `${row2.metric} ${row2.expression}`,
        ...row2.result === "fail" && {
          failure: {
            message: `${row2.expression} failed: measured ${row2.measured}`,
            detail: `${row2.metric}: ${row2.expression} did not hold; measured ${row2.measured}`
          }
        },
        ...row2.result === "no data" && {
          skipped: `no data: ${row2.ok ? `${row2.metric} had no samples` : `${row2.measured} of ${row2.metric}`}, so ${row2.expression} was not judged`
        }
      }));
      const problems = verdict.problems.map((problem) => {
        const colon = problem.indexOf(":");
        return { name: colon < 0 ? problem : problem.slice(0, colon), failure: { message: problem, detail: problem } };
      });
      const checks = checkResults(summary.root_group).map((check3) => {
        const total = check3.passes + check3.fails;
        return {
          name: [...check3.groups, check3.name].join(" › "),
          ...check3.fails > 0 && {
            warning: `warning: ${check3.fails} of ${total} failed (${(100 * check3.passes / total).toFixed(2)}% passed); a check fails a run only through a threshold on checks`
          }
        };
      });
      const all = [...thresholds, ...problems, ...checks];
      const failures = all.filter((c) => c.failure).length;
      return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${escapeXml(`k6-forge ${scenario}`)}" tests="${all.length}" failures="${failures}" time="${seconds}">`,
        suite("thresholds", `${scenario}.thresholds`, [...thresholds, ...problems], summary, seconds),
        suite("checks", `${scenario}.checks`, checks, summary, seconds),
        "</testsuites>",
        ""
      ].join("\n");
    }
    function markdownText(value) {
      return value.replace(/[\\`*_[\]<>|#~&]/g, "\\$&").replace(/\s*[\r\n]+\s*/g, " ");
    }
    function markdownCode(value) {
      return value.includes("`") ? markdownText(value) : `\`${value.replace(/\|/g, "\\|").replace(/\s*[\r\n]+\s*/g, " ")}\``;
    }
    function markdownTable(head, align, rows) {
      return [`| ${head.join(" | ")} |`, `| ${align.join(" | ")} |`, ...rows.map((row2) => `| ${row2.join(" | ")} |`)];
    }
    var MARKS = { pass: "✅", fail: "❌", "no data": "⚪ no data" };
    function markdownReport(summary) {
      const { verdict } = summary.meta;
      const lines = [`## ${MARKS[verdict.result]} ${markdownText(verdict.text)}`, "", runFacts(summary.meta).map(markdownText).join(" · "), ""];
      if (verdict.problems.length > 0) lines.push(...verdict.problems.map((problem) => `- ❌ ${markdownText(problem)}`), "");
      lines.push("### Thresholds", "");
      const thresholds = thresholdRows(summary);
      if (thresholds.length === 0) lines.push("No thresholds were set.");
      else {
        const rows = thresholds.map((row2) => [
          markdownCode(row2.metric),
          markdownCode(row2.expression),
          markdownText(row2.measured),
          MARKS[row2.result]
        ]);
        lines.push(...markdownTable(["metric", "expression", "measured", "result"], ["---", "---", "---:", ":---:"], rows));
      }
      lines.push("", "### Latency per endpoint", "");
      const stats = summary.options.summaryTrendStats;
      const latencies = endpointLatencies(summary.metrics);
      if (latencies.length === 0) lines.push("No HTTP request was timed.");
      else {
        const rows = latencies.map((row2) => [
          markdownText(endpointLabel(row2)),
          ...stats.map((stat) => latencyText(row2, stat, summary.options.summaryTimeUnit))
        ]);
        lines.push(...markdownTable(["endpoint", ...stats.map(markdownText)], ["---", ...stats.map(() => "---:")], rows));
      }
      lines.push("", "### Metrics", "");
      const { trends, values } = metricRows(summary);
      if (trends.length === 0 && values.length === 0) lines.push("No metric was recorded.");
      if (values.length > 0) {
        const rows = values.map((row2) => [markdownCode(row2.metric), row2.type, markdownText(row2.value), markdownText(row2.detail)]);
        lines.push(...markdownTable(["metric", "type", "value", "rate, share or range"], ["---", "---", "---:", "---:"], rows));
      }
      if (trends.length > 0) {
        if (values.length > 0) lines.push("");
        const rows = trends.map((row2) => [markdownCode(row2.metric), ...row2.stats.map(markdownText)]);
        lines.push(...markdownTable(["trend", ...stats.map(markdownText)], ["---", ...stats.map(() => "---:")], rows));
      }
      lines.push("", "### Checks", "");
      const checks = checkResults(summary.root_group);
      if (checks.length === 0) lines.push("No checks ran.");
      else {
        const rows = checks.map((check3) => [
          check3.groups.length > 0 ? markdownText(check3.groups.join(" › ")) : "–",
          markdownText(check3.name),
          String(check3.passes),
          String(check3.fails),
          check3.fails === 0 ? "✅" : "⚠️"
        ]);
        lines.push(...markdownTable(["group", "check", "passes", "fails", "result"], ["---", "---", "---:", "---:", ":---:"], rows));
      }
      return `${lines.join("\n")}
`;
    }
    var AUTHORITY = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/?#]*@)?([^/?#]*)/i;
    var HOST_AND_PORT = /^(?:\[[0-9a-f:.]+\]|[a-z0-9._~%-]+)(?::\d{1,5})?$/i;
    function targetHost(baseUrl) {
      const host = AUTHORITY.exec(baseUrl ?? "")?.[1] ?? "";
      return HOST_AND_PORT.test(host) ? host.toLowerCase() : "";
    }
    function thresholdVerdicts(metrics) {
      return Object.keys(metrics).sort(compareMetricNames).flatMap((metric) => {
        const { thresholds = {}, values } = metrics[metric];
        const sampled = hasSamples(values);
        return Object.entries(thresholds).sort(([a], [b]) => byCodeUnits(a, b)).map(([expression, { ok, unjudged }]) => {
          const result = unjudged ? "no data" : !ok ? "fail" : sampled ? "pass" : "no data";
          return { metric, expression, ok, result };
        });
      });
    }
    function scenarioTag(metric) {
      const open2 = metric.indexOf("{");
      if (open2 < 0) return void 0;
      for (const pair of metric.slice(open2 + 1, -1).split(",")) {
        const colon = pair.indexOf(":");
        if (pair.slice(0, colon).trim() === "scenario") return pair.slice(colon + 1).trim();
      }
      return void 0;
    }
    function scenarioProblems(meta) {
      const problems = [];
      const named = [...new Set(meta.thresholds.flatMap((verdict) => scenarioTag(verdict.metric) ?? []))];
      for (const scenario of named) {
        if (meta.scenarios !== void 0 && !meta.scenarios.includes(scenario)) {
          const ran = meta.scenarios.join(", ") || "none";
          const why = ran === "default" ? "k6's --vus/--duration (or --iterations/--stages) replaced the script's scenarios; use -e VUS=... -e DURATION=... (k6-forge run --vus/--duration) instead" : "the thresholds name a scenario the options do not run";
          problems.push(`scenario ${scenario} never ran: this run's scenarios were ${ran}; ${why}`);
          continue;
        }
        const iterations = meta.thresholds.find(
          (verdict) => verdict.metric === `iterations{scenario:${scenario}}` && verdict.expression === "count>0"
        );
        if (iterations?.result === "fail") {
          problems.push(`scenario ${scenario} completed no iteration: every one was stalled or interrupted`);
        }
      }
      return problems;
    }
    function runVerdict(meta) {
      const problems = scenarioProblems(meta);
      const total = meta.thresholds.length;
      const count = (result) => meta.thresholds.filter((verdict) => verdict.result === result).length;
      const [failed, held, empty] = [count("fail"), count("pass"), count("no data")];
      const unjudged = meta.thresholds.filter((verdict) => !verdict.ok && verdict.result === "no data").length;
      const thresholds = (n) => n === 1 ? "1 threshold" : `${n} thresholds`;
      const name = meta.scenario;
      if (failed > 0 || problems.length > 0) {
        const parts = [...failed > 0 ? [`${failed} of ${thresholds(total)} failed`] : [], ...problems];
        return { result: "fail", text: `${name} failed: ${parts.join("; ")}`, problems };
      }
      if (total === 0) return { result: "pass", text: `${name} passed: no thresholds were set`, problems };
      if (unjudged > 0) {
        const why = "k6's machine-readable summary lacks the values they are judged on";
        return { result: "no data", text: `${name}: no data: ${unjudged} of ${thresholds(total)} could not be judged (${why})`, problems };
      }
      if (held === 0) return { result: "no data", text: `${name}: no data: none of its ${thresholds(total)} had samples`, problems };
      if (empty > 0) return { result: "pass", text: `${name} passed: ${thresholds(held)} held, ${empty} had no data`, problems };
      return { result: "pass", text: `${name} passed: ${total === 1 ? "its threshold" : `all ${total} thresholds`} held`, problems };
    }
    function runMeta(data, input) {
      const { scenario, env, end, scenarios } = input;
      const start = new Date(end.getTime() - Math.round(data.state.testRunDurationMs));
      const gitRevision = env["GIT_REVISION"];
      const meta = {
        scenario,
        environment: env["ENVIRONMENT"] || "development",
        targetHost: targetHost(env["BASE_URL"]),
        startTime: start.toISOString(),
        endTime: end.toISOString(),
        k6ForgeVersion: true ? "0.1.0" : "unknown",
        ...gitRevision ? { gitRevision } : {}
      };
      const thresholds = thresholdVerdicts(data.metrics);
      const ran = scenarios === void 0 ? {} : { scenarios: [...scenarios] };
      return { ...meta, thresholds, ...ran, verdict: runVerdict({ scenario, thresholds, ...ran }) };
    }
    function isRecord(value) {
      return typeof value === "object" && value !== null && !Array.isArray(value);
    }
    var USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi;
    function withoutCredentials(text) {
      return text.replace(USERINFO, "$1");
    }
    function isMachineReadable(raw) {
      return isRecord(raw) && !isRecord(raw["metrics"]) && isRecord(raw["results"]) && Array.isArray(raw["results"]["metrics"]);
    }
    function numberAt(record, key) {
      const value = record[key];
      return typeof value === "number" ? value : void 0;
    }
    function legacyValues(type, values, seconds) {
      if (type === "counter") {
        const count = numberAt(values, "count");
        return count !== void 0 && seconds > 0 ? { count, rate: count / seconds } : { count };
      }
      if (type === "rate") {
        const matches = numberAt(values, "matches");
        const total = numberAt(values, "total");
        const counts = matches !== void 0 && total !== void 0 ? { passes: matches, fails: total - matches } : {};
        return { rate: values["rate"], ...counts };
      }
      if (type !== "trend") return { ...values };
      const trend = {};
      for (const [key, value] of Object.entries(values)) {
        const percentile = key.length > 1 && key[0] === "p" && key[1] !== "(" ? `p(${key.slice(1)})` : key;
        trend[percentile] = value;
      }
      return trend;
    }
    function checksMetric(metrics) {
      const succeeded = metrics.find((metric) => isRecord(metric) && metric["name"] === "checks_succeeded");
      if (!isRecord(succeeded) || !isRecord(succeeded["values"])) return void 0;
      return { type: "rate", contains: "default", values: legacyValues("rate", succeeded["values"], 0) };
    }
    function typeOfAggregation(spec) {
      const expression = typeof spec === "string" ? spec : String(spec?.threshold);
      if (expression.startsWith("count")) return "counter";
      if (expression.startsWith("rate")) return "rate";
      return expression.startsWith("value") ? "gauge" : "trend";
    }
    function judgeThreshold(expression, values) {
      const parsed = /^\s*([a-z]+(?:\(\d+(?:\.\d+)?\))?)\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s*$/i.exec(expression);
      if (parsed === null) return void 0;
      const [, aggregation = "", operator, limitText] = parsed;
      const value = values[aggregation];
      if (typeof value !== "number") return void 0;
      const limit = Number(limitText);
      if (operator === "<") return value < limit;
      if (operator === "<=") return value <= limit;
      if (operator === ">") return value > limit;
      if (operator === ">=") return value >= limit;
      if (operator === "!=") return value !== limit;
      return value === limit;
    }
    function legacyFromMachineReadable(given, thresholds = {}) {
      const raw = JSON.parse(JSON.stringify(given));
      const config2 = isRecord(raw["config"]) ? raw["config"] : {};
      const seconds = numberAt(config2, "duration");
      const results = isRecord(raw["results"]) ? raw["results"] : {};
      const list = Array.isArray(results["metrics"]) ? results["metrics"] : [];
      const checks = isRecord(results["checks"]) ? results["checks"] : {};
      const checkMetrics = Array.isArray(checks["metrics"]) ? checks["metrics"] : [];
      const metrics = [];
      for (const metric of list) {
        if (!isRecord(metric) || typeof metric["name"] !== "string") {
          metrics.push([`(unnamed ${metrics.length + 1})`, metric]);
          continue;
        }
        const values = isRecord(metric["values"]) ? legacyValues(metric["type"], metric["values"], seconds ?? 0) : metric["values"];
        metrics.push([metric["name"], { type: metric["type"], contains: metric["contains"], values }]);
      }
      const checksRate = checksMetric(checkMetrics);
      if (checksRate !== void 0) metrics.push(["checks", checksRate]);
      const byName = Object.fromEntries(metrics);
      for (const [name, specs] of Object.entries(thresholds)) {
        const metric = byName[name] ?? { type: typeOfAggregation(specs[0]), contains: "default", values: {} };
        const values = isRecord(metric["values"]) ? metric["values"] : {};
        const judged = [];
        for (const spec of specs) {
          const expression = typeof spec === "string" ? spec : String(spec.threshold);
          const ok = judgeThreshold(expression, values);
          judged.push([expression, ok === void 0 ? { ok: false, unjudged: true } : { ok }]);
        }
        if (judged.length > 0) byName[name] = { ...metric, thresholds: Object.fromEntries(judged) };
      }
      const checkList = Array.isArray(checks["results"]) ? checks["results"] : [];
      return {
        metrics: byName,
        root_group: {
          name: "",
          path: "",
          id: "",
          groups: [],
          checks: checkList.map((check3) => isRecord(check3) ? { path: "", id: "", ...check3 } : check3)
        },
        options: { summaryTrendStats: ["avg", "min", "med", "max", "p(90)", "p(95)"], summaryTimeUnit: "", noColor: false },
        state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: seconds === void 0 ? void 0 : seconds * 1e3 }
      };
    }
    var DEFAULT_TREND_STATS = ["avg", "min", "med", "max", "p(90)", "p(95)"];
    var METRIC_TYPES = ["counter", "gauge", "rate", "trend"];
    var CONTAINS = ["default", "time", "data"];
    function readValues(name, value, problems) {
      if (!isRecord(value)) {
        problems.push(`metric ${name} has no values`);
        return {};
      }
      const values = Object.entries(value).filter(([key, number]) => {
        if (typeof number !== "number") problems.push(`metric ${name} has a value ${key} that is not a number`);
        return typeof number === "number";
      });
      return Object.fromEntries(values);
    }
    function readThresholds(name, value, problems) {
      if (value === void 0) return void 0;
      if (!isRecord(value)) {
        problems.push(`metric ${name} has thresholds that are not an object`);
        return void 0;
      }
      const thresholds = [];
      for (const [expression, verdict] of Object.entries(value)) {
        if (isRecord(verdict) && typeof verdict["ok"] === "boolean")
          thresholds.push([expression, verdict["unjudged"] === true ? { ok: false, unjudged: true } : { ok: verdict["ok"] }]);
        else problems.push(`threshold ${expression} on ${name} has no ok flag`);
      }
      return Object.fromEntries(thresholds);
    }
    function readMetrics(data, problems) {
      const raw = data["metrics"];
      if (!isRecord(raw)) {
        problems.push("data.metrics is missing, so no metric is shown");
        return {};
      }
      const metrics = [];
      for (const [rawName, metric] of Object.entries(raw)) {
        const name = withoutCredentials(rawName);
        if (!isRecord(metric) || !METRIC_TYPES.includes(String(metric["type"]))) {
          problems.push(`metric ${name} has no known type (counter, gauge, rate or trend), so it is left out`);
          continue;
        }
        const contains = CONTAINS.includes(String(metric["contains"])) ? metric["contains"] : "default";
        const values = readValues(name, metric["values"], problems);
        const thresholds = readThresholds(name, metric["thresholds"], problems);
        metrics.push([name, { type: metric["type"], contains, values, ...thresholds && { thresholds } }]);
      }
      return Object.fromEntries(metrics);
    }
    function readCheck(value, where, problems) {
      if (isRecord(value) && typeof value["name"] === "string" && typeof value["passes"] === "number" && typeof value["fails"] === "number") {
        const text = (key) => typeof value[key] === "string" ? withoutCredentials(value[key]) : "";
        return { name: text("name"), path: text("path"), id: text("id"), passes: value["passes"], fails: value["fails"] };
      }
      problems.push(`a check in ${where} has no name, passes or fails, so it is left out`);
      return void 0;
    }
    function readGroup(value, where, problems) {
      if (!isRecord(value)) {
        problems.push(`${where} is missing, so no check is shown from it`);
        return { name: "", path: "", id: "", groups: [], checks: [] };
      }
      const text = (key) => typeof value[key] === "string" ? withoutCredentials(value[key]) : "";
      const list = (key) => {
        const items = value[key];
        if (Array.isArray(items)) return items;
        if (items !== void 0) problems.push(`${where}.${key} is not a list`);
        return [];
      };
      const label = text("name") === "" ? where : `group ${text("name")}`;
      return {
        name: text("name"),
        path: text("path"),
        id: text("id"),
        groups: list("groups").map((group) => readGroup(group, `a group in ${label}`, problems)),
        checks: list("checks").flatMap((check3) => readCheck(check3, label, problems) ?? [])
      };
    }
    function readOptions(value, problems) {
      const options2 = isRecord(value) ? value : {};
      if (!isRecord(value)) problems.push("data.options is missing; k6's default trend columns are shown");
      const stats = options2["summaryTrendStats"];
      const validStats = Array.isArray(stats) && stats.length > 0 && stats.every((stat) => typeof stat === "string");
      if (isRecord(value) && !validStats) problems.push("data.options.summaryTrendStats is not a list of names; k6's defaults are shown");
      return {
        summaryTrendStats: validStats ? stats : DEFAULT_TREND_STATS,
        summaryTimeUnit: typeof options2["summaryTimeUnit"] === "string" ? options2["summaryTimeUnit"] : "",
        noColor: options2["noColor"] === true
      };
    }
    function readState(value, problems) {
      const state = isRecord(value) ? value : {};
      const duration = state["testRunDurationMs"];
      if (typeof duration !== "number" || !Number.isFinite(duration)) {
        problems.push("data.state.testRunDurationMs is missing, so the start time equals the end time");
      }
      return {
        isStdOutTTY: state["isStdOutTTY"] === true,
        isStdErrTTY: state["isStdErrTTY"] === true,
        testRunDurationMs: typeof duration === "number" && Number.isFinite(duration) ? duration : 0
      };
    }
    function readSummaryData(given, thresholds) {
      const raw = isMachineReadable(given) ? legacyFromMachineReadable(given, thresholds) : given;
      const problems = [];
      const data = isRecord(raw) ? raw : {};
      const found = isRecord(raw) ? problems : [];
      const read = {
        root_group: readGroup(data["root_group"], "data.root_group", found),
        options: readOptions(data["options"], found),
        state: readState(data["state"], found),
        metrics: readMetrics(data, found)
      };
      if (!isRecord(raw)) problems.push("handleSummary got no summary object, so there is nothing to show");
      return { data: read, problems };
    }
    var GREEN = "32";
    var RED = "31";
    var CYAN = "36";
    var FAINT = "2";
    var PASS = "✓";
    var FAIL = "✗";
    var NO_DATA = "∅";
    var width = (text) => [...text].length;
    function checkLines(check3, indent, paint) {
      if (check3.fails === 0) return [paint(`${indent}${PASS} ${check3.name}`, GREEN)];
      const total = check3.passes + check3.fails;
      const percent = total > 0 ? Math.floor(100 * check3.passes / total) : 0;
      return [
        paint(`${indent}${FAIL} ${check3.name}`, RED),
        paint(`${indent} ↳  ${percent}% — ${PASS} ${check3.passes} / ${FAIL} ${check3.fails}`, RED)
      ];
    }
    function groupLines(group, indent, paint) {
      const lines = [];
      let inner = indent;
      if (group.name !== "") {
        lines.push(`${indent}█ ${group.name}`, "");
        inner = `${indent}  `;
      }
      for (const check3 of group.checks) lines.push(...checkLines(check3, inner, paint));
      if (group.checks.length > 0) lines.push("");
      for (const sub of group.groups) lines.push(...groupLines(sub, inner, paint));
      return lines;
    }
    function cellsOf(metric, options2) {
      const show = (value) => humanizeValue(value, metric, options2.summaryTimeUnit);
      const { values } = metric;
      const count = (value) => value === void 0 ? "-" : String(value);
      const plain = (value, faint = false) => ({ prefix: "", value, faint });
      switch (metric.type) {
        case "trend":
          return options2.summaryTrendStats.map((stat) => ({
            prefix: `${stat}=`,
            value: stat === "count" ? count(values[stat]) : show(values[stat]),
            faint: false
          }));
        case "counter":
          return [plain(show(values["count"])), plain(`${show(values["rate"])}/s`, true)];
        case "gauge":
          return [plain(show(values["value"])), plain(`min=${show(values["min"])}`, true), plain(`max=${show(values["max"])}`, true)];
        case "rate":
          return [
            plain(show(values["rate"])),
            plain(`${PASS} ${count(values["passes"])}`, true),
            plain(`${FAIL} ${count(values["fails"])}`, true)
          ];
      }
    }
    function metricLines(data, paint) {
      const names = Object.keys(data.metrics).sort(compareMetricNames);
      const rows = names.map((name) => {
        const metric = data.metrics[name];
        const brace = name.indexOf("{");
        const [indent, label] = brace < 0 ? ["", name] : ["  ", `{ ${name.slice(brace + 1, -1)} }`];
        return { metric, indent, label, cells: cellsOf(metric, data.options) };
      });
      const columnWidths = { trend: [], other: [] };
      for (const row2 of rows) {
        const widths = columnWidths[row2.metric.type === "trend" ? "trend" : "other"];
        row2.cells.forEach((cell2, index) => {
          widths[index] = Math.max(widths[index] ?? 0, width(cell2.prefix + cell2.value));
        });
      }
      const labelWidth = Math.max(0, ...rows.map((row2) => width(row2.indent + row2.label)));
      return rows.map(({ metric, indent, label, cells }) => {
        const verdicts = Object.values(metric.thresholds ?? {});
        const mark = metric.thresholds === void 0 ? " " : verdicts.some((verdict) => !verdict.ok && !verdict.unjudged) ? paint(FAIL, RED) : hasSamples(metric.values) && verdicts.every((verdict) => verdict.ok) ? paint(PASS, GREEN) : paint(NO_DATA, FAINT);
        const widths = columnWidths[metric.type === "trend" ? "trend" : "other"];
        const shown2 = cells.map((cell2, index) => {
          const value = cell2.faint ? paint(cell2.value, CYAN, FAINT) : paint(cell2.value, CYAN);
          return cell2.prefix + value + " ".repeat((widths[index] ?? 0) - width(cell2.prefix + cell2.value));
        });
        const dots = paint(`${".".repeat(labelWidth - width(indent + label) + 3)}:`, FAINT);
        return `   ${indent}${mark} ${label}${dots} ${shown2.join(" ")}`;
      });
    }
    function textSummary(data, options2 = {}) {
      const colors = options2.enableColors ?? (!data.options.noColor && data.state.isStdOutTTY);
      const paint = (text, ...codes) => colors ? `\x1B[${codes.join(";")}m${text}\x1B[0m` : text;
      const lines = [...groupLines(data.root_group, "     ", paint), ...metricLines(data, paint)];
      const notes = options2.notes ?? [];
      if (notes.length > 0) lines.push("", ...notes.map((note) => `     ${note}`));
      return `
${lines.map((line) => line.trimEnd()).join("\n")}

`;
    }
    var VERDICT_MARKS = { pass: "✓", fail: "✗", "no data": "∅" };
    function fileTimestamp(time) {
      return time.toISOString().replace(/[:.]/g, "-");
    }
    function messageOf(error) {
      return error instanceof Error ? error.message : String(error);
    }
    function summaryInit(scenario, env) {
      if (scenario !== void 0 && !isName(scenario, "scenario")) {
        k6ForgeLazy(2)("summaryHandler scenario", scenario, "a k6 scenario name of letters, digits, _ and -, such as smoke");
      }
      let execution;
      try {
        execution = globalThis.require("k6/execution");
      } catch {
        execution = void 0;
      }
      return { scenario, missingDir: missingResultsDir(env), execution };
    }
    function optionsOfRun(execution) {
      if (execution === void 0) return { scenarios: void 0 };
      try {
        const { scenarios, thresholds } = execution.test.options;
        const names = Object.keys(scenarios ?? {}).sort();
        return { scenarios: names.length > 0 ? names : void 0, thresholds };
      } catch {
        return { scenarios: void 0 };
      }
    }
    function summaryOutputs(raw, init) {
      try {
        const run = optionsOfRun(init.execution);
        return renderOutputs(raw, { ...run, scenario: init.scenario ?? run.scenarios?.join("+") ?? "default" }, init.missingDir);
      } catch (error) {
        return { stdout: `
     k6-forge: could not summarise this run: ${messageOf(error)}

` };
      }
    }
    function missingResultsDir(env) {
      const dir = env["RESULTS_DIR"];
      if (!dir) return void 0;
      const absolute = dir.startsWith("/") || dir[1] === ":" || dir.startsWith("\\");
      const pwd = env["PWD"];
      if (!absolute && !pwd) return void 0;
      try {
        open(absolute ? dir : `${pwd}/${dir}`);
      } catch (error) {
        if (messageOf(error).includes("directories")) return void 0;
      }
      return dir;
    }
    function renderOutputs(raw, names, missingDir) {
      const end = /* @__PURE__ */ new Date();
      const env = __ENV;
      const { scenario, scenarios, thresholds } = names;
      const { data, problems } = readSummaryData(raw, thresholds);
      const summary = { ...data, meta: runMeta(data, { scenario, env, end, scenarios }) };
      const dir = missingDir === void 0 ? env["RESULTS_DIR"]?.replace(/[/\\]+$/, "") : void 0;
      const prefix = dir ? `${dir}/${scenario}` : `${fileTimestamp(end)}-${scenario}`;
      const notes = problems.map((problem) => `k6-forge: ${problem}`);
      if (missingDir !== void 0) {
        notes.push(
          `k6-forge: RESULTS_DIR ${JSON.stringify(missingDir)} is not an existing folder, and k6 cannot create one: results written to the working directory instead`
        );
      }
      const outputs = {};
      const renderers = [
        [`${prefix}-summary.json`, jsonReport],
        [`${prefix}-junit.xml`, junitReport],
        [`${prefix}-report.html`, (run) => htmlReport(run)],
        [`${prefix}-summary.md`, markdownReport]
      ];
      for (const [path, render] of renderers) {
        try {
          outputs[path] = render(summary);
        } catch (error) {
          notes.push(`k6-forge: could not write ${path}: ${messageOf(error)}`);
        }
      }
      notes.push(`k6-forge: ${VERDICT_MARKS[summary.meta.verdict.result]} ${summary.meta.verdict.text}`);
      notes.push(
        dir ? `k6-forge: results in ${dir}/` : `k6-forge: results in ${prefix}-* (set RESULTS_DIR to an existing folder to collect them there)`
      );
      try {
        outputs["stdout"] = textSummary(summary, { notes });
      } catch (error) {
        outputs["stdout"] = `
${[...notes, `k6-forge: could not write the text summary: ${messageOf(error)}`].map((line) => `     ${line}`).join("\n")}

`;
      }
      return outputs;
    }
    return { "summaryInit": summaryInit, "summaryOutputs": summaryOutputs };
  })();

    break;
    }
    case 16: {

  k6ForgeLazy(15);
  return loaded4["summaryInit"];
    }
    case 17: {

  k6ForgeLazy(15);
  return loaded4["summaryOutputs"];
    }
    case 18: {
return function summaryHandler(options2 = {}) {
  const { scenario } = options2;
  const init = __VU === 0 ? k6ForgeLazy(16)(scenario, __ENV) : { scenario };
  return (raw) => k6ForgeLazy(17)(raw, init);
};
    }
  }
}

// src/lib/errors.ts
let ForgeError = function(code, details) {
  const prototype = ForgeError.prototype;
  if (!(prototype instanceof Error)) {
    Object.setPrototypeOf(prototype, Error.prototype);
    Object.defineProperty(prototype, "name", { value: "ForgeError", writable: true, configurable: true });
  }
  const message = (printable || (printable = k6ForgeLazy(1)))(`${details.field}: ${details.given} is not accepted; expected ${details.accepted}`);
  const error = Reflect.construct(Error, [message], new.target ?? ForgeError);
  error.code = code;
  error.details = details;
  return error;
};

function shown(value) {
  if (value === void 0) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}


// k6-forge-per-call:src/scenarios/compose.ts


// k6-forge-per-call:src/scenarios/smoke.ts


// examples/shared/storefront.ts
import { check as check2, sleep as sleep2 } from "k6";

// src/lib/catalog.ts
let check = check2, sleep = sleep2;
import http from "k6/http";
import { Counter, Rate, Trend } from "k6/metrics";

// src/lib/binary.ts


// k6-forge-lazy:src/lib/debug-log.ts
let loaded;


// k6-forge-lazy:src/lib/idempotency-key.ts
let loaded2;


// k6-forge-lazy:src/lib/internal/endpoint-plans.ts
let loaded3;




// src/lib/catalog.ts
let NO_OPTIONS = {};
function is2xx(res) {
  return res.status >= 200 && res.status < 300;
}


// src/lib/checks.ts


// k6-forge-per-call:src/lib/config.ts


// k6-forge-per-call:src/lib/env.ts


// k6-forge-lazy:src/lib/summary/summary-outputs.ts
let loaded4;




// src/lib/summary/summary-handler.ts


// examples/shared/storefront.ts
let config = k6ForgeLazy(13)({ vars: { SETUP_WRITES: k6ForgeLazy(14)({ byEnvironment: { development: true }, default: false }) } });
let storefront = k6ForgeLazy(11)(
  {
    health: { method: "GET", path: "/health", service: "storefront" },
    product_get: { method: "GET", path: "/products/{id}", service: "storefront", operation: "get" },
    product_stock: { method: "POST", path: "/init", service: "storefront", operation: "stock" }
  },
  { baseUrl: config.BASE_URL, debug: config.DEBUG }
);
let handleSummary = k6ForgeLazy(18)();
let PRODUCT = "demo-widget";
function setup() {
  if (config.SETUP_WRITES) storefront.send("product_stock", { body: { productId: PRODUCT, quantity: 1e6 } });
}
function browse() {
  storefront.send("health");
  const product = storefront.send("product_get", { path: { id: PRODUCT } });
  check2(product, (jsonHas || (jsonHas = k6ForgeLazy(12)))("stock"));
  sleep2(1);
}

// examples/smoke.ts
let options = __VU !== 0 ? void 0 : k6ForgeLazy(3)(k6ForgeLazy(4)({ vus: config.VUS, duration: config.DURATION }), {
  thresholds: storefront.thresholds()
});
export {
  browse as default,
  handleSummary,
  options,
  setup
};
