import { fixedReply, type Reply, receiveJson, requiredText, send, sendInvalid, sendJson, UNAUTHORIZED } from '../http-io.ts';
import type { Route, RouteContext } from '../route.ts';
import type { TransferRejection } from '../services/ledger.ts';

const REFUSALS: Readonly<Record<TransferRejection['kind'], Reply>> = {
  unknown_account: fixedReply(404, { error: 'unknown account' }),
  key_conflict: fixedReply(422, { error: 'x-idempotency-key was already used for a different transfer' }),
  insufficient_funds: fixedReply(409, { error: 'insufficient funds' }),
  currency_mismatch: fixedReply(422, { error: 'currency does not match the account' }),
};

function authorized({ services, request, response }: RouteContext): boolean {
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
      const { services, request, response } = context;
      const key = request.headers['x-idempotency-key'];
      if (typeof key !== 'string' || key.length === 0) return sendInvalid(response, 'x-idempotency-key', key, 'a non-empty header');
      receiveJson(request, response, (body) => {
        const fromAccount = requiredText(response, body, 'fromAccount');
        const toAccount = fromAccount === undefined ? undefined : requiredText(response, body, 'toAccount');
        const currency = toAccount === undefined ? undefined : requiredText(response, body, 'currency');
        if (fromAccount === undefined || toAccount === undefined || currency === undefined) return;
        const { amountMinor } = body;
        if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
          return sendInvalid(response, 'amountMinor', amountMinor, 'a whole number of minor units greater than 0');
        }
        const outcome = services.ledger.transfer(key, { fromAccount, toAccount, amountMinor, currency });
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
];
