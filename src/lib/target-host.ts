// The system under test's host, as a run records it and as the configuration and the production guard judge it.

// Optional scheme, then the authority up to `/`, `?` or `#`; greedy userinfo stops at its last `@`.
const AUTHORITY = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/?#]*@)?([^/?#]*)/i;
const HOST_AND_PORT = /^(?:\[[0-9a-f:.]+\]|[a-z0-9._~%-]+)(?::\d{1,5})?$/i;

/**
 * Reads the host and port of a base URL with a regex (k6 has no `URL` class), dropping scheme, credentials,
 * path, query and fragment.
 * @param baseUrl - A URL such as `https://user:pw@api.example.com:8443/v1?x=1`.
 * @returns `api.example.com:8443`; empty when unset or when the authority is not a plain host[:port], so a
 *   malformed URL never leaks part of a password.
 */
export function targetHost(baseUrl: string | undefined): string {
  const host = AUTHORITY.exec(baseUrl ?? '')?.[1] ?? '';
  return HOST_AND_PORT.test(host) ? host.toLowerCase() : '';
}

/**
 * Drops the port from a host as {@link targetHost} returns it.
 * @param hostAndPort - Such as `api.example.com:8443` or `[::1]:3000`.
 * @returns `api.example.com`, `[::1]`; the input when it has no port.
 */
export function hostName(hostAndPort: string): string {
  const colon = hostAndPort.startsWith('[') ? hostAndPort.indexOf(']:') + 1 : hostAndPort.lastIndexOf(':');
  return colon > 0 ? hostAndPort.slice(0, colon) : hostAndPort;
}
