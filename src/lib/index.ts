// What a script calls at init only (configuration, variables, thresholds) is imported per call (see
// src/cli/bundle/lazy-imports.ts): a VU keeps none of those functions once its init is over.

export { bearerAuth, type SessionAuth, type SessionAuthOptions, type SessionToken, sessionAuth } from './auth.ts';
export {
  type Api,
  type ApiResponse,
  type Auth,
  type CatalogOptions,
  catalog,
  type EndpointSpec,
  type EndpointSpecs,
  type Method,
  type SendArgs,
  type Sender,
  type SendOptions,
} from './catalog.ts';
export { type CheckedResponse, fasterThan, jsonEquals, jsonHas, type ResponseChecks, statusIn } from './checks.ts';
export { type LoadConfigOptions, loadConfig, type StandardConfig, type StandardEnvironment } from './config.ts' with { lazy: 'per-call' };
export type { DebugOptions } from './debug-log.ts';
export { formatDuration, isDuration, parseDuration } from './duration.ts';
export {
  type AnyEnvVar,
  boolean,
  duration,
  type EnvKind,
  type EnvOptions,
  type EnvSchema,
  type EnvVar,
  type InferEnv,
  type OneOfVar,
  oneOf,
  positiveInteger,
  type ReadEnvOptions,
  readEnv,
  secret,
  text,
  url,
} from './env.ts' with { lazy: 'per-call' };
export { ForgeError, type ForgeErrorCode, type ForgeErrorConstructor, type ForgeErrorDetails } from './errors.ts';
export { oncePerRun } from './once-per-run.ts';
export type { RetryPolicy } from './retry.ts';
export { hasSamples } from './summary/has-samples.ts';
export { htmlReport } from './summary/html-report.ts';
export { jsonReport } from './summary/json-report.ts';
export { junitReport } from './summary/junit-report.ts';
export { markdownReport } from './summary/markdown-report.ts';
export { type RunMetaInput, runMeta } from './summary/run-meta.ts';
export { runVerdict, scenarioProblems, thresholdVerdicts } from './summary/run-verdict.ts';
export { readSummaryData, type SummaryReading } from './summary/summary-data.ts';
export { type HandleSummary, type SummaryHandlerOptions, summaryHandler } from './summary/summary-handler.ts';
export { type TextSummaryOptions, textSummary } from './summary/text-summary.ts';
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
export { targetHost } from './target-host.ts';
export { limitsToThresholds, scenarioLimits, type Thresholds, type ThresholdsForOptions, thresholdsFor } from './thresholds.ts' with {
  lazy: 'per-call',
};
export { embeddedThresholds, type Limits, parseThresholdsFile, type ThresholdsFile } from './thresholds-file.ts' with { lazy: 'per-call' };
export { type MessageChannel, type MessageChannelOptions, messageChannel } from './websocket.ts';
