import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { ForgeError, invalidOption, printable } from '../lib/errors.ts';
import { fixedReply, NOT_FOUND, receiveJson, send, sendInvalid, sendJson } from './http-io.ts';
import { type Route, routeMatcher, type Services } from './route.ts';
import { authRoutes } from './routes/auth.ts';
import { dealerRoutes } from './routes/dealer.ts';
import { flashSaleRoutes } from './routes/flash-sale.ts';
import { gatewayRoutes } from './routes/gateway.ts';
import { ledgerProxyRoutes } from './routes/ledger-proxy.ts';
import { serviceRoutes } from './routes/services.ts';
import { Dealer } from './services/dealer.ts';
import { FaultInjector, type Faults, parseFaults } from './services/faults.ts';
import { FlashSale } from './services/flash-sale.ts';
import { Ledger } from './services/ledger.ts';
import { Sessions } from './services/sessions.ts';

/** Where and how the demo target serves. */
export interface TargetOptions {
  /**
   * TCP port to listen on; 0 picks a free one.
   * @default 0
   */
  readonly port?: number;
  /**
   * Address to listen on.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * Order attempts (accepted or not, sold out excluded) let through per second; 0 means no limit.
   * @default 5000
   */
  readonly ordersPerSecond?: number;
  /**
   * Bearer tokens the gateway always accepts (docs/requirements.md, 000: `BEARER_TOKEN`).
   * @default ['demo-token']
   */
  readonly bearerTokens?: readonly string[];
  /**
   * Users who can log in (docs/requirements.md, 001: `TEST_USERNAME`/`TEST_PASSWORD`).
   * @default { 'loadtest@example.com': 'LoadTest123!' }
   */
  readonly users?: Readonly<Record<string, string>>;
  /**
   * Access token lifetime in seconds.
   * @default 900
   */
  readonly tokenLifetimeSeconds?: number;
  /**
   * Funded accounts opened at start, in minor units of EUR (docs/requirements.md, 000: `ACCOUNT_ID`).
   * @default { 'acc-demo': 1_000_000_000_000 }
   */
  readonly accounts?: Readonly<Record<string, number>>;
  /**
   * Where the target reports errors it handled: a malformed request or WebSocket frame, a connection reset.
   * @default a line on stderr per error
   */
  readonly log?: (line: string) => void;
  /**
   * Faults to inject per route, for tests of verdicts (a share of 503s, added latency, a stalled route); switchable
   * while running with `POST /admin/faults` and a body of the same shape (`{}` clears them).
   * @default {}
   */
  readonly faults?: Faults;
  /**
   * The base URL of a ledger running as a process of its own (`k6-forge demo-target ledger`): the gateway then
   * forwards `POST /transfers` and `GET /transfers/{id}` to it, and answers 503 while it is down.
   * @default the in-process ledger
   */
  readonly ledgerUrl?: string;
}

/** A listening target. */
export interface RunningTarget {
  /** Base URL for k6's `BASE_URL`, such as `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Stops listening and closes every connection, idle keep-alive and WebSocket ones included. */
  close(): Promise<void>;
}

// Longer than the idle timeout of k6's HTTP client, so k6 never reuses a connection the server is dropping.
const KEEP_ALIVE_MS = 75_000;
const HEALTHY = fixedReply(200, { status: 'ok' });
const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/health', handle: ({ response }) => send(response, HEALTHY) },
  ...flashSaleRoutes,
  ...gatewayRoutes,
  ...authRoutes,
  ...dealerRoutes,
  ...serviceRoutes,
];

/** `GET /admin/faults` shows the faults in force, `POST /admin/faults` replaces them. */
function faultRoutes(injector: FaultInjector): readonly Route[] {
  return [
    { method: 'GET', path: '/admin/faults', handle: ({ response }) => sendJson(response, 200, injector.faults) },
    {
      method: 'POST',
      path: '/admin/faults',
      handle: ({ request, response }) =>
        receiveJson(request, response, (body) => {
          const parsed = parseFaults(body);
          if ('field' in parsed) return sendInvalid(response, parsed.field, parsed.given, parsed.accepted);
          injector.set(parsed.faults);
          sendJson(response, 200, injector.faults);
        }),
    },
  ];
}

/**
 * Sends a request to its route, through its fault; HEAD is answered as GET without a body, 404 for an unknown path,
 * 405 for a known path with another method.
 */
function route(
  services: Services,
  faults: FaultInjector,
  match: ReturnType<typeof routeMatcher>,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const method = request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET');
  const found = match(method, query === -1 ? url : url.slice(0, query));
  if (!found) {
    send(response, NOT_FOUND);
    return;
  }
  if ('allow' in found) {
    send(response, fixedReply(405, { error: 'method not allowed' }, { allow: found.allow }));
    return;
  }
  const { route: chosen, params } = found;
  faults.apply(`${chosen.method} ${chosen.path}`, response, () => chosen.handle({ services, request, response, params }));
}

/** The largest WebSocket message the echo accepts: larger ones close the socket with 1009. */
const MAX_FRAME_BYTES = 1024 * 1024;

/** Turns a listen error into the one-line message of bad input: a port in use or not allowed, an unknown host. */
function listenError(error: NodeJS.ErrnoException, port: number, host: string): ForgeError | Error {
  const problems: Readonly<Record<string, [string, string, string]>> = {
    EADDRINUSE: ['port', `${port}, which another process listens on`, 'a free port, or 0 to pick one'],
    EACCES: ['port', `${port}, which needs privileges to listen on`, 'a port above 1023, or 0 to pick one'],
    EADDRNOTAVAIL: ['host', `${JSON.stringify(host)}, an address of no interface here`, 'an address of this machine, such as 127.0.0.1'],
    ENOTFOUND: ['host', `${JSON.stringify(host)}, a name that does not resolve`, 'an address of this machine, such as 127.0.0.1'],
  };
  const problem = problems[error.code ?? ''];
  return problem ? new ForgeError('invalid_option', { field: problem[0], given: problem[1], accepted: problem[2] }) : error;
}

/**
 * Starts the demo target on loopback, so k6 examples have a system under test (docs/requirements.md): the flash sale
 * of 004, the gateway and ledger of 000, the login, refresh, customers, deals and tax engine of 001, and a WebSocket echo at `/ws/echo`.
 * @param options - Port, host, rate limit, tokens, users and accounts; see {@link TargetOptions}.
 * @returns The running target, with its base URL and a `close()`.
 * @throws {ForgeError} `invalid_option` (as a rejection) when the port is not an integer from 0 to 65535, the host
 * is empty, the rate is negative or a fault is malformed, or the port is in use or not allowed, or the host is no
 * address of this machine; other listen errors reject as they are.
 */
export async function startTarget(options: TargetOptions = {}): Promise<RunningTarget> {
  const { port = 0, host = '127.0.0.1', ordersPerSecond = 5000 } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    invalidOption('port', port, 'an integer from 0 to 65535 (0 picks a free port)');
  }
  if (typeof host !== 'string' || host.length === 0) invalidOption('host', host, 'a non-empty host name or address');
  if (typeof ordersPerSecond !== 'number' || !Number.isFinite(ordersPerSecond) || ordersPerSecond < 0) {
    invalidOption('ordersPerSecond', ordersPerSecond, 'a finite number of 0 or more (0 means no limit)');
  }

  const initialFaults = parseFaults(options.faults ?? {});
  if ('field' in initialFaults) invalidOption(initialFaults.field, initialFaults.given, initialFaults.accepted);
  const faults = new FaultInjector(initialFaults.faults);
  if (options.ledgerUrl !== undefined && !/^https?:\/\/[^/]+$/.test(options.ledgerUrl)) {
    invalidOption('ledgerUrl', options.ledgerUrl, 'a base URL such as http://127.0.0.1:41235, without a path');
  }
  const proxied = options.ledgerUrl === undefined ? [] : ledgerProxyRoutes(options.ledgerUrl);
  const match = routeMatcher([...proxied, ...ROUTES, ...faultRoutes(faults)]);
  const ledger = new Ledger();
  for (const [account, balance] of Object.entries(options.accounts ?? { 'acc-demo': 1_000_000_000_000 }))
    ledger.fund(account, balance, 'EUR');
  const services: Services = {
    sale: new FlashSale({ ordersPerSecond }),
    ledger,
    sessions: new Sessions({
      users: options.users ?? { 'loadtest@example.com': 'LoadTest123!' },
      staticTokens: options.bearerTokens ?? ['demo-token'],
      lifetimeSeconds: options.tokenLifetimeSeconds ?? 900,
    }),
    dealer: new Dealer(),
  };
  const server = createServer({ keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: KEEP_ALIVE_MS + 1000 }, (request, response) =>
    route(services, faults, match, request, response),
  );
  const log = options.log ?? ((line: string) => console.error(line));
  const handled = (where: string) => (error: Error) => log(`k6-forge demo-target: ${where}: ${printable(error.message)} (handled)`);
  // A malformed request is answered 400 and its connection closed; a malformed WebSocket frame closes that socket
  // (ws closes it with 1002 or 1007 and then emits the error). Neither reaches the process as an uncaught error.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code !== 'ECONNRESET') handled('request')(error);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, host)));
    server.listen(port, host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  // Made once the server listens: a WebSocketServer re-emits its server's errors (a failed listen would be logged
  // beside its own message), and from here its listener logs them.
  const echo = new WebSocketServer({ server, path: '/ws/echo', maxPayload: MAX_FRAME_BYTES });
  echo.on('error', handled('server'));
  echo.on('wsClientError', (error, socket) => {
    handled('WebSocket upgrade')(error);
    socket.destroy();
  });
  echo.on('connection', (socket) => {
    socket.on('error', handled('WebSocket frame'));
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  });

  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const client of echo.clients) client.terminate();
        echo.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
