import type { IncomingMessage, ServerResponse } from 'node:http';
import { fixedReply, type Reply, receiveJson, requiredText, send, sendInvalid, sendJson, UNAUTHORIZED } from '../http-io.ts';
import type { Route, RouteContext } from '../route.ts';
import type { TransferRejection, TransferRequest } from '../services/ledger.ts';

/** The answer to each refusal of a transfer. */
export const REFUSALS: Readonly<Record<TransferRejection['kind'], Reply>> = {
  unknown_account: fixedReply(404, { error: 'unknown account' }),
  key_conflict: fixedReply(422, { error: 'x-idempotency-key was already used for a different transfer' }),
  insufficient_funds: fixedReply(409, { error: 'insufficient funds' }),
  currency_mismatch: fixedReply(422, { error: 'currency does not match the account' }),
};

const TRANSFER_NOT_FOUND = fixedReply(404, { error: 'unknown transfer' });

/**
 * Reads a transfer request: its `x-idempotency-key` header and a JSON body with `fromAccount`, `toAccount`,
 * `currency` and a positive whole `amountMinor`; answers 400 itself for anything else.
 * @param request - The request.
 * @param response - The response, for the 400 answers.
 * @param handle - What to do with the key and the checked transfer.
 */
export function receiveTransfer(
  request: IncomingMessage,
  response: ServerResponse,
  handle: (key: string, transfer: TransferRequest) => void,
): void {
  const key = request.headers['x-idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) {
    sendInvalid(response, 'x-idempotency-key', key, 'a non-empty header');
    return;
  }
  receiveJson(request, response, (body) => {
    const fromAccount = requiredText(response, body, 'fromAccount');
    const toAccount = fromAccount === undefined ? undefined : requiredText(response, body, 'toAccount');
    const currency = toAccount === undefined ? undefined : requiredText(response, body, 'currency');
    if (fromAccount === undefined || toAccount === undefined || currency === undefined) return;
    const { amountMinor } = body;
    if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
      sendInvalid(response, 'amountMinor', amountMinor, 'a whole number of minor units greater than 0');
      return;
    }
    handle(key, { fromAccount, toAccount, amountMinor, currency });
  });
}

/** Whether the request carries a bearer token the target accepts; answers 401 itself when not. */
export function authorized({ services, request, response }: RouteContext): boolean {
  if (services.sessions.authorizes(request.headers.authorization)) return true;
  send(response, UNAUTHORIZED);
  return false;
}

/** The gateway in front of a ledger of docs/requirements.md, 000: bearer token, account balance, idempotent transfers. */
export const gatewayRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/accounts/{id}',
    handle: (context) => {
      if (!authorized(context)) return;
      const account = context.services.ledger.account(context.params['id']!);
      if (!account) return send(context.response, REFUSALS.unknown_account);
      sendJson(context.response, 200, account);
    },
  },
  {
    method: 'POST',
    path: '/transfers',
    handle: (context) => {
      if (!authorized(context)) return;
      const { services, response } = context;
      receiveTransfer(context.request, response, (key, request) => {
        const outcome = services.ledger.transfer(key, request);
        if (outcome.kind !== 'applied') return send(response, REFUSALS[outcome.kind]);
        const { kind: _kind, replay, ...transfer } = outcome;
        sendJson(response, 201, transfer, replay ? { 'idempotent-replay': 'true' } : {});
      });
    },
  },
  {
    method: 'GET',
    path: '/transfers/stats',
    handle: ({ services, response }) => sendJson(response, 200, services.ledger.stats()),
  },
  {
    method: 'GET',
    path: '/transfers/{id}',
    handle: (context) => {
      if (!authorized(context)) return;
      const transfer = context.services.ledger.transferById(context.params['id']!);
      if (!transfer) return send(context.response, TRANSFER_NOT_FOUND);
      const { kind: _kind, replay: _replay, ...shown } = transfer;
      sendJson(context.response, 200, shown);
    },
  },
];
