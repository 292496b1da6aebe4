export { ForgeError, type ForgeErrorCode, type ForgeErrorDetails } from './errors.ts';
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
} from './env.ts';
export { loadConfig, type LoadConfigOptions, type StandardConfig, type StandardEnvironment } from './config.ts';
export { embeddedThresholds, parseThresholdsFile, type Limits, type ThresholdsFile } from './thresholds-file.ts';
export { limitsToThresholds, thresholdsFor, type Thresholds, type ThresholdsForOptions } from './thresholds.ts';
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
