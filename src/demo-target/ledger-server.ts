import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { printable } from '../lib/errors.ts';
import { fixedReply, NOT_FOUND, send, sendJson } from './http-io.ts';
import { REFUSALS, receiveTransfer } from './routes/gateway.ts';
import { DurableLedger } from './services/durable-ledger.ts';

/** Options of {@link startLedgerServer}. */
export interface LedgerServerOptions {
  /** The SQLite database file; created when missing, reopened as it is after a restart. */
  readonly db: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** The deliberately broken variant that answers before it writes (see {@link DurableLedger}). @default false */
  readonly ackBeforeCommit?: boolean;
  /** Where handled errors go. @default a line on stderr */
  readonly log?: (line: string) => void;
}

/** A listening ledger. */
export interface RunningLedger {
  /** Its base URL, such as `http://127.0.0.1:41235`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Stops listening, writes what is pending and closes the database. */
  close(): Promise<void>;
}

const HEALTHY = fixedReply(200, { status: 'ok' });
const TRANSFER_NOT_FOUND = fixedReply(404, { error: 'unknown transfer' });

/**
 * Serves the demo ledger over HTTP from its own process, on durable storage ({@link DurableLedger}): `GET /health`,
 * `GET /ready`, `POST /transfers` (with `x-idempotency-key`), `GET /transfers/{id}` and `GET /transfers`, the list
 * the drill checks acknowledged transfers against. No auth: the gateway in front of it checks the bearer token.
 * @param options - Database file, port, the broken variant.
 * @returns The running ledger.
 * @throws {ForgeError} `invalid_option` when better-sqlite3 is not installed.
 */
export async function startLedgerServer(options: LedgerServerOptions): Promise<RunningLedger> {
  const ledger = new DurableLedger({ file: options.db, ackBeforeCommit: options.ackBeforeCommit ?? false });
  const log = options.log ?? ((line: string) => console.error(line));
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (method === 'GET' && (path === '/health' || path === '/ready')) return send(response, HEALTHY);
    if (method === 'POST' && path === '/transfers') {
      return receiveTransfer(request, response, (key, transfer) => {
        const outcome = ledger.transfer(key, transfer);
        if (outcome.kind !== 'applied') return send(response, REFUSALS[outcome.kind]);
        const { kind: _kind, replay, idempotencyKey: _key, createdAt: _at, ...shown } = outcome;
        sendJson(response, 201, shown, replay ? { 'idempotent-replay': 'true' } : {});
      });
    }
    if (method === 'GET' && path === '/transfers') return sendJson(response, 200, { transfers: ledger.transfers() });
    if (method === 'GET' && path.startsWith('/transfers/')) {
      const transfer = ledger.transferById(decodeURIComponent(path.slice('/transfers/'.length)));
      return transfer ? sendJson(response, 200, transfer) : send(response, TRANSFER_NOT_FOUND);
    }
    if (method === 'GET' && path.startsWith('/accounts/')) {
      const account = ledger.account(decodeURIComponent(path.slice('/accounts/'.length)));
      return account ? sendJson(response, 200, account) : send(response, REFUSALS.unknown_account);
    }
    send(response, NOT_FOUND);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code !== 'ECONNRESET') log(`k6-forge demo ledger: request: ${printable(error.message)} (handled)`);
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          ledger.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
