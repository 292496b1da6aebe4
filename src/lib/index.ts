// What a script calls at init only (configuration, variables, thresholds) is imported per call (see
// src/cli/lazy-imports.ts): a VU keeps none of those functions once its init is over.
export { ForgeError, type ForgeErrorCode, type ForgeErrorConstructor, type ForgeErrorDetails } from './errors.ts';
export { formatDuration, isDuration, parseDuration } from './duration.ts';
export {
  boolean,
  duration,
  oneOf,
  positiveInteger,
  readEnv,
  secret,
  text,
  url,
  type AnyEnvVar,
  type EnvKind,
  type EnvOptions,
  type EnvSchema,
  type EnvVar,
  type InferEnv,
  type OneOfVar,
  type ReadEnvOptions,
} from './env.ts' with { lazy: 'per-call' };
export { loadConfig, type LoadConfigOptions, type StandardConfig, type StandardEnvironment } from './config.ts' with { lazy: 'per-call' };
export { oncePerRun } from './once-per-run.ts';
export { embeddedThresholds, parseThresholdsFile, type Limits, type ThresholdsFile } from './thresholds-file.ts' with { lazy: 'per-call' };
export { limitsToThresholds, scenarioLimits, thresholdsFor, type Thresholds, type ThresholdsForOptions } from './thresholds.ts' with { lazy: 'per-call' };
export {
  catalog,
  type Api,
  type ApiResponse,
  type Auth,
  type CatalogOptions,
  type EndpointSpec,
  type EndpointSpecs,
  type Method,
  type SendArgs,
  type Sender,
  type SendOptions,
} from './catalog.ts';
export { bearerAuth, sessionAuth, type SessionAuth, type SessionAuthOptions, type SessionToken } from './auth.ts';
export { fasterThan, jsonEquals, jsonHas, statusIn, type CheckedResponse, type ResponseChecks } from './checks.ts';
export type { DebugOptions } from './debug-log.ts';
export type { RetryPolicy } from './retry.ts';
export { messageChannel, type MessageChannel, type MessageChannelOptions } from './websocket.ts';
export { summaryHandler, type HandleSummary, type SummaryHandlerOptions } from './summary/summary-handler.ts';
export { readSummaryData, type SummaryReading } from './summary/summary-data.ts';
export { runMeta, type RunMetaInput } from './summary/run-meta.ts';
export { targetHost } from './target-host.ts';
export { runVerdict, scenarioProblems, thresholdVerdicts } from './summary/run-verdict.ts';
export { hasSamples } from './summary/has-samples.ts';
export { htmlReport } from './summary/html-report.ts';
export { jsonReport } from './summary/json-report.ts';
export { junitReport } from './summary/junit-report.ts';
export { markdownReport } from './summary/markdown-report.ts';
export { textSummary, type TextSummaryOptions } from './summary/text-summary.ts';
export type {
  MetricContains,
  MetricType,
  RunMeta,
  RunSummary,
  RunVerdict,
  Series,
  SummaryCheck,
  SummaryData,
  SummaryGroup,
  SummaryMetric,
  ThresholdVerdict,
  VerdictResult,
} from './summary/types.ts';
