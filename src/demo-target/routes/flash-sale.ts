import { performance } from 'node:perf_hooks';
import { fixedReply, type Reply, receiveJson, requiredText, send, sendInvalid, sendJson } from '../http-io.ts';
import type { Route } from '../route.ts';
import type { OrderRejection } from '../services/flash-sale.ts';

const WAITING = fixedReply(200, { status: 'waiting' });
const REJECTIONS: Readonly<Record<OrderRejection['kind'], Reply>> = {
  unknown_product: fixedReply(404, { error: 'unknown product' }),
  key_conflict: fixedReply(422, { error: 'x-idempotency-key was already used for a different order' }),
  sold_out: fixedReply(409, { error: 'sold out' }),
  rate_limited: fixedReply(302, { error: 'rate limited' }, { location: '/waiting-room' }),
};

/** The flash-sale API of docs/requirements.md, 004: stock a product, order it with an idempotency key, read its state. */
export const flashSaleRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/init',
    handle: ({ services, request, response }) =>
      receiveJson(request, response, (body) => {
        const productId = requiredText(response, body, 'productId');
        if (productId === undefined) return;
        const { quantity } = body;
        if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 0) {
          return sendInvalid(response, 'quantity', quantity, 'a non-negative integer');
        }
        sendJson(response, 200, { productId, stock: services.sale.restock(productId, quantity).stock });
      }),
  },
  {
    method: 'POST',
    path: '/order',
    handle: ({ services, request, response }) => {
      const key = request.headers['x-idempotency-key'];
      if (typeof key !== 'string' || key.length === 0) return sendInvalid(response, 'x-idempotency-key', key, 'a non-empty header');
      receiveJson(request, response, (body) => {
        const productId = requiredText(response, body, 'productId');
        const userId = productId === undefined ? undefined : requiredText(response, body, 'userId');
        if (productId === undefined || userId === undefined) return;
        const outcome = services.sale.order(productId, userId, key, performance.now());
        if (outcome.kind !== 'accepted') return send(response, REJECTIONS[outcome.kind]);
        sendJson(response, 200, { orderId: outcome.orderId, productId: outcome.productId, userId: outcome.userId });
      });
    },
  },
  {
    method: 'GET',
    path: '/products/{id}',
    handle: ({ services, response, params }) => {
      const state = services.sale.product(params['id']!);
      if (!state) return send(response, REJECTIONS.unknown_product);
      sendJson(response, 200, state);
    },
  },
  { method: 'GET', path: '/waiting-room', handle: ({ response }) => send(response, WAITING) },
];
