import { isRecord } from '../../lib/is-record.ts';
import { fixedReply, receiveJson, requiredText, send, sendInvalid, sendJson, UNAUTHORIZED } from '../http-io.ts';
import type { Route, RouteContext } from '../route.ts';

const INVALID_VIN = fixedReply(422, { error: 'vehicle.vin: the check digit does not match; expected a valid 17-character VIN' });
const NO_DEAL = fixedReply(404, { error: 'unknown deal' });

/** Runs a handler only for requests with a valid bearer token (a login's access token or a static token). */
function authorized(handle: (context: RouteContext) => void): (context: RouteContext) => void {
  return (context) => {
    if (context.services.sessions.authorizes(context.request.headers.authorization)) handle(context);
    else send(context.response, UNAUTHORIZED);
  };
}

function amount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The dealer platform of docs/requirements.md, 001: customers and search, deals with a VIN check, and the tax engine. */
export const dealerRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/customers',
    handle: authorized(({ services, request, response }) =>
      receiveJson(request, response, (body) => {
        const firstName = requiredText(response, body, 'firstName');
        const lastName = firstName === undefined ? undefined : requiredText(response, body, 'lastName');
        const email = lastName === undefined ? undefined : requiredText(response, body, 'email');
        if (firstName === undefined || lastName === undefined || email === undefined) return;
        sendJson(response, 201, services.dealer.addCustomer({ firstName, lastName, email }));
      }),
    ),
  },
  {
    method: 'GET',
    path: '/customers',
    handle: authorized(({ services, request, response }) => {
      const query = (request.url ?? '').split('?')[1] ?? '';
      const term = new URLSearchParams(query).get('q');
      if (!term) return sendInvalid(response, 'q', term ?? undefined, 'a search term of at least one character');
      sendJson(response, 200, { results: services.dealer.searchCustomers(term) });
    }),
  },
  {
    method: 'POST',
    path: '/deals',
    handle: authorized(({ services, request, response }) =>
      receiveJson(request, response, (body) => {
        const dealNumber = requiredText(response, body, 'dealNumber');
        if (dealNumber === undefined) return;
        const { vehicle, customer, salePrice } = body;
        if (!isRecord(vehicle) || typeof vehicle['vin'] !== 'string')
          return sendInvalid(response, 'vehicle.vin', vehicle, 'a vehicle with a vin');
        if (!isRecord(customer) || typeof customer['email'] !== 'string')
          return sendInvalid(response, 'customer.email', customer, 'a customer with an email');
        const price = amount(salePrice);
        if (price === undefined) return sendInvalid(response, 'salePrice', salePrice, 'an amount of 0 or more');
        const deal = services.dealer.openDeal({ dealNumber, vin: vehicle['vin'], salePrice: price, customerEmail: customer['email'] });
        if (deal) sendJson(response, 201, deal);
        else send(response, INVALID_VIN);
      }),
    ),
  },
  {
    method: 'GET',
    path: '/deals/{id}',
    handle: authorized(({ services, response, params }) => {
      const deal = services.dealer.deal(params['id']!);
      if (deal) sendJson(response, 200, deal);
      else send(response, NO_DEAL);
    }),
  },
  {
    method: 'POST',
    path: '/tax/calculate',
    handle: authorized(({ services, request, response }) =>
      receiveJson(request, response, (body) => {
        const { jurisdiction, vehiclePrice, tradeInValue = 0, rebate = 0, fees = [] } = body;
        if (!isRecord(jurisdiction) || typeof jurisdiction['region'] !== 'string') {
          return sendInvalid(response, 'jurisdiction.region', jurisdiction, 'a jurisdiction with a two-letter region');
        }
        const price = amount(vehiclePrice);
        if (price === undefined) return sendInvalid(response, 'vehiclePrice', vehiclePrice, 'an amount of 0 or more');
        const deductions = [amount(tradeInValue), amount(rebate)];
        if (deductions.includes(undefined))
          return sendInvalid(response, 'tradeInValue or rebate', { tradeInValue, rebate }, 'amounts of 0 or more');
        const feeAmounts = Array.isArray(fees) ? fees.map((fee) => (isRecord(fee) ? amount(fee['amount']) : undefined)) : [undefined];
        if (feeAmounts.includes(undefined))
          return sendInvalid(response, 'fees', fees, 'a list of { code, amount } with amounts of 0 or more');
        const sum = (values: (number | undefined)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
        sendJson(response, 200, services.dealer.quoteTax(jurisdiction['region'], price, sum(deductions), sum(feeAmounts)));
      }),
    ),
  },
];
