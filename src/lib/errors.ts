/** The kinds of bad input k6-forge reports. */
export type ForgeErrorCode =
  | 'invalid_env'
  | 'invalid_option'
  | 'invalid_duration'
  | 'invalid_thresholds'
  | 'invalid_script'
  | 'invalid_file';

/** What was wrong: the field, what was given (already redacted for secrets) and what is accepted. */
export interface ForgeErrorDetails {
  /** The variable, option or JSON path that held the bad value. */
  readonly field: string;
  /** The value as shown to a person: quoted by {@link shown}, or `(hidden)` for secrets (a {@link Refusal}'s `shownAs`). */
  readonly given: string;
  /** The accepted form, in plain words. */
  readonly accepted: string;
}

/**
 * The one error type for bad input: its message is one sentence naming the field,
 * the value given and what is accepted.
 */
export interface ForgeError extends Error {
  readonly name: 'ForgeError';
  /** The kind of bad input. */
  readonly code: ForgeErrorCode;
  /** The field, the value given and the accepted form. */
  readonly details: ForgeErrorDetails;
}

/** What `new ForgeError(code, details)` is called on. */
export interface ForgeErrorConstructor {
  new (code: ForgeErrorCode, details: ForgeErrorDetails): ForgeError;
  readonly prototype: ForgeError;
}

/**
 * Makes the one error type for bad input: `new ForgeError(code, details)`; `instanceof ForgeError` and
 * `instanceof Error` hold. A function rather than a class: a class that extends Error makes every k6 VU build the
 * engine's Error machinery at init, about 3 KB each under k6 v2.2, thrown or not; this touches Error on the first
 * error only.
 */
export const ForgeError = function (code: ForgeErrorCode, details: ForgeErrorDetails): ForgeError {
  const prototype: object = ForgeError.prototype;
  if (!(prototype instanceof Error)) {
    Object.setPrototypeOf(prototype, Error.prototype);
    Object.defineProperty(prototype, 'name', { value: 'ForgeError', writable: true, configurable: true });
  }
  const message = printable(`${details.field}: ${details.given} is not accepted; expected ${details.accepted}`);
  const error = Reflect.construct(Error, [message], new.target ?? ForgeError) as { -readonly [K in keyof ForgeError]: ForgeError[K] };
  error.code = code;
  error.details = details;
  return error;
} as unknown as ForgeErrorConstructor;

/**
 * Escapes control characters (C0, DEL, C1: terminal escape sequences and line breaks among them) as `\u` codes, so
 * text echoed from a file or an argument cannot write to a terminal and stays on one line.
 * @param text - Text to print.
 * @returns The text, unchanged when it holds no control character.
 */
export function printable(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && (code < 0x7f || code > 0x9f)) continue;
    out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Shows a value in an error message: strings quoted, everything else as JSON.
 * @param value - The offending value.
 * @returns A short printable form.
 */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** What {@link refuse} reports: the field, the value given, and what is accepted. */
export interface Refusal {
  /** The variable, option, file or JSON path that held the bad value. */
  readonly field: string;
  /** The value, quoted with {@link shown}. */
  readonly given?: unknown;
  /** The value as already written for a person, shown as it is instead of `given`: `(hidden)` for a secret, or a description such as `a missing file`. */
  readonly shownAs?: string;
  /** What is accepted, in plain words. */
  readonly accepted: string;
}

/**
 * Refuses bad input: throws the ForgeError of that kind. Every helper that reports bad input throws through this
 * one, so a check reads `if (bad) refuse(...)` everywhere.
 * @param code - The kind of bad input.
 * @param refusal - The field, the value given (or how it is already shown) and what is accepted.
 * @throws {ForgeError} Always.
 */
export function refuse(code: ForgeErrorCode, { field, given, shownAs, accepted }: Refusal): never {
  throw new ForgeError(code, { field, given: shownAs ?? shown(given), accepted });
}

/**
 * Refuses an option: {@link refuse} with `invalid_option`, the most common kind, the value quoted. It throws by itself
 * rather than through `refuse`, so a bundle that refuses only options keeps one function in each k6 VU, not two.
 * @param field - The option.
 * @param given - Its value.
 * @param accepted - What is accepted, in plain words.
 * @throws {ForgeError} Always.
 */
export function invalidOption(field: string, given: unknown, accepted: string): never {
  throw new ForgeError('invalid_option', { field, given: shown(given), accepted });
}
