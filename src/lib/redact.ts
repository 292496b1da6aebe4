import { isBinary } from './binary.ts';

/** What replaces a secret wherever k6-forge prints something. */
export const REDACTED = '[redacted]';

// The patterns are built where they are used, not at module scope: only DEBUG runs reach them, and a regular
// expression at module scope would cost every VU the RegExp machinery (about 18 KB a VU).
const secretHeader = () => /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;
const secretField = () => /pass(word)?|token|secret|authori[sz]ation|cookie|api[-_]?key|credential/i;

/**
 * Tells whether a field or variable name looks like it holds a secret: password, token, secret, authorization,
 * cookie, API key or credential, in any case (`TEST_PASSWORD`, `BEARER_TOKEN`, `client_secret`).
 * @param name - The name.
 * @returns Whether its value must never be printed.
 */
export function isSecretName(name: string): boolean {
  return secretField().test(name);
}

/**
 * Copies headers with the values of secret ones (`Authorization`, `Cookie`, `Set-Cookie`, API keys) replaced.
 * @param headers - Request or response headers.
 * @returns Headers safe to print.
 */
export function redactHeaders(headers: Readonly<Record<string, string | readonly string[]>>): Record<string, string> {
  const safe: Record<string, string> = {};
  const secret = secretHeader();
  for (const [name, value] of Object.entries(headers)) safe[name] = secret.test(name) ? REDACTED : String(value);
  return safe;
}

/**
 * Replaces the values of secret-looking fields (password, token, secret, cookie, API key) at any depth.
 * @param value - Parsed JSON.
 * @returns A copy safe to print.
 */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (typeof value !== 'object' || value === null) return value;
  const secret = secretField();
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, secret.test(key) ? REDACTED : redactJson(field)]));
}

/**
 * Makes a request or response body safe to print: JSON with secret fields redacted, other text as it is, cut short.
 * @param body - The body as sent or received.
 * @param limit - The most characters to keep. @default 500
 * @returns Printable text.
 */
export function redactBody(body: unknown, limit = 500): string {
  if (body === null || body === undefined || body === '') return '';
  let text: string;
  if (typeof body !== 'string') {
    text = typeof body === 'object' && !isBinary(body) ? JSON.stringify(redactJson(body)) : '[binary]';
  } else {
    try {
      text = JSON.stringify(redactJson(JSON.parse(body)));
    } catch {
      text = /pass(word)?=|token=|secret=/i.test(body) ? REDACTED : body;
    }
  }
  return text.length > limit ? `${text.slice(0, limit)}...` : text;
}

/**
 * Redacts credentials and secret-looking query parameters from a URL, also from a malformed one as a person may
 * give it: the user information runs from the scheme (or the start, without one) to the last `@` before the query,
 * so a password with an unencoded `@` or `/`, a space or a wrong scheme is hidden whole.
 * @param url - An absolute or relative URL, well-formed or not.
 * @returns The URL safe to print.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^?#]*@/i, (_whole, scheme: string | undefined) => `${scheme ?? ''}${REDACTED}@`)
    .replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, sep: string, key: string) =>
      secretField().test(key) ? `${sep}${key}=${REDACTED}` : whole,
    );
}
