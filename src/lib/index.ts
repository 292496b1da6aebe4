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
