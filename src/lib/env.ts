import { isDuration } from './duration.ts';
import { ForgeError, shown } from './errors.ts';

/** The kinds of value an environment variable can hold. */
export type EnvKind = 'text' | 'secret' | 'url' | 'positiveInteger' | 'boolean' | 'duration' | 'oneOf';

/** Options every parser takes: where the value comes from when the variable is not set. */
export interface EnvOptions<T> {
  /**
   * The value when the variable is not set, in any environment.
   * @default undefined
   */
  readonly default?: T;
  /**
   * The value when the variable is not set, per named environment; wins over `default`.
   * @default undefined
   */
  readonly byEnvironment?: Readonly<Record<string, T>>;
  /**
   * Whether a missing variable with no default for the environment is an error.
   * @default false
   */
  readonly required?: boolean;
  /**
   * What the variable is for, in plain words.
   * @default undefined
   */
  readonly description?: string;
}

/** A declared environment variable: its kind and options, as a plain value. */
export interface EnvVar<K extends EnvKind = EnvKind, T = unknown> extends EnvOptions<T> {
  /** How the variable's text is parsed. */
  readonly kind: K;
}

/** A declared environment variable that holds one of a fixed list of strings. */
export interface OneOfVar<V extends string = string> extends EnvVar<'oneOf', V> {
  /** Every accepted value. */
  readonly values: readonly V[];
}

/** Any declared environment variable. */
export type AnyEnvVar = EnvVar<Exclude<EnvKind, 'oneOf'>> | OneOfVar;

/** Declared environment variables by name. */
export type EnvSchema = Readonly<Record<string, AnyEnvVar>>;

/** Where `readEnv` reads from and which environment's defaults apply. */
export interface ReadEnvOptions {
  /** The variables as set, such as k6's `__ENV`. */
  readonly source: Readonly<Record<string, string | undefined>>;
  /**
   * The environment whose `byEnvironment` defaults apply, also named when a required variable is missing.
   * @default undefined
   */
  readonly environment?: string;
}

interface KindValue {
  text: string;
  secret: string;
  url: string;
  positiveInteger: number;
  boolean: boolean;
  duration: string;
}

type ValueOf<V> = V extends { readonly kind: 'oneOf'; readonly values: readonly (infer U)[] }
  ? U
  : V extends { readonly kind: infer K extends keyof KindValue }
    ? KindValue[K]
    : never;

type AlwaysSet<V> = V extends { readonly required: true } ? true : V extends { readonly default: unknown } ? true : false;

/** The typed values `readEnv` returns for a schema: `T` when required or defaulted, otherwise `T | undefined`. */
export type InferEnv<S extends EnvSchema> = {
  readonly [K in keyof S]: AlwaysSet<S[K]> extends true ? ValueOf<S[K]> : ValueOf<S[K]> | undefined;
};

interface Form {
  readonly accepted: string;
  /** Returns the parsed value, or `undefined` when the text is not accepted. */
  readonly parse: (text: string, name: string) => unknown;
}

const HOST = String.raw`(?:[a-z0-9_][a-z0-9_-]*(?:\.[a-z0-9_][a-z0-9_-]*)*\.?|\[[0-9a-f:.]+\])`;
const URL_FORM = new RegExp(String.raw`^https?://(?:[^\s/?#@]+@)?${HOST}(?::\d{1,5})?(?:[/?#]\S*)?$`, 'i');
const WHOLE = /^[0-9]+$/;
const BOOLEANS = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['yes', true],
  ['no', false],
]);

const FORMS: { readonly [K in Exclude<EnvKind, 'oneOf'>]: Form } = {
  text: { accepted: 'any non-empty text', parse: (text) => text },
  secret: { accepted: 'any non-empty secret', parse: (text) => text },
  url: {
    accepted: 'an http:// or https:// URL with a host, such as https://api.example.com',
    parse: (text) => (URL_FORM.test(text) ? text.replace(/\/+$/, '') : undefined),
  },
  positiveInteger: { accepted: 'a whole number greater than 0, such as 10', parse: parsePositiveInteger },
  boolean: {
    accepted: 'one of true, false, 1, 0, yes or no, in any case',
    parse: (text) => BOOLEANS.get(text.toLowerCase()),
  },
  duration: { accepted: 'a k6 duration greater than zero, such as 30s, 1m30s, 500ms or 2h', parse: (text) => (isDuration(text) ? text : undefined) },
};

function parsePositiveInteger(text: string): number | undefined {
  const value = WHOLE.test(text) ? Number(text) : 0;
  return value > 0 && Number.isSafeInteger(value) ? value : undefined;
}

function declare<K extends EnvKind, T, O>(kind: K, options: O | undefined): EnvVar<K, T> & Readonly<O> {
  return Object.freeze({ kind, ...options }) as EnvVar<K, T> & Readonly<O>;
}

/**
 * Declares a variable that holds any non-empty text.
 * @param options - Defaults, whether it is required, and a description.
 * @returns The declaration, a plain frozen value.
 */
export function text<const O extends EnvOptions<string> = {}>(options?: O): EnvVar<'text', string> & Readonly<O> {
  return declare('text', options);
}

/**
 * Declares a variable whose text is never shown: errors print `(hidden)` and `readEnv` makes it non-enumerable.
 * @param options - Defaults, whether it is required, and a description.
 * @returns The declaration, a plain frozen value.
 */
export function secret<const O extends EnvOptions<string> = {}>(options?: O): EnvVar<'secret', string> & Readonly<O> {
  return declare('secret', options);
}

/**
 * Declares a variable that holds an http:// or https:// URL with a host; the value read has no trailing `/`.
 * @param options - Defaults, whether it is required, and a description.
 * @returns The declaration, a plain frozen value.
 */
export function url<const O extends EnvOptions<string> = {}>(options?: O): EnvVar<'url', string> & Readonly<O> {
  return declare('url', options);
}

/**
 * Declares a variable that holds a whole number greater than 0, written with digits only.
 * @param options - Defaults, whether it is required, and a description.
 * @returns The declaration, a plain frozen value.
 */
export function positiveInteger<const O extends EnvOptions<number> = {}>(
  options?: O,
): EnvVar<'positiveInteger', number> & Readonly<O> {
  return declare('positiveInteger', options);
}

/**
 * Declares a variable that holds true, false, 1, 0, yes or no, in any case.
 * @param options - Defaults, whether it is required, and a description.
 * @returns The declaration, a plain frozen value.
 */
export function boolean<const O extends EnvOptions<boolean> = {}>(options?: O): EnvVar<'boolean', boolean> & Readonly<O> {
  return declare('boolean', options);
}

/**
 * Declares a variable that holds a k6 duration such as `30s` or `1m30s`; the value read is the text as given.
 * @param options - Defaults, whether it is required, and a description.
 * @returns The declaration, a plain frozen value.
 */
export function duration<const O extends EnvOptions<string> = {}>(options?: O): EnvVar<'duration', string> & Readonly<O> {
  return declare('duration', options);
}

/**
 * Declares a variable that holds one of a fixed list of strings, matched exactly.
 * @param values - Every accepted value; at least one, none empty.
 * @param options - Defaults, whether it is required, and a description.
 * @returns The declaration, a plain frozen value.
 * @throws {ForgeError} `invalid_option` when the list is empty or holds an empty string.
 */
export function oneOf<const V extends string, const O extends EnvOptions<NoInfer<V>> = {}>(
  values: readonly V[],
  options?: O,
): OneOfVar<V> & Readonly<O> {
  if (values.length === 0 || values.includes('' as V)) {
    throw new ForgeError('invalid_option', {
      field: 'oneOf values',
      given: shown(values),
      accepted: 'a list of at least one non-empty string',
    });
  }
  return Object.freeze({ kind: 'oneOf' as const, values: Object.freeze([...values]), ...options }) as OneOfVar<V> &
    Readonly<O>;
}

function formOf(variable: AnyEnvVar): Form {
  if (variable.kind !== 'oneOf') return FORMS[variable.kind];
  const { values } = variable;
  return {
    accepted: `one of ${values.map(shown).join(', ')}`,
    parse: (text) => (values.includes(text) ? text : undefined),
  };
}

function fallback(name: string, variable: AnyEnvVar, accepted: string, environment: string | undefined): unknown {
  const byEnvironment: Readonly<Record<string, unknown>> | undefined = variable.byEnvironment;
  if (environment !== undefined && byEnvironment && Object.prototype.hasOwnProperty.call(byEnvironment, environment)) {
    return byEnvironment[environment];
  }
  if (variable.default !== undefined) return variable.default;
  if (!variable.required) return undefined;
  const when = environment === undefined ? 'required' : `required when ENVIRONMENT is ${environment}`;
  throw new ForgeError('invalid_env', { field: name, given: shown(undefined), accepted: `${accepted} (${when})` });
}

function valueOf(name: string, variable: AnyEnvVar, { source, environment }: ReadEnvOptions): unknown {
  const given = source[name];
  const form = formOf(variable);
  if (given === undefined) return fallback(name, variable, form.accepted, environment);
  const value = given === '' ? undefined : form.parse(given, name);
  if (value !== undefined) return value;
  throw new ForgeError('invalid_env', {
    field: name,
    given: variable.kind === 'secret' ? '(hidden)' : shown(given),
    accepted: form.accepted,
  });
}

/**
 * Reads every declared variable from a source; a value that is set is never replaced by a default.
 * @param schema - The declared variables by name.
 * @param options - The source to read and the environment whose defaults apply.
 * @returns A frozen object of typed values; secrets are non-enumerable, so JSON and logs never show them.
 * @throws {ForgeError} `invalid_env` for the first variable, in schema order, that is empty, malformed or missing while required.
 */
export function readEnv<S extends EnvSchema>(schema: S, options: ReadEnvOptions): InferEnv<S> {
  const config = {};
  for (const [name, variable] of Object.entries(schema)) {
    Object.defineProperty(config, name, {
      value: valueOf(name, variable, options),
      enumerable: variable.kind !== 'secret',
    });
  }
  return Object.freeze(config) as InferEnv<S>;
}
