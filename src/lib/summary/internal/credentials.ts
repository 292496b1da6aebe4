// After a scheme, the userinfo runs up to the last `@` before the host ends (`/`, `?`, `#` or a space).
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi;

/**
 * Removes the user and password from every URL in a text, such as a `{name:https://user:pw@host/x}` sub-metric.
 * @param text - Any text from k6's summary data.
 * @returns The text with `scheme://user:password@` written as `scheme://`.
 */
export function withoutCredentials(text: string): string {
  return text.replace(USERINFO, '$1');
}
