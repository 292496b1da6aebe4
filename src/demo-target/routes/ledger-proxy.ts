import { Agent, request as httpRequest } from 'node:http';
import { fixedReply, send } from '../http-io.ts';
import type { Route, RouteContext } from '../route.ts';
import { authorized } from './gateway.ts';

const UNAVAILABLE = fixedReply(503, { error: 'ledger unavailable' }, { 'retry-after': '1' });
const TIMED_OUT = fixedReply(504, { error: 'ledger timed out' });
/** How long the gateway waits for the ledger's answer before it answers 504. */
const LEDGER_TIMEOUT_MS = 5000;

/**
 * The gateway's transfer routes when the ledger runs as a process of its own (`ledgerUrl`): the bearer token is
 * checked here, then the request goes to the ledger as it is (the idempotency key with it). While the ledger is
 * down, or drops the connection, the gateway answers 503 with `retry-after: 1`; when it does not answer in 5 s, 504.
 * Either way the client cannot know whether the transfer landed, and retries it with the same idempotency key.
 * @param ledgerUrl - The ledger's base URL, such as `http://127.0.0.1:41235`.
 * @returns `POST /transfers` and `GET /transfers/{id}`, to put before the in-process ledger's routes.
 */
export function ledgerProxyRoutes(ledgerUrl: string): readonly Route[] {
  const target = new URL(ledgerUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const forward = (context: RouteContext, path: string) => {
    if (!authorized(context)) return;
    const { request, response } = context;
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const name of ['content-type', 'content-length', 'x-idempotency-key']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let answered = false;
    const fail = (reply: typeof UNAVAILABLE) => {
      if (answered || response.headersSent) return;
      answered = true;
      send(response, reply);
    };
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path, method: request.method, headers, agent, timeout: LEDGER_TIMEOUT_MS },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', () => fail(UNAVAILABLE));
        answer.on('end', () => {
          if (answered) return;
          answered = true;
          const body = Buffer.concat(chunks);
          const out: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': body.length };
          const replay = answer.headers['idempotent-replay'];
          if (typeof replay === 'string') out['idempotent-replay'] = replay;
          response.writeHead(answer.statusCode ?? 502, out);
          response.end(body);
        });
      },
    );
    upstream.on('timeout', () => {
      fail(TIMED_OUT);
      upstream.destroy();
    });
    upstream.on('error', () => fail(UNAVAILABLE));
    request.pipe(upstream);
  };
  return [
    { method: 'POST', path: '/transfers', handle: (context) => forward(context, '/transfers') },
    {
      method: 'GET',
      path: '/transfers/{id}',
      handle: (context) => forward(context, `/transfers/${encodeURIComponent(context.params['id']!)}`),
    },
  ];
}
