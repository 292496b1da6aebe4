import { isDuration } from './duration.ts';
import { ForgeError, shown } from './errors.ts';
import { isDigits } from './names.ts';
import { redactUrl } from './redact.ts';

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

/** What each kind accepts, in plain words. */
const ACCEPTED: { readonly [K in Exclude<EnvKind, 'oneOf'>]: string } = {
  text: 'any non-empty text',
  secret: 'any non-empty secret',
  url: 'an http:// or https:// URL with a host, such as https://api.example.com',
  positiveInteger: 'a whole number greater than 0, such as 10',
  boolean: 'one of true, false, 1, 0, yes or no, in any case',
  duration: 'a k6 duration greater than zero, such as 30s, 1m30s, 500ms or 2h',
};

/**
 * Tells whether a text is an http(s) URL with a host (a name, or an IP literal in brackets), an optional port and
 * nothing but non-space characters after it.
 */
function isHttpUrl(text: string): boolean {
  const lower = text.toLowerCase();
  const afterScheme = lower.startsWith('http://') ? 7 : lower.startsWith('https://') ? 8 : -1;
  if (afterScheme < 0) return false;
  let end = afterScheme;
  while (end < text.length && text[end] !== '/' && text[end] !== '?' && text[end] !== '#') end += 1;
  for (let i = end; i < text.length; i += 1) if (text.charCodeAt(i) <= 32) return false;
  let authority = lower.slice(afterScheme, end);
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    for (let i = 0; i < at; i += 1) if (authority.charCodeAt(i) <= 32) return false;
    if (at === 0 || authority.indexOf('@') !== at) return false;
    authority = authority.slice(at + 1);
  }
  const colon = authority.startsWith('[') ? authority.indexOf(']:') + 1 : authority.lastIndexOf(':');
  const host = colon > 0 ? authority.slice(0, colon) : authority;
  if (colon > 0 && !(isDigits(authority.slice(colon + 1)) && authority.length - colon - 1 <= 5)) return false;
  return host.startsWith('[') ? isIpLiteral(host) : isHostName(host);
}

function isIpLiteral(host: string): boolean {
  if (host.length < 3 || !host.endsWith(']')) return false;
  for (let i = 1; i < host.length - 1; i += 1) {
    const c = host[i]!;
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c === ':' || c === '.')) return false;
  }
  return true;
}

/** Dot-separated labels of letters, digits, `_` and `-`, none starting with `-`; a final dot is allowed. */
function isHostName(host: string): boolean {
  const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
  for (let l = 0; l < labels.length; l += 1) {
    const label = labels[l]!;
    if (label.length === 0 || label[0] === '-') return false;
    for (let i = 0; i < label.length; i += 1) {
      const c = label[i]!;
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '_' || c === '-')) return false;
    }
  }
  return true;
}

/** Parses a variable's text as its kind; undefined when the text is not accepted. */
function parseAs(kind: Exclude<EnvKind, 'oneOf'>, text: string): unknown {
  switch (kind) {
    case 'url': {
      if (!isHttpUrl(text)) return undefined;
      let end = text.length;
      while (end > 0 && text[end - 1] === '/') end -= 1;
      return text.slice(0, end);
    }
    case 'positiveInteger': {
      const value = isDigits(text) ? Number(text) : 0;
      return value > 0 && Number.isSafeInteger(value) ? value : undefined;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      return lower === 'true' || lower === '1' || lower === 'yes'
        ? true
        : lower === 'false' || lower === '0' || lower === 'no'
          ? false
          : undefined;
    }
    case 'duration':
      return isDuration(text) ? text : undefined;
    default:
      return text;
  }
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
export function positiveInteger<const O extends EnvOptions<number> = {}>(options?: O): EnvVar<'positiveInteger', number> & Readonly<O> {
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
  return Object.freeze({ kind: 'oneOf' as const, values: Object.freeze(values.slice()), ...options }) as OneOfVar<V> & Readonly<O>;
}

function acceptedFor(variable: AnyEnvVar): string {
  return variable.kind === 'oneOf' ? `one of ${variable.values.map(shown).join(', ')}` : ACCEPTED[variable.kind];
}

function fallback(name: string, variable: AnyEnvVar, accepted: string, environment: string | undefined): unknown {
  const byEnvironment: Readonly<Record<string, unknown>> | undefined = variable.byEnvironment;
  // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is missing from the older k6 engines the es2017 bundles serve.
  if (environment !== undefined && byEnvironment && Object.prototype.hasOwnProperty.call(byEnvironment, environment)) {
    return byEnvironment[environment];
  }
  if (variable.default !== undefined) return variable.default;
  if (!variable.required) return undefined;
  const when = environment === undefined ? 'required' : `required when ENVIRONMENT is ${environment}`;
  throw new ForgeError('invalid_env', { field: name, given: shown(undefined), accepted: `${accepted} (${when})` });
}

function variableValue(name: string, variable: AnyEnvVar, { source, environment }: ReadEnvOptions): unknown {
  const given = source[name];
  if (given === undefined) return fallback(name, variable, acceptedFor(variable), environment);
  const value =
    given === ''
      ? undefined
      : variable.kind === 'oneOf'
        ? variable.values.includes(given)
          ? given
          : undefined
        : parseAs(variable.kind, given);
  if (value !== undefined) return value;
  throw new ForgeError('invalid_env', {
    field: name,
    given: variable.kind === 'secret' ? '(hidden)' : shown(variable.kind === 'url' ? redactUrl(given) : given),
    accepted: acceptedFor(variable),
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
  // Object.keys and an index loop: for-in would make the VU build every method of Object.prototype, to read whether
  // each is enumerable (see "Per-VU cost under real k6" in the README).
  const names = Object.keys(schema);
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i]!;
    const variable = schema[name]!;
    Object.defineProperty(config, name, { value: variableValue(name, variable, options), enumerable: variable.kind !== 'secret' });
  }
  return Object.freeze(config) as InferEnv<S>;
}
