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
  /** The value as shown to a person: quoted by {@link shown}, or `(hidden)` for secrets ({@link AlreadyShown}). */
  readonly given: string;
  /** The accepted form, in plain words. */
  readonly accepted: string;
}

/**
 * The one error type for bad input: its message is one sentence naming the field,
 * the value given and what is accepted.
 */
export class ForgeError extends Error {
  override readonly name = 'ForgeError';

  /**
   * @param code - The kind of bad input.
   * @param details - The field, the value given and the accepted form.
   */
  constructor(
    readonly code: ForgeErrorCode,
    readonly details: ForgeErrorDetails,
  ) {
    super(printable(`${details.field}: ${details.given} is not accepted; expected ${details.accepted}`));
  }
}

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
 * A value already written for a person, which {@link shown} keeps as it is: `(hidden)` for a secret, or a description
 * such as `a missing file` where there is no value to quote. `text` is the value as it is to be shown.
 */
export class AlreadyShown {
  constructor(readonly text: string) {}
}

/**
 * Shows a value in an error message: strings quoted, everything else as JSON, an {@link AlreadyShown} as it is.
 * @param value - The offending value.
 * @returns A short printable form.
 */
export function shown(value: unknown): string {
  if (value instanceof AlreadyShown) return value.text;
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Refuses bad input: throws the ForgeError of that kind, showing the value given with {@link shown}. Every helper that
 * reports bad input throws through this one, so a check reads `if (bad) refuse(...)` everywhere.
 * @param code - The kind of bad input.
 * @param field - The variable, option, file or JSON path that held it.
 * @param given - The value: quoted when shown, or an {@link AlreadyShown} such as `(hidden)`.
 * @param accepted - What is accepted, in plain words.
 * @throws {ForgeError} Always.
 */
export function refuse(code: ForgeErrorCode, field: string, given: unknown, accepted: string): never {
  throw new ForgeError(code, { field, given: shown(given), accepted });
}

/**
 * Refuses an option: {@link refuse} with `invalid_option`, the most common kind.
 * @param field - The option.
 * @param given - Its value, shown quoted, or an {@link AlreadyShown}.
 * @param accepted - What is accepted, in plain words.
 * @throws {ForgeError} Always.
 */
export function invalidOption(field: string, given: unknown, accepted: string): never {
  refuse('invalid_option', field, given, accepted);
}
