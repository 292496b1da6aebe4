import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ForgeError, shown } from '../lib/errors.ts';
import { FlashSale, type OrderRejection } from './flash-sale.ts';

/** Where and how fast the embedded flash-sale target serves. */
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
}

/** A listening target. */
export interface RunningTarget {
  /** Base URL for k6's `BASE_URL`, such as `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Stops listening and closes every connection, idle keep-alive ones included. */
  close(): Promise<void>;
}

interface Reply {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
}

type BodyHandler = (sale: FlashSale, request: IncomingMessage, response: ServerResponse, body: unknown) => void;

const MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPE = 'application/json';
// Longer than the idle timeout of k6's HTTP client, so k6 never reuses a connection the server is dropping.
const KEEP_ALIVE_MS = 75_000;

/** Builds a response once at load time, so sending it costs no allocation. */
function fixedReply(status: number, value: object, extraHeaders: OutgoingHttpHeaders = {}): Reply {
  const body = Buffer.from(JSON.stringify(value));
  return { status, body, headers: { 'content-type': JSON_TYPE, 'content-length': body.length, ...extraHeaders } };
}

const HEALTHY = fixedReply(200, { status: 'ok' });
const WAITING = fixedReply(200, { status: 'waiting' });
const NOT_FOUND = fixedReply(404, { error: 'not found' });
const ONLY_GET = fixedReply(405, { error: 'method not allowed' }, { allow: 'GET' });
const ONLY_POST = fixedReply(405, { error: 'method not allowed' }, { allow: 'POST' });
const TOO_LARGE = fixedReply(
  413,
  { error: `body: more than ${MAX_BODY_BYTES} bytes is not accepted; expected at most 64 KB` },
  { connection: 'close' },
);
const REJECTIONS: Readonly<Record<OrderRejection['kind'], Reply>> = {
  unknown_product: fixedReply(404, { error: 'unknown product' }),
  key_conflict: fixedReply(422, { error: 'x-idempotency-key was already used for a different order' }),
  sold_out: fixedReply(409, { error: 'sold out' }),
  rate_limited: fixedReply(302, { error: 'rate limited' }, { location: '/waiting-room' }),
};

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, reply.headers);
  response.end(reply.body);
}

function sendJson(response: ServerResponse, status: number, value: object): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** Answers 400 with the one-sentence message ForgeError uses: field, value given, what is accepted. */
function sendInvalid(response: ServerResponse, field: string, given: unknown, accepted: string): void {
  sendJson(response, 400, { error: `${field}: ${shown(given)} is not accepted; expected ${accepted}` });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a JSON body of at most 64 KB, then hands it on; answers 413 or 400 itself. */
function receiveJson(sale: FlashSale, request: IncomingMessage, response: ServerResponse, handle: BodyHandler): void {
  if (Number(request.headers['content-length']) > MAX_BODY_BYTES) return send(response, TOO_LARGE);
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    else if (!response.headersSent) send(response, TOO_LARGE);
  });
  request.on('end', () => {
    if (size > MAX_BODY_BYTES) return;
    const first = chunks[0];
    const text = (chunks.length === 1 && first ? first : Buffer.concat(chunks, size)).toString();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendInvalid(response, 'body', text, 'a JSON object');
    }
    handle(sale, request, response, body);
  });
}

const init: BodyHandler = (sale, _request, response, body) => {
  if (!isRecord(body)) return sendInvalid(response, 'body', body, 'a JSON object');
  const { productId, quantity } = body;
  if (typeof productId !== 'string' || productId.length === 0) {
    return sendInvalid(response, 'productId', productId, 'a non-empty string');
  }
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 0) {
    return sendInvalid(response, 'quantity', quantity, 'a non-negative integer');
  }
  const stocked = sale.restock(productId, quantity);
  sendJson(response, 200, { productId, stock: stocked.stock });
};

const placeOrder: BodyHandler = (sale, request, response, body) => {
  const key = request.headers['x-idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) {
    return sendInvalid(response, 'x-idempotency-key', key, 'a non-empty header');
  }
  if (!isRecord(body)) return sendInvalid(response, 'body', body, 'a JSON object');
  const { productId, userId } = body;
  if (typeof productId !== 'string' || productId.length === 0) {
    return sendInvalid(response, 'productId', productId, 'a non-empty string');
  }
  if (typeof userId !== 'string' || userId.length === 0) {
    return sendInvalid(response, 'userId', userId, 'a non-empty string');
  }
  const outcome = sale.order(productId, userId, key, performance.now());
  if (outcome.kind !== 'accepted') return send(response, REJECTIONS[outcome.kind]);
  sendJson(response, 200, { orderId: outcome.orderId, productId: outcome.productId, userId: outcome.userId });
};

function showProduct(sale: FlashSale, response: ServerResponse, encodedId: string): void {
  let productId = encodedId;
  if (encodedId.includes('%')) {
    try {
      productId = decodeURIComponent(encodedId);
    } catch {
      return send(response, NOT_FOUND);
    }
  }
  const state = sale.product(productId);
  if (!state) return send(response, REJECTIONS.unknown_product);
  sendJson(response, 200, state);
}

/** Sends a request to its handler by path, then by method. */
function route(sale: FlashSale, request: IncomingMessage, response: ServerResponse): void {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const isGet = request.method === 'GET';
  const isPost = request.method === 'POST';
  switch (path) {
    case '/health':
      return send(response, isGet ? HEALTHY : ONLY_GET);
    case '/waiting-room':
      return send(response, isGet ? WAITING : ONLY_GET);
    case '/init':
      return isPost ? receiveJson(sale, request, response, init) : send(response, ONLY_POST);
    case '/order':
      return isPost ? receiveJson(sale, request, response, placeOrder) : send(response, ONLY_POST);
  }
  const productId = path.startsWith('/products/') ? path.slice('/products/'.length) : '';
  if (productId.length === 0 || productId.includes('/')) return send(response, NOT_FOUND);
  if (!isGet) return send(response, ONLY_GET);
  showProduct(sale, response, productId);
}

function invalidOption(field: string, given: unknown, accepted: string): never {
  throw new ForgeError('invalid_option', { field, given: shown(given), accepted });
}

/**
 * Starts the embedded flash-sale target (seed 004's API) on loopback, so k6 examples have a system under test.
 * @param options - Port, host and rate limit; see {@link TargetOptions}.
 * @returns The running target, with its base URL and a `close()`.
 * @throws {ForgeError} `invalid_option` (as a rejection) when the port is not an integer from 0 to 65535, the host
 * is empty or the rate is negative; a listen error (such as a port in use) rejects as it is.
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

  const sale = new FlashSale({ ordersPerSecond });
  const server = createServer(
    { keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: KEEP_ALIVE_MS + 1000 },
    (request, response) => route(sale, request, response),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
